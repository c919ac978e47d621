using Clife.Device.Hal;
using Clife.Device.Json;
using Clife.Device.Storage;
using Clife.Device.Text;

namespace Clife.Device.Runtime
{
    /// <summary>Keeps the <see cref="DeviceConfig"/> in its power-loss-safe flash record.</summary>
    public sealed class ConfigStore
    {
        /// <summary>Magic number of the configuration record ("CFG1").</summary>
        public const uint Magic = 0x31474643;

        private readonly RecordStore _record;
        private readonly JsonWriter _writer = new JsonWriter(1024);

        /// <summary>Uses the given flash area.</summary>
        public ConfigStore(IFlashArea area)
        {
            _record = new RecordStore(area, Magic);
        }

        /// <summary>Sequence number of the record last loaded or saved.</summary>
        public uint Sequence => _record.Sequence;

        /// <summary>
        /// Loads the newest valid record. Returns defaults when flash holds none. A record whose CRC is valid but
        /// whose content cannot be read (never written by this firmware) also gives defaults, and <paramref name="problem"/>
        /// says so; otherwise it is empty.
        /// </summary>
        public DeviceConfig Load(out string problem)
        {
            problem = "";
            byte[] buffer = new byte[_record.MaxPayload];
            int length = _record.Load(buffer);
            if (length < 0) return new DeviceConfig();
            try
            {
                JsonReader r = new JsonReader(Protocol.Profile.MaxJsonDepth);
                r.Reset(buffer, 0, length);
                r.Read();
                if (r.TokenType != JsonTokenType.StartObject) throw new CodecException("configuration record is not a JSON object");
                return ConfigCodec.Read(r);
            }
            catch (CodecException e)
            {
                problem = "stored configuration is unreadable (" + e.Message + "); using defaults";
                return new DeviceConfig();
            }
        }

        /// <summary>Saves the configuration atomically (the old record stays valid until the new one is complete).</summary>
        public void Save(DeviceConfig config)
        {
            ConfigCodec.Write(_writer, config);
            _record.Save(_writer.Buffer, 0, _writer.Length);
        }

        /// <summary>Erases the record (factory reset).</summary>
        public void Erase() => _record.Erase();
    }
}

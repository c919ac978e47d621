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

        private readonly JsonRecord _record;

        /// <summary>Uses the given flash area.</summary>
        public ConfigStore(IFlashArea area)
        {
            _record = new JsonRecord(area, Magic, 1024);
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
            try
            {
                JsonReader? r = _record.Open();
                return r == null ? new DeviceConfig() : ConfigCodec.Read(r);
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
            ConfigCodec.Write(_record.Writer, config);
            _record.Save();
        }

        /// <summary>Erases the record (factory reset).</summary>
        public void Erase() => _record.Erase();
    }
}

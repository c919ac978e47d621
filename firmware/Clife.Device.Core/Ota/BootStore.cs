using Clife.Device.Hal;
using Clife.Device.Json;
using Clife.Device.Storage;
using Clife.Device.Text;

namespace Clife.Device.Ota
{
    /// <summary>Keeps the <see cref="BootRecord"/> in its power-loss-safe flash record.</summary>
    public sealed class BootStore
    {
        /// <summary>Magic number of the boot record ("BOOT").</summary>
        public const uint Magic = 0x544F4F42;

        private readonly RecordStore _record;
        private readonly JsonWriter _writer = new JsonWriter(512);
        private readonly JsonReader _reader = new JsonReader(Protocol.Profile.MaxJsonDepth);

        /// <summary>Uses the given flash area.</summary>
        public BootStore(IFlashArea area)
        {
            _record = new RecordStore(area, Magic);
        }

        /// <summary>Loads the newest valid record, or null when there is none (or it cannot be read).</summary>
        public BootRecord? Load()
        {
            byte[] buffer = new byte[_record.MaxPayload];
            int length = _record.Load(buffer);
            if (length < 0) return null;
            try
            {
                _reader.Reset(buffer, 0, length);
                _reader.Read();
                if (_reader.TokenType != JsonTokenType.StartObject) return null;
                return BootRecord.Read(_reader);
            }
            catch (CodecException)
            {
                return null;
            }
        }

        /// <summary>Saves the record atomically.</summary>
        public void Save(BootRecord record)
        {
            record.Write(_writer);
            _record.Save(_writer.Buffer, 0, _writer.Length);
        }
    }
}

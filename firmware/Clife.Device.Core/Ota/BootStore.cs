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

        private readonly JsonRecord _record;

        /// <summary>Uses the given flash area.</summary>
        public BootStore(IFlashArea area)
        {
            _record = new JsonRecord(area, Magic, 512);
        }

        /// <summary>Loads the newest valid record, or null when there is none (or it cannot be read).</summary>
        public BootRecord? Load()
        {
            try
            {
                JsonReader? r = _record.Open();
                return r == null ? null : BootRecord.Read(r);
            }
            catch (CodecException)
            {
                return null;
            }
        }

        /// <summary>Saves the record atomically.</summary>
        public void Save(BootRecord record)
        {
            record.Write(_record.Writer);
            _record.Save();
        }
    }
}

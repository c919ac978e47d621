using Clife.Device.Hal;
using Clife.Device.Json;
using Clife.Device.Storage;
using Clife.Device.Text;

namespace Clife.Device.Ota
{
    /// <summary>Keeps the <see cref="DownloadRecord"/> of a resumable download in its power-loss-safe flash record.</summary>
    public sealed class DownloadStore
    {
        /// <summary>Magic number of the download record ("DNLD").</summary>
        public const uint Magic = 0x444C4E44;

        private readonly JsonRecord _record;

        /// <summary>Uses the given flash area.</summary>
        public DownloadStore(IFlashArea area)
        {
            _record = new JsonRecord(area, Magic, 1024);
        }

        /// <summary>The pending download, or null when there is none (or it cannot be read).</summary>
        public DownloadRecord? Load()
        {
            try
            {
                JsonReader? r = _record.Open();
                return r == null ? null : DownloadRecord.Read(r);
            }
            catch (CodecException)
            {
                return null;
            }
        }

        /// <summary>Saves the progress atomically.</summary>
        public void Save(DownloadRecord record)
        {
            record.Write(_record.Writer);
            _record.Save();
        }

        /// <summary>Forgets the pending download.</summary>
        public void Clear()
        {
            if (!_record.IsEmpty) _record.Erase();
        }
    }
}

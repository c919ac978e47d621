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

        private readonly RecordStore _record;
        private readonly JsonWriter _writer = new JsonWriter(1024);
        private readonly JsonReader _reader = new JsonReader(Protocol.Profile.MaxJsonDepth);
        private bool _empty;

        /// <summary>Uses the given flash area.</summary>
        public DownloadStore(IFlashArea area)
        {
            _record = new RecordStore(area, Magic);
        }

        /// <summary>The pending download, or null when there is none (or it cannot be read).</summary>
        public DownloadRecord? Load()
        {
            byte[] buffer = new byte[_record.MaxPayload];
            int length = _record.Load(buffer);
            _empty = length < 0;
            if (length <= 0) return null;
            try
            {
                _reader.Reset(buffer, 0, length);
                _reader.Read();
                if (_reader.TokenType != JsonTokenType.StartObject) return null;
                return DownloadRecord.Read(_reader);
            }
            catch (CodecException)
            {
                return null;
            }
        }

        /// <summary>Saves the progress atomically.</summary>
        public void Save(DownloadRecord record)
        {
            record.Write(_writer);
            _record.Save(_writer.Buffer, 0, _writer.Length);
            _empty = false;
        }

        /// <summary>Forgets the pending download.</summary>
        public void Clear()
        {
            if (_empty) return;
            _record.Erase();
            _empty = true;
        }
    }
}

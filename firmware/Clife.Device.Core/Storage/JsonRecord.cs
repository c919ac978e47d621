using Clife.Device.Hal;
using Clife.Device.Json;
using Clife.Device.Text;

namespace Clife.Device.Storage
{
    /// <summary>
    /// A power-loss-safe flash record (<see cref="RecordStore"/>) whose payload is one JSON object: the configuration,
    /// the boot record, a download in progress. Fill <see cref="Writer"/> and <see cref="Save"/>; <see cref="Open"/>
    /// reads the newest valid copy back.
    /// </summary>
    public sealed class JsonRecord
    {
        private readonly RecordStore _record;
        private readonly JsonReader _reader = new JsonReader(Protocol.Profile.MaxJsonDepth);

        /// <summary>Uses the given flash area; the writer starts with the given capacity and grows as needed.</summary>
        public JsonRecord(IFlashArea area, uint magic, int writerCapacity)
        {
            _record = new RecordStore(area, magic);
            Writer = new JsonWriter(writerCapacity);
        }

        /// <summary>The writer whose content <see cref="Save"/> stores (reset it before writing).</summary>
        public JsonWriter Writer { get; }

        /// <summary>Sequence number of the record last opened or saved.</summary>
        public uint Sequence => _record.Sequence;

        /// <summary>True when the last <see cref="Open"/> or <see cref="Erase"/> found or left no record.</summary>
        public bool IsEmpty { get; private set; }

        /// <summary>
        /// Reads the newest valid copy: a reader on its StartObject, or null when flash holds no record. A copy whose
        /// CRC is valid but that is not a JSON object throws a CodecException.
        /// </summary>
        public JsonReader? Open()
        {
            byte[] buffer = new byte[_record.MaxPayload];
            int length = _record.Load(buffer);
            IsEmpty = length < 0;
            if (length < 0) return null;
            _reader.Reset(buffer, 0, length);
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.StartObject)
                throw new CodecException("the stored record is not a JSON object");
            return _reader;
        }

        /// <summary>Saves what <see cref="Writer"/> holds, atomically.</summary>
        public void Save()
        {
            _record.Save(Writer.Buffer, 0, Writer.Length);
            IsEmpty = false;
        }

        /// <summary>Erases the record (both copies).</summary>
        public void Erase()
        {
            _record.Erase();
            IsEmpty = true;
        }
    }
}

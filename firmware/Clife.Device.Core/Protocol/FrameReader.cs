using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>
    /// Decodes a frame's envelope into a <see cref="FrameHeader"/> with no allocation, checks it against the
    /// protocol's required fields, and then hands the data object to the typed decoder that needs it.
    /// One instance per device; not thread-safe.
    /// </summary>
    public sealed class FrameReader
    {
        private const string Where = "frame";
        private readonly JsonReader _json = new JsonReader(Profile.MaxJsonDepth);
        private byte[] _buffer = new byte[0];
        private int _dataTokenOffset;
        private int _dataTokenLength;

        /// <summary>The envelope of the last decoded frame.</summary>
        public FrameHeader Header { get; } = new FrameHeader();

        /// <summary>
        /// Decodes the envelope of the frame in buffer[offset..offset+count). The whole frame is validated as JSON.
        /// Throws a CodecException (JsonException or FrameException) saying where and why; the header keeps what was
        /// decoded before the error.
        /// </summary>
        public void Decode(byte[] buffer, int offset, int count)
        {
            Header.Clear();
            _buffer = buffer;
            if (count > Profile.MaxFrameBytes)
                throw new FrameException("frame of " + count.ToString() + " bytes exceeds the limit of " + Profile.MaxFrameBytes.ToString());
            JsonReader r = _json;
            r.Reset(buffer, offset, count);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw new FrameException("frame is not a JSON object", 0);
            bool hasVer = false, hasDir = false;
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.Cmd))
                {
                    int cmd = Field.Int(r, Names.Cmd);
                    if (cmd < 0) throw new FrameException("field \"cmd\" must not be negative", r.TokenOffset);
                    CheckNotCut(r, offset + count, Names.Cmd);
                    Header.Cmd = cmd;
                }
                else if (Field.Is(r, Names.MsgId))
                {
                    long msgId = Field.Long(r, Names.MsgId);
                    CheckNotCut(r, offset + count, Names.MsgId);
                    Header.MsgId = msgId;
                    Header.HasMsgId = true;
                }
                else if (Field.Is(r, Names.Ver))
                {
                    ReadVersion(r);
                    hasVer = true;
                }
                else if (Field.Is(r, Names.Dir))
                {
                    ReadDirection(r);
                    hasDir = true;
                }
                else if (Field.Is(r, Names.Prio))
                {
                    Header.Prio = Field.Int(r, Names.Prio);
                }
                else if (Field.Is(r, Names.Timestamp))
                {
                    Header.Timestamp = Field.LongOrNumericString(r, Names.Timestamp);
                    Header.HasTimestamp = true;
                }
                else if (Field.Is(r, Names.Data))
                {
                    ReadDataPosition(r);
                }
                else
                {
                    r.Skip();
                }
            }
            if (r.Read()) throw new FrameException("unexpected data after the frame", r.TokenOffset);

            if (Header.Cmd < 0) throw Field.Missing(Names.Cmd, Where);
            if (!Header.HasMsgId) throw Field.Missing(Names.MsgId, Where);
            if (!hasVer) throw Field.Missing(Names.Ver, Where);
            if (!hasDir) throw Field.Missing(Names.Dir, Where);
            if (!Header.HasTimestamp) throw Field.Missing(Names.Timestamp, Where);
            if (Header.DataOffset < 0) throw Field.Missing(Names.Data, Where);
        }

        /// <summary>
        /// Positions a reader on the StartObject of the decoded frame's data, for a typed decoder.
        /// Throws a FrameException when the data is not an object.
        /// </summary>
        public JsonReader OpenData()
        {
            if (!Header.DataIsObject) throw new FrameException("frame data must be an object");
            _json.Reset(_buffer, Header.DataOffset, Header.DataLength);
            _json.Read();
            return _json;
        }

        /// <summary>The decoded frame's data when it is a string (the encrypted base64 form used over HTTP).</summary>
        public string DataString()
        {
            if (!Header.DataIsString) throw new FrameException("frame data must be a string (encrypted data)");
            _json.Reset(_buffer, _dataTokenOffset, _dataTokenLength);
            _json.Read();
            return _json.GetString();
        }

        /// <summary>
        /// A reader over decrypted data, positioned on its StartObject for a typed decoder. The range must hold exactly one
        /// JSON object, validated as a whole first, as <see cref="Decode"/> does for a frame: anything else (another
        /// value, trailing data, invalid JSON) is a CodecException. The header of the decoded frame is kept.
        /// </summary>
        public JsonReader Open(byte[] buffer, int offset, int count)
        {
            JsonReader r = _json;
            r.Reset(buffer, offset, count);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw new FrameException("data is not a JSON object", 0);
            r.Skip();
            r.Read(); // throws on anything after the object
            r.Reset(buffer, offset, count);
            r.Read();
            return r;
        }

        private void ReadDataPosition(JsonReader r)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.StartObject)
            {
                int start = r.ValueOffset;
                r.Skip();
                Header.DataOffset = start;
                Header.DataLength = r.ValueOffset + 1 - start;
                Header.DataIsString = false;
            }
            else if (r.TokenType == JsonTokenType.String)
            {
                // Keep the whole string token (quotes included) so escapes such as "\/" decode later.
                _dataTokenOffset = r.ValueOffset - 1;
                _dataTokenLength = r.ValueLength + 2;
                Header.DataOffset = r.ValueOffset;
                Header.DataLength = r.ValueLength;
                Header.DataIsString = true;
            }
            else if (r.TokenType != JsonTokenType.Null)
            {
                throw new FrameException("field \"data\" at byte " + r.TokenOffset.ToString() + " must be an object or a string", r.TokenOffset);
            }
        }

        /// <summary>
        /// A number that runs to the very end of the input may have been cut short ("msgId":12 of "msgId":1234), so
        /// the header must not take it: an error reply would answer a msgId the platform never sent.
        /// </summary>
        private static void CheckNotCut(JsonReader r, int end, string field)
        {
            if (r.ValueOffset + r.ValueLength >= end)
                throw new FrameException("frame ends inside field \"" + field + "\"", r.TokenOffset);
        }

        /// <summary>Parses "major.minor" (or "major") without allocating.</summary>
        private void ReadVersion(JsonReader r)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || r.ValueLength == 0)
                throw new FrameException("field \"ver\" at byte " + r.TokenOffset.ToString() + " must be a version such as \"1.0\"", r.TokenOffset);
            byte[] b = r.Buffer;
            int i = r.ValueOffset, end = i + r.ValueLength;
            int major = ReadNumber(b, ref i, end, r);
            int minor = 0;
            if (i < end)
            {
                if (b[i] != (byte)'.') throw BadVersion(r);
                i++;
                minor = ReadNumber(b, ref i, end, r);
                // Further parts ("1.0.1") are allowed and ignored: compatibility is decided by the major part.
                while (i < end)
                {
                    if (b[i] != (byte)'.') throw BadVersion(r);
                    i++;
                    ReadNumber(b, ref i, end, r);
                }
            }
            Header.VerMajor = major;
            Header.VerMinor = minor;
        }

        private static int ReadNumber(byte[] b, ref int i, int end, JsonReader r)
        {
            int start = i, value = 0;
            while (i < end && b[i] >= (byte)'0' && b[i] <= (byte)'9' && i - start < 6)
            {
                value = value * 10 + (b[i] - '0');
                i++;
            }
            if (i == start) throw BadVersion(r);
            return value;
        }

        private static FrameException BadVersion(JsonReader r) =>
            new FrameException("field \"ver\" at byte " + r.TokenOffset.ToString() + " is not a version such as \"1.0\"", r.TokenOffset);

        private void ReadDirection(JsonReader r)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.String || r.ValueLength != 2 || r.ValueIsEscaped) throw BadDirection(r);
            int from = r.Buffer[r.ValueOffset] - '0';
            int to = r.Buffer[r.ValueOffset + 1] - '0';
            if (from < 0 || from > 9 || to < 0 || to > 9) throw BadDirection(r);
            Header.DirFrom = from;
            Header.DirTo = to;
        }

        private static FrameException BadDirection(JsonReader r) =>
            new FrameException("field \"dir\" at byte " + r.TokenOffset.ToString() + " must be two digits such as \"30\"", r.TokenOffset);
    }
}

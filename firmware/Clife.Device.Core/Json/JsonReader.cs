using System;
using Clife.Device.Text;

namespace Clife.Device.Json
{
    /// <summary>
    /// A forward-only, validating JSON (RFC 8259) tokenizer over a range of UTF-8 bytes, in the spirit of
    /// System.Text.Json's Utf8JsonReader. It builds no tree and allocates nothing while reading; only the Get methods
    /// that return strings allocate. One instance is meant to be kept and reused with <see cref="Reset(byte[], int, int)"/>.
    /// </summary>
    /// <remarks>
    /// Everything is validated as it is read: structure, strings (escapes, surrogate pairs, UTF-8, no raw control
    /// characters), numbers and nesting depth. Trailing data after the top-level value is reported by the Read call that
    /// would go past the value. Every problem in the input is a <see cref="JsonException"/> whose offset is relative to
    /// the start of the range given to Reset. After a JsonException the reader stays on the last good token.
    /// </remarks>
    public sealed class JsonReader
    {
        /// <summary>The nesting limit used by the parameterless constructor.</summary>
        public const int DefaultMaxDepth = 32;

        /// <summary>The largest nesting limit a reader supports (the container kinds live in one 64-bit word).</summary>
        public const int MaxSupportedDepth = 64;

        private static readonly string[] TokenNames =
        {
            "nothing", "an object", "the end of an object", "an array", "the end of an array", "a property name",
            "a string", "a number", "true", "false", "null",
        };

        private readonly int _maxDepth;
        private static readonly byte[] NoBytes = new byte[0];
        private byte[]? _buffer;
        private int _generation;
        private int _start;
        private int _end;
        private int _pos;              // next byte to look at
        private int _depth;            // containers currently open
        private ulong _objects;        // bit d: the container at level d (0-based) is an object, not an array
        private JsonTokenType _token;
        private int _tokenDepth;
        private int _valueStart;
        private int _valueLength;
        private bool _escaped;
        private bool _done;

        /// <summary>Creates a reader that accepts nesting up to <see cref="DefaultMaxDepth"/> containers.</summary>
        public JsonReader() : this(DefaultMaxDepth)
        {
        }

        /// <summary>Creates a reader that accepts at most maxDepth nested containers (1..64).</summary>
        public JsonReader(int maxDepth)
        {
            if (maxDepth < 1 || maxDepth > MaxSupportedDepth)
            {
                throw new ArgumentOutOfRangeException("maxDepth", "the nesting limit must be 1.." + MaxSupportedDepth.ToString());
            }
            _maxDepth = maxDepth;
        }

        /// <summary>The most containers that may be open at once; one more is an error.</summary>
        public int MaxDepth => _maxDepth;

        /// <summary>The buffer being read (the one given to Reset); raw values are indexes into it.</summary>
        public byte[] Buffer => _buffer ?? NoBytes;

        /// <summary>The kind of the current token.</summary>
        public JsonTokenType TokenType => _token;

        /// <summary>Nesting depth of the current token: 0 for the top-level value (and its own brackets), 1 inside it, and so on.</summary>
        public int CurrentDepth => _tokenDepth;

        /// <summary>
        /// Index into the buffer of the current token's raw value: for strings and property names the first byte after
        /// the opening quote, for numbers and literals the first character, for brackets the bracket.
        /// </summary>
        public int ValueOffset => _valueStart;

        /// <summary>Length of the raw value: the bytes between the quotes (escapes not processed), the number literal, 1 for a bracket.</summary>
        public int ValueLength => _valueLength;

        /// <summary>Whether the current string or property name contains backslash escapes (so its raw bytes are not its value).</summary>
        public bool ValueIsEscaped => _escaped;

        /// <summary>Offset of the current token (its opening quote for strings) from the start of the input given to Reset.</summary>
        public int TokenOffset => TokenStart() - _start;

        /// <summary>Starts reading count bytes of the buffer from offset. Keeps nothing from any previous input.</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || offset > buffer.Length) throw new ArgumentOutOfRangeException("offset");
            if (count < 0 || count > buffer.Length - offset) throw new ArgumentOutOfRangeException("count");
            _buffer = buffer;
            _generation++;
            _start = offset;
            _end = offset + count;
            _pos = offset;
            _depth = 0;
            _objects = 0;
            _token = JsonTokenType.None;
            _tokenDepth = 0;
            _valueStart = offset;
            _valueLength = 0;
            _escaped = false;
            _done = false;
        }

        /// <summary>Starts reading the whole buffer.</summary>
        public void Reset(byte[] buffer)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            Reset(buffer, 0, buffer.Length);
        }

        /// <summary>
        /// Moves to the next token. Returns false once the single top-level value is complete and only whitespace
        /// follows it (and on every call after that).
        /// </summary>
        /// <exception cref="JsonException">The input is not valid JSON at the point reached.</exception>
        public bool Read()
        {
            byte[]? buf = _buffer;
            if (buf == null) throw new InvalidOperationException("call Reset with the input before Read");
            if (_done) return false;
            int end = _end;
            int pos = SkipWhitespace(buf, _pos, end);
            switch (_token)
            {
                case JsonTokenType.None:
                    if (pos >= end) throw Error(pos == _start ? "empty input" : "empty input (only whitespace)", pos);
                    return ReadValue(buf, pos, end);

                case JsonTokenType.StartObject:
                    if (pos >= end) throw Error("unexpected end of input inside an object", pos);
                    if (buf[pos] == '}') return EndContainer(pos, JsonTokenType.EndObject);
                    if (buf[pos] == '"') return ReadString(buf, pos, end, JsonTokenType.PropertyName);
                    throw Error("expected a property name or '}' after '{', found " + Describe(buf[pos]), pos);

                case JsonTokenType.StartArray:
                    if (pos >= end) throw Error("unexpected end of input inside an array", pos);
                    if (buf[pos] == ']') return EndContainer(pos, JsonTokenType.EndArray);
                    return ReadValue(buf, pos, end);

                case JsonTokenType.PropertyName:
                    if (pos >= end) throw Error("unexpected end of input after a property name", pos);
                    if (buf[pos] != ':') throw Error("expected ':' after a property name, found " + Describe(buf[pos]), pos);
                    pos = SkipWhitespace(buf, pos + 1, end);
                    if (pos >= end) throw Error("unexpected end of input, expected a value after ':'", pos);
                    return ReadValue(buf, pos, end);
            }

            // The current token completed a value.
            if (_depth == 0)
            {
                if (pos < end) throw Error("unexpected " + Describe(buf[pos]) + " after the end of the JSON value", pos);
                _pos = pos;
                _done = true;
                return false;
            }
            bool inObject = ((_objects >> (_depth - 1)) & 1) != 0;
            if (pos >= end) throw Error(inObject ? "unexpected end of input inside an object" : "unexpected end of input inside an array", pos);
            byte c = buf[pos];
            if (c == ',')
            {
                pos = SkipWhitespace(buf, pos + 1, end);
                if (pos >= end) throw Error(inObject ? "unexpected end of input inside an object" : "unexpected end of input inside an array", pos);
                if (inObject)
                {
                    if (buf[pos] == '"') return ReadString(buf, pos, end, JsonTokenType.PropertyName);
                    throw Error("expected a property name after ',', found " + Describe(buf[pos]), pos);
                }
                if (buf[pos] == ']') throw Error("expected a value after ',' (trailing commas are not allowed)", pos);
                return ReadValue(buf, pos, end);
            }
            if (inObject)
            {
                if (c == '}') return EndContainer(pos, JsonTokenType.EndObject);
                throw Error("expected ',' or '}' after an object member, found " + Describe(c), pos);
            }
            if (c == ']') return EndContainer(pos, JsonTokenType.EndArray);
            throw Error("expected ',' or ']' after an array element, found " + Describe(c), pos);
        }

        /// <summary>
        /// Skips the current value: from a property name, its value; from StartObject or StartArray, everything up to the
        /// matching end token (which becomes the current token). On any other token it does nothing. Everything skipped
        /// is validated.
        /// </summary>
        public void Skip()
        {
            if (_buffer == null || _token == JsonTokenType.None) throw new InvalidOperationException("call Read before Skip");
            if (_done) return;
            if (_token == JsonTokenType.PropertyName) Read();
            if (_token == JsonTokenType.StartObject || _token == JsonTokenType.StartArray)
            {
                int depth = _tokenDepth;
                do
                {
                    Read();
                }
                while (_tokenDepth > depth);
            }
        }

        /// <summary>Saves the reader's position, so that <see cref="RestorePosition"/> can return to this token later.</summary>
        public JsonReaderPosition SavePosition()
        {
            JsonReaderPosition p;
            p.Buffer = _buffer;
            p.Generation = _generation;
            p.Start = _start;
            p.End = _end;
            p.Pos = _pos;
            p.Depth = _depth;
            p.Objects = _objects;
            p.Token = _token;
            p.TokenDepth = _tokenDepth;
            p.ValueStart = _valueStart;
            p.ValueLength = _valueLength;
            p.Escaped = _escaped;
            p.Done = _done;
            return p;
        }

        /// <summary>Returns to a position saved from this reader since its last Reset (for example to read an array twice: count, then decode).</summary>
        /// <exception cref="InvalidOperationException">The position was saved from another reader or input.</exception>
        public void RestorePosition(JsonReaderPosition position)
        {
            if (position.Buffer == null || position.Buffer != _buffer || position.Generation != _generation
                || position.Start != _start || position.End != _end)
            {
                throw new InvalidOperationException("the position was not saved from this reader's current input");
            }
            _pos = position.Pos;
            _depth = position.Depth;
            _objects = position.Objects;
            _token = position.Token;
            _tokenDepth = position.TokenDepth;
            _valueStart = position.ValueStart;
            _valueLength = position.ValueLength;
            _escaped = position.Escaped;
            _done = position.Done;
        }

        /// <summary>
        /// Compares the current string or property name, unescaped, with the text (ordinal), allocating nothing.
        /// Returns false on any other token.
        /// </summary>
        public bool ValueEquals(string text)
        {
            if (text == null) throw new ArgumentNullException("text");
            if (_token != JsonTokenType.String && _token != JsonTokenType.PropertyName) return false;
            int n = text.Length;
            if (_valueLength < n) return false; // every UTF-16 unit takes at least one byte
            byte[] buf = _buffer!;
            int i = _valueStart;
            int end = i + _valueLength;
            int j = 0;
            while (i < end)
            {
                int b = buf[i];
                if (b < 0x80 && b != '\\')
                {
                    if (j >= n || text[j] != b) return false;
                    j++;
                    i++;
                    continue;
                }
                int len;
                int cp = b == '\\' ? Unescape(buf, i, out len) : Utf8.CodePointAt(buf, i, len = Utf8.LengthFromLead(b));
                i += len;
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    if (j + 1 >= n || text[j] != (char)(0xD800 + (cp >> 10)) || text[j + 1] != (char)(0xDC00 + (cp & 0x3FF))) return false;
                    j += 2;
                }
                else
                {
                    if (j >= n || text[j] != cp) return false;
                    j++;
                }
            }
            return j == n;
        }

        /// <summary>The current string or property name, unescaped. Allocates the string.</summary>
        /// <exception cref="JsonException">The current token is not a string or property name.</exception>
        public string GetString()
        {
            RequireString();
            int units = Decode(null);
            if (units == 0) return string.Empty;
            char[] chars = new char[units];
            Decode(chars);
            return new string(chars, 0, units);
        }

        /// <summary>
        /// Copies the current string or property name, unescaped, as UTF-8 to dest[destOffset] and returns the number of
        /// bytes written (never more than <see cref="ValueLength"/>).
        /// </summary>
        /// <exception cref="JsonException">The current token is not a string or property name.</exception>
        /// <exception cref="ArgumentException">The destination has too little room.</exception>
        public int CopyString(byte[] dest, int destOffset)
        {
            if (dest == null) throw new ArgumentNullException("dest");
            if (destOffset < 0 || destOffset > dest.Length) throw new ArgumentOutOfRangeException("destOffset");
            RequireString();
            int needed = _escaped ? WriteUnescaped(null, 0) : _valueLength;
            if (dest.Length - destOffset < needed)
            {
                throw new ArgumentException("destination too small: the string needs " + needed.ToString() + " bytes, "
                                            + (dest.Length - destOffset).ToString() + " are free", "dest");
            }
            if (!_escaped)
            {
                Array.Copy(_buffer!, _valueStart, dest, destOffset, _valueLength);
                return _valueLength;
            }
            return WriteUnescaped(dest, destOffset);
        }

        /// <summary>The current number as a 64-bit integer.</summary>
        /// <exception cref="JsonException">Not a number, not an integer literal (fraction or exponent), or outside the long range.</exception>
        public long GetInt64()
        {
            RequireNumber();
            long value;
            int status = ParseInt64(out value);
            if (status == NotInteger) throw ValueError("number " + Literal() + " is not an integer");
            if (status == OutOfRange) throw ValueError("number " + Literal() + " is out of range for a 64-bit integer");
            return value;
        }

        /// <summary>Gets the current number as a 64-bit integer; false when it is not an integer literal or outside the long range.</summary>
        /// <exception cref="JsonException">The current token is not a number.</exception>
        public bool TryGetInt64(out long value)
        {
            RequireNumber();
            return ParseInt64(out value) == Ok;
        }

        /// <summary>The current number as a 32-bit integer.</summary>
        /// <exception cref="JsonException">Not a number, not an integer literal, or outside the int range.</exception>
        public int GetInt32()
        {
            RequireNumber();
            long value;
            int status = ParseInt64(out value);
            if (status == NotInteger) throw ValueError("number " + Literal() + " is not an integer");
            if (status == OutOfRange || value < int.MinValue || value > int.MaxValue)
            {
                throw ValueError("number " + Literal() + " is out of range for a 32-bit integer");
            }
            return (int)value;
        }

        /// <summary>Gets the current number as a 32-bit integer; false when it is not an integer literal or outside the int range.</summary>
        /// <exception cref="JsonException">The current token is not a number.</exception>
        public bool TryGetInt32(out int value)
        {
            RequireNumber();
            long wide;
            if (ParseInt64(out wide) != Ok || wide < int.MinValue || wide > int.MaxValue)
            {
                value = 0;
                return false;
            }
            value = (int)wide;
            return true;
        }

        /// <summary>
        /// The current number as the nearest double (ties to even). Allocation-free for common literals; a literal with
        /// more than 19 significant digits or a large exponent is decided exactly with temporary big integers.
        /// </summary>
        /// <exception cref="JsonException">Not a number, or too large for a double (it would be infinite).</exception>
        public double GetDouble()
        {
            RequireNumber();
            double value;
            if (!DoubleParser.TryParse(_buffer!, _valueStart, _valueLength, out value))
            {
                throw ValueError("number " + Literal() + " is out of range for a double");
            }
            return value;
        }

        /// <summary>The current literal true or false.</summary>
        /// <exception cref="JsonException">The current token is not true or false.</exception>
        public bool GetBoolean()
        {
            if (_token == JsonTokenType.True) return true;
            if (_token == JsonTokenType.False) return false;
            RequireToken();
            throw ValueError("expected true or false, found " + TokenNames[(int)_token]);
        }

        // ---- tokenizing ----

        private static int SkipWhitespace(byte[] buf, int pos, int end)
        {
            while (pos < end)
            {
                byte b = buf[pos];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') break;
                pos++;
            }
            return pos;
        }

        private bool ReadValue(byte[] buf, int pos, int end)
        {
            byte c = buf[pos];
            switch (c)
            {
                case (byte)'{':
                    return StartContainer(pos, true);
                case (byte)'[':
                    return StartContainer(pos, false);
                case (byte)'"':
                    return ReadString(buf, pos, end, JsonTokenType.String);
                case (byte)'t':
                    return ReadLiteral(buf, pos, end, "true", JsonTokenType.True);
                case (byte)'f':
                    return ReadLiteral(buf, pos, end, "false", JsonTokenType.False);
                case (byte)'n':
                    return ReadLiteral(buf, pos, end, "null", JsonTokenType.Null);
            }
            if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber(buf, pos, end);
            throw Error("expected a value, found " + Describe(c), pos);
        }

        private bool StartContainer(int pos, bool isObject)
        {
            if (_depth >= _maxDepth) throw Error("nesting deeper than " + _maxDepth.ToString(), pos);
            ulong bit = 1UL << _depth;
            _objects = isObject ? _objects | bit : _objects & ~bit;
            _tokenDepth = _depth;
            _depth++;
            SetToken(isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray, pos, 1, false, pos + 1);
            return true;
        }

        private bool EndContainer(int pos, JsonTokenType token)
        {
            _depth--;
            _tokenDepth = _depth;
            SetToken(token, pos, 1, false, pos + 1);
            return true;
        }

        private void SetToken(JsonTokenType token, int valueStart, int valueLength, bool escaped, int next)
        {
            _token = token;
            _valueStart = valueStart;
            _valueLength = valueLength;
            _escaped = escaped;
            _pos = next;
        }

        private bool ReadString(byte[] buf, int pos, int end, JsonTokenType token)
        {
            int i = pos + 1;
            bool escaped = false;
            while (true)
            {
                byte b = 0;
                while (i < end)
                {
                    b = buf[i];
                    if (b < 0x20 || b == '"' || b == '\\' || b >= 0x80) break;
                    i++;
                }
                if (i >= end) throw Error("unexpected end of input inside a string", end);
                if (b == '"') break;
                if (b == '\\')
                {
                    escaped = true;
                    i = CheckEscape(buf, i, end);
                    continue;
                }
                if (b < 0x20) throw Error("control character 0x" + b.ToString("X2") + " must be escaped inside a string", i);
                int len = Utf8.SequenceLength(buf, i, end);
                if (len == 0)
                {
                    int at;
                    string why = Utf8.Describe(buf, i, end, out at);
                    throw Error("invalid UTF-8 inside a string: " + why, at);
                }
                i += len;
            }
            _tokenDepth = _depth;
            SetToken(token, pos + 1, i - pos - 1, escaped, i + 1);
            return true;
        }

        /// <summary>Validates the escape whose backslash is at i; returns the index after it.</summary>
        private int CheckEscape(byte[] buf, int i, int end)
        {
            if (i + 1 >= end) throw Error("unexpected end of input inside a string", end);
            byte e = buf[i + 1];
            switch (e)
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                case (byte)'b':
                case (byte)'f':
                case (byte)'n':
                case (byte)'r':
                case (byte)'t':
                    return i + 2;
                case (byte)'u':
                    break;
                default:
                    throw Error("invalid escape '\\" + (e >= 0x21 && e < 0x7F ? ((char)e).ToString() : "") + "' (" + Describe(e) + ") inside a string", i);
            }
            int unit = Hex4(buf, i + 2, end);
            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                int j = i + 6;
                if (j + 1 < end && buf[j] == '\\' && buf[j + 1] == 'u')
                {
                    int low = Hex4(buf, j + 2, end);
                    if (low >= 0xDC00 && low <= 0xDFFF) return j + 6;
                }
                if (j >= end || (j + 1 >= end && buf[j] == '\\')) throw Error("unexpected end of input inside a string", end);
                throw Error("lone high surrogate \\u" + unit.ToString("X4") + ": it must be followed by a low surrogate escape \\uDC00..\\uDFFF", i);
            }
            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                throw Error("lone low surrogate \\u" + unit.ToString("X4") + " without a high surrogate escape before it", i);
            }
            return i + 6;
        }

        private int Hex4(byte[] buf, int p, int end)
        {
            int value = 0;
            for (int k = 0; k < 4; k++)
            {
                if (p + k >= end) throw Error("unexpected end of input inside a string", end);
                int h = Hex.DigitValue(buf[p + k]);
                if (h < 0) throw Error("expected 4 hex digits after \\u, found " + Describe(buf[p + k]), p + k);
                value = (value << 4) | h;
            }
            return value;
        }

        private bool ReadNumber(byte[] buf, int pos, int end)
        {
            int i = pos;
            if (buf[i] == '-')
            {
                i++;
                if (i >= end) throw Error("unexpected end of input inside a number", end);
            }
            byte c = buf[i];
            if (c == '0')
            {
                i++;
                if (i < end && buf[i] >= '0' && buf[i] <= '9') throw Error("a number must not have leading zeros", i);
            }
            else if (c >= '1' && c <= '9')
            {
                i++;
                while (i < end && buf[i] >= '0' && buf[i] <= '9') i++;
            }
            else
            {
                throw Error("expected a digit after '-', found " + Describe(c), i);
            }
            if (i < end && buf[i] == '.')
            {
                i++;
                if (i >= end) throw Error("unexpected end of input inside a number", end);
                if (buf[i] < '0' || buf[i] > '9') throw Error("expected a digit after the decimal point, found " + Describe(buf[i]), i);
                while (i < end && buf[i] >= '0' && buf[i] <= '9') i++;
            }
            if (i < end && (buf[i] == 'e' || buf[i] == 'E'))
            {
                i++;
                if (i < end && (buf[i] == '+' || buf[i] == '-')) i++;
                if (i >= end) throw Error("unexpected end of input inside a number", end);
                if (buf[i] < '0' || buf[i] > '9') throw Error("expected a digit in the exponent, found " + Describe(buf[i]), i);
                while (i < end && buf[i] >= '0' && buf[i] <= '9') i++;
            }
            if (i < end && !IsDelimiter(buf[i])) throw Error("unexpected " + Describe(buf[i]) + " after a number", i);
            _tokenDepth = _depth;
            SetToken(JsonTokenType.Number, pos, i - pos, false, i);
            return true;
        }

        private bool ReadLiteral(byte[] buf, int pos, int end, string word, JsonTokenType token)
        {
            int n = word.Length;
            for (int k = 1; k < n; k++)
            {
                int i = pos + k;
                if (i >= end) throw Error("unexpected end of input inside the literal " + word, end);
                if (buf[i] != word[k]) throw Error("invalid literal: expected " + word + ", found " + Describe(buf[i]), i);
            }
            int after = pos + n;
            if (after < end && !IsDelimiter(buf[after])) throw Error("unexpected " + Describe(buf[after]) + " after " + word, after);
            _tokenDepth = _depth;
            SetToken(token, pos, n, false, after);
            return true;
        }

        private static bool IsDelimiter(byte c) =>
            c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t';

        // ---- values ----

        private const int Ok = 0;
        private const int NotInteger = 1;
        private const int OutOfRange = 2;

        private int ParseInt64(out long value)
        {
            byte[] buf = _buffer!;
            int i = _valueStart;
            int end = i + _valueLength;
            bool negative = buf[i] == '-';
            if (negative) i++;
            long acc = 0; // accumulated negatively, so that long.MinValue fits
            bool overflow = false;
            for (; i < end; i++)
            {
                int d = buf[i] - '0';
                if (d < 0 || d > 9)
                {
                    value = 0;
                    return NotInteger; // '.', 'e' or 'E'
                }
                if (overflow) continue;
                if (acc < -922337203685477580L || (acc == -922337203685477580L && d > 8))
                {
                    overflow = true;
                    continue;
                }
                acc = acc * 10 - d;
            }
            if (!overflow && !negative)
            {
                if (acc == long.MinValue) overflow = true;
                else acc = -acc;
            }
            value = overflow ? 0 : acc;
            return overflow ? OutOfRange : Ok;
        }

        /// <summary>
        /// Walks the current string's value: counts its UTF-16 units and, when dest is not null, stores them.
        /// The bytes were validated by Read, so nothing here can fail.
        /// </summary>
        private int Decode(char[]? dest)
        {
            byte[] buf = _buffer!;
            int i = _valueStart;
            int end = i + _valueLength;
            int n = 0;
            while (i < end)
            {
                int b = buf[i];
                if (b < 0x80 && b != '\\')
                {
                    if (dest != null) dest[n] = (char)b;
                    n++;
                    i++;
                    continue;
                }
                int len;
                int cp = b == '\\' ? Unescape(buf, i, out len) : Utf8.CodePointAt(buf, i, len = Utf8.LengthFromLead(b));
                i += len;
                n += Utf8.PutUtf16(cp, dest, n);
            }
            return n;
        }

        /// <summary>Writes the current string's value as UTF-8 at dest[p] (or only counts when dest is null); returns the byte count.</summary>
        private int WriteUnescaped(byte[]? dest, int p)
        {
            byte[] buf = _buffer!;
            int i = _valueStart;
            int end = i + _valueLength;
            int start = p;
            while (i < end)
            {
                int b = buf[i];
                if (b != '\\')
                {
                    if (dest != null) dest[p] = (byte)b;
                    p++;
                    i++;
                    continue;
                }
                int len;
                int cp = Unescape(buf, i, out len);
                i += len;
                p += Utf8.Put(cp, dest, p);
            }
            return p - start;
        }

        /// <summary>Code point of the validated escape at i (a surrogate pair counts as one escape); len is its byte length.</summary>
        private static int Unescape(byte[] buf, int i, out int len)
        {
            byte e = buf[i + 1];
            len = 2;
            switch (e)
            {
                case (byte)'b': return 0x08;
                case (byte)'f': return 0x0C;
                case (byte)'n': return 0x0A;
                case (byte)'r': return 0x0D;
                case (byte)'t': return 0x09;
                case (byte)'u': break;
                default: return e; // '"', '\\' or '/'
            }
            int unit = (Hex.DigitValue(buf[i + 2]) << 12) | (Hex.DigitValue(buf[i + 3]) << 8) | (Hex.DigitValue(buf[i + 4]) << 4) | Hex.DigitValue(buf[i + 5]);
            len = 6;
            if (unit < 0xD800 || unit > 0xDBFF) return unit;
            int low = (Hex.DigitValue(buf[i + 8]) << 12) | (Hex.DigitValue(buf[i + 9]) << 8) | (Hex.DigitValue(buf[i + 10]) << 4) | Hex.DigitValue(buf[i + 11]);
            len = 12;
            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }

        // ---- errors ----

        private void RequireToken()
        {
            if (_buffer == null || _token == JsonTokenType.None) throw new InvalidOperationException("call Read before getting a value");
        }

        private void RequireString()
        {
            RequireToken();
            if (_token != JsonTokenType.String && _token != JsonTokenType.PropertyName)
            {
                throw ValueError("expected a string, found " + TokenNames[(int)_token]);
            }
        }

        private void RequireNumber()
        {
            RequireToken();
            if (_token != JsonTokenType.Number) throw ValueError("expected a number, found " + TokenNames[(int)_token]);
        }

        private int TokenStart() =>
            _token == JsonTokenType.String || _token == JsonTokenType.PropertyName ? _valueStart - 1 : _valueStart;

        /// <summary>The current number literal for a message, shortened when long.</summary>
        private string Literal()
        {
            int n = _valueLength > 40 ? 40 : _valueLength;
            char[] chars = new char[n];
            for (int k = 0; k < n; k++) chars[k] = (char)_buffer![_valueStart + k];
            string text = new string(chars, 0, n);
            return _valueLength > n ? text + "..." : text;
        }

        private JsonException Error(string why, int absolute)
        {
            int offset = absolute - _start;
            return new JsonException("invalid JSON at byte " + offset.ToString() + ": " + why, offset);
        }

        private JsonException ValueError(string why)
        {
            int offset = TokenStart() - _start;
            return new JsonException("JSON value at byte " + offset.ToString() + ": " + why, offset);
        }

        private static string Describe(byte c)
        {
            if (c >= 0x21 && c < 0x7F) return "'" + ((char)c).ToString() + "'";
            if (c == ' ') return "a space";
            return "byte 0x" + c.ToString("X2");
        }
    }
}

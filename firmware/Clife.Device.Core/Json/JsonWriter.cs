using System;
using Clife.Device.Text;

namespace Clife.Device.Json
{
    /// <summary>
    /// Writes compact JSON (no whitespace) as UTF-8 into a buffer that it keeps across <see cref="Reset"/>, so a reused
    /// writer reaches a steady state in which writing allocates nothing (doubles excepted). Commas and colons are placed
    /// automatically; calls in an order that cannot make one valid JSON value throw InvalidOperationException.
    /// </summary>
    /// <remarks>
    /// Strings are escaped minimally: '"', '\', and control characters (\b \f \n \r \t, the others as \u00XX).
    /// Everything else, non-ASCII included, is written as UTF-8; a lone UTF-16 surrogate becomes U+FFFD.
    /// </remarks>
    public sealed class JsonWriter
    {
        /// <summary>The deepest nesting the writer supports.</summary>
        public const int MaxDepth = 64;

        private byte[] _buffer;
        private byte[]? _scratch;  // a double's text, so that exactly its length is reserved
        private int _length;
        private int _depth;        // containers open
        private ulong _objects;    // bit d: the container at level d is an object
        private bool _hasItem;     // the innermost container already has an element or member
        private bool _afterName;   // a property name was written and its value is due
        private bool _complete;    // the top-level value is finished

        /// <summary>Creates a writer with a 256-byte buffer.</summary>
        public JsonWriter() : this(256)
        {
        }

        /// <summary>Creates a writer whose buffer starts with the given capacity (it doubles when too small).</summary>
        public JsonWriter(int initialCapacity)
        {
            if (initialCapacity < 1) throw new ArgumentOutOfRangeException("initialCapacity", "the capacity must be at least 1");
            _buffer = new byte[initialCapacity];
        }

        /// <summary>The buffer holding the output in its first <see cref="Length"/> bytes. It is replaced when the writer grows.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Number of bytes written since the last Reset.</summary>
        public int Length => _length;

        /// <summary>Number of containers currently open.</summary>
        public int CurrentDepth => _depth;

        /// <summary>Whether one complete top-level value has been written.</summary>
        public bool IsComplete => _complete;

        /// <summary>Starts a new document; keeps the buffer.</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _objects = 0;
            _hasItem = false;
            _afterName = false;
            _complete = false;
        }

        /// <summary>Returns a copy of the output.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_buffer, copy, _length);
            return copy;
        }

        /// <summary>Writes '{' as a value.</summary>
        public void WriteStartObject() => StartContainer(true);

        /// <summary>Writes a property name and '{' as its value.</summary>
        public void WriteStartObject(string name)
        {
            WritePropertyName(name);
            StartContainer(true);
        }

        /// <summary>Writes '}' closing the innermost container, which must be an object.</summary>
        public void WriteEndObject() => EndContainer(true);

        /// <summary>Writes '[' as a value.</summary>
        public void WriteStartArray() => StartContainer(false);

        /// <summary>Writes a property name and '[' as its value.</summary>
        public void WriteStartArray(string name)
        {
            WritePropertyName(name);
            StartContainer(false);
        }

        /// <summary>Writes ']' closing the innermost container, which must be an array.</summary>
        public void WriteEndArray() => EndContainer(false);

        /// <summary>Writes a member name of the current object; a value must follow.</summary>
        public void WritePropertyName(string name)
        {
            if (name == null) throw new ArgumentNullException("name");
            if (_depth == 0 || !InObject) throw Misuse("a property name can only be written inside an object");
            if (_afterName) throw Misuse("the previous property has no value yet");
            Reserve(StringRoom(name) + 2);
            if (_hasItem) _buffer[_length++] = (byte)',';
            PutString(name);
            _buffer[_length++] = (byte)':';
            _hasItem = true;
            _afterName = true;
        }

        /// <summary>Writes a string value (null writes null).</summary>
        public void WriteString(string? value)
        {
            if (value == null)
            {
                WriteNull();
                return;
            }
            BeginValue(StringRoom(value));
            PutString(value);
            EndValue();
        }

        /// <summary>Writes a property with a string value (null writes null).</summary>
        public void WriteString(string name, string? value)
        {
            WritePropertyName(name);
            WriteString(value);
        }

        /// <summary>Writes UTF-8 bytes as a string value, escaping as needed (for example base64 text, or bytes from CopyString).</summary>
        /// <exception cref="ArgumentException">The bytes are not well-formed UTF-8.</exception>
        public void WriteString(byte[] utf8, int offset, int count)
        {
            if (utf8 == null) throw new ArgumentNullException("utf8");
            if (offset < 0 || offset > utf8.Length) throw new ArgumentOutOfRangeException("offset");
            if (count < 0 || count > utf8.Length - offset) throw new ArgumentOutOfRangeException("count");
            int bad = Utf8.FirstInvalid(utf8, offset, offset + count);
            if (bad >= 0)
            {
                int at;
                string why = Utf8.Describe(utf8, bad, offset + count, out at);
                throw new ArgumentException("the string value is not valid UTF-8 at byte " + (at - offset).ToString() + ": " + why, "utf8");
            }
            BeginValue(ByteStringRoom(utf8, offset, count));
            PutByteString(utf8, offset, count);
            EndValue();
        }

        /// <summary>Writes a property whose string value is given as UTF-8 bytes.</summary>
        public void WriteString(string name, byte[] utf8, int offset, int count)
        {
            WritePropertyName(name);
            WriteString(utf8, offset, count);
        }

        /// <summary>Writes an integer value.</summary>
        public void WriteNumber(long value)
        {
            BeginValue(IntegerLength(value));
            PutInteger(value);
            EndValue();
        }

        /// <summary>
        /// Writes an integer as a string value ("42"), allocating nothing: for fields that are typed as strings but carry
        /// numbers, such as the percent of a file operation's progress.
        /// </summary>
        public void WriteIntegerAsString(long value)
        {
            BeginValue(IntegerLength(value) + 2);
            _buffer[_length++] = (byte)'"';
            PutInteger(value);
            _buffer[_length++] = (byte)'"';
            EndValue();
        }

        /// <summary>Writes a property whose value is an integer written as a string ("42").</summary>
        public void WriteIntegerAsString(string name, long value)
        {
            WritePropertyName(name);
            WriteIntegerAsString(value);
        }

        /// <summary>Writes a property with an integer value.</summary>
        public void WriteNumber(string name, long value)
        {
            WritePropertyName(name);
            WriteNumber(value);
        }

        /// <summary>
        /// Writes a double as the shortest decimal that reads back as the same double. Integral values below 2^53 are
        /// written as integers ("5", not "5.0"). Rare values need temporary big integers (allocation).
        /// </summary>
        /// <exception cref="ArgumentException">NaN or infinity, which JSON cannot represent.</exception>
        public void WriteNumber(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentException("JSON numbers cannot be NaN or infinite", "value");
            }
            if (_scratch == null) _scratch = new byte[DoubleFormatter.MaxLength];
            int n = DoubleFormatter.Format(value, _scratch, 0);
            BeginValue(n);
            Array.Copy(_scratch, 0, _buffer, _length, n);
            _length += n;
            EndValue();
        }

        /// <summary>Writes a property with a double value.</summary>
        public void WriteNumber(string name, double value)
        {
            WritePropertyName(name);
            WriteNumber(value);
        }

        /// <summary>Writes true or false.</summary>
        public void WriteBoolean(bool value)
        {
            BeginValue(5);
            PutAscii(value ? "true" : "false");
            EndValue();
        }

        /// <summary>Writes a property with a boolean value.</summary>
        public void WriteBoolean(string name, bool value)
        {
            WritePropertyName(name);
            WriteBoolean(value);
        }

        /// <summary>Writes null.</summary>
        public void WriteNull()
        {
            BeginValue(4);
            PutAscii("null");
            EndValue();
        }

        /// <summary>Writes a property with the value null.</summary>
        public void WriteNull(string name)
        {
            WritePropertyName(name);
            WriteNull();
        }

        /// <summary>
        /// Inserts pre-encoded JSON as one value, byte for byte (not validated: the caller guarantees it is exactly one
        /// JSON value). A reader's raw string can be copied with its quotes: (ValueOffset - 1, ValueLength + 2).
        /// </summary>
        public void WriteRawValue(byte[] json, int offset, int count)
        {
            if (json == null) throw new ArgumentNullException("json");
            if (offset < 0 || offset > json.Length) throw new ArgumentOutOfRangeException("offset");
            if (count < 1 || count > json.Length - offset) throw new ArgumentOutOfRangeException("count", "a raw value needs at least one byte");
            BeginValue(count);
            Array.Copy(json, offset, _buffer, _length, count);
            _length += count;
            EndValue();
        }

        /// <summary>Writes a property whose value is pre-encoded JSON.</summary>
        public void WriteRawValue(string name, byte[] json, int offset, int count)
        {
            WritePropertyName(name);
            WriteRawValue(json, offset, count);
        }

        // ---- structure ----

        private bool InObject => ((_objects >> (_depth - 1)) & 1) != 0;

        /// <summary>Checks that a value may come now, makes room for it (plus a comma) and writes the comma.</summary>
        private void BeginValue(int room)
        {
            if (_depth == 0)
            {
                if (_complete) throw Misuse("the JSON value is already complete; call Reset to start another");
                Reserve(room);
                return;
            }
            if (InObject)
            {
                if (!_afterName) throw Misuse("a property name must come before a value inside an object");
                Reserve(room);
                _afterName = false;
                return;
            }
            Reserve(room + 1);
            if (_hasItem) _buffer[_length++] = (byte)',';
        }

        private void EndValue()
        {
            if (_depth == 0) _complete = true;
            else _hasItem = true;
        }

        private void StartContainer(bool isObject)
        {
            if (_depth >= MaxDepth) throw Misuse("nesting deeper than " + MaxDepth.ToString() + " containers");
            BeginValue(1);
            _buffer[_length++] = isObject ? (byte)'{' : (byte)'[';
            ulong bit = 1UL << _depth;
            _objects = isObject ? _objects | bit : _objects & ~bit;
            _depth++;
            _hasItem = false;
        }

        private void EndContainer(bool isObject)
        {
            if (_depth == 0) throw Misuse(isObject ? "WriteEndObject without an open object" : "WriteEndArray without an open array");
            if (InObject != isObject) throw Misuse(isObject ? "WriteEndObject while an array is open" : "WriteEndArray while an object is open");
            if (_afterName) throw Misuse("the last property has no value");
            Reserve(1);
            _buffer[_length++] = isObject ? (byte)'}' : (byte)']';
            _depth--;
            EndValue();
        }

        private static InvalidOperationException Misuse(string why) => new InvalidOperationException("JSON writer: " + why);

        // ---- bytes ----

        /// <summary>Grows the buffer (doubling) so that it has room for count more bytes.</summary>
        private void Reserve(int count)
        {
            int needed = _length + count;
            if (needed <= _buffer.Length) return;
            int size = _buffer.Length * 2;
            if (size < needed) size = needed;
            byte[] bigger = new byte[size];
            Array.Copy(_buffer, bigger, _length);
            _buffer = bigger;
        }

        /// <summary>Number of characters of an integer's decimal text, sign included.</summary>
        private static int IntegerLength(long value)
        {
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            int digits = 1;
            for (ulong t = magnitude; t >= 10; t /= 10) digits++;
            return value < 0 ? digits + 1 : digits;
        }

        /// <summary>Writes an integer's decimal text; room was reserved.</summary>
        private void PutInteger(long value)
        {
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            if (value < 0) _buffer[_length++] = (byte)'-';
            _length += DoubleFormatter.WriteInteger(magnitude, _buffer, _length);
        }

        private void PutAscii(string text)
        {
            for (int i = 0; i < text.Length; i++) _buffer[_length++] = (byte)text[i];
        }

        /// <summary>Room a quoted, escaped string needs: the worst case when it fits, else the exact size.</summary>
        private int StringRoom(string s)
        {
            int worst = s.Length * 6 + 2;
            if (_length + worst + 1 <= _buffer.Length) return worst;
            int n = 2;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80) n += c >= 0x20 && c != '"' && c != '\\' ? 1 : EscapeLength(c);
                else n += Utf8.Put(Utf8.CodePointAt(s, ref i), null, 0);
            }
            return n;
        }

        private int ByteStringRoom(byte[] b, int offset, int count)
        {
            int worst = count * 6 + 2;
            if (_length + worst + 1 <= _buffer.Length) return worst;
            int n = 2;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte c = b[i];
                n += c >= 0x20 && c != '"' && c != '\\' ? 1 : EscapeLength(c);
            }
            return n;
        }

        private static int EscapeLength(int c) =>
            c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t' ? 2 : 6;

        /// <summary>Writes the quoted, escaped UTF-8 form of s; room was reserved.</summary>
        private void PutString(string s)
        {
            byte[] buf = _buffer;
            int p = _length;
            int n = s.Length;
            buf[p++] = (byte)'"';
            for (int i = 0; i < n; i++)
            {
                int c = s[i];
                if (c < 0x80)
                {
                    if (c >= 0x20 && c != '"' && c != '\\') buf[p++] = (byte)c;
                    else p = PutEscape(buf, p, c);
                }
                else p += Utf8.Put(Utf8.CodePointAt(s, ref i), buf, p);
            }
            buf[p++] = (byte)'"';
            _length = p;
        }

        /// <summary>Writes the quoted, escaped form of validated UTF-8 bytes; room was reserved.</summary>
        private void PutByteString(byte[] b, int offset, int count)
        {
            byte[] buf = _buffer;
            int p = _length;
            int end = offset + count;
            buf[p++] = (byte)'"';
            for (int i = offset; i < end; i++)
            {
                byte c = b[i];
                if (c >= 0x20 && c != '"' && c != '\\') buf[p++] = c;
                else p = PutEscape(buf, p, c);
            }
            buf[p++] = (byte)'"';
            _length = p;
        }

        private static int PutEscape(byte[] buf, int p, int c)
        {
            buf[p++] = (byte)'\\';
            switch (c)
            {
                case '"': buf[p++] = (byte)'"'; return p;
                case '\\': buf[p++] = (byte)'\\'; return p;
                case '\b': buf[p++] = (byte)'b'; return p;
                case '\f': buf[p++] = (byte)'f'; return p;
                case '\n': buf[p++] = (byte)'n'; return p;
                case '\r': buf[p++] = (byte)'r'; return p;
                case '\t': buf[p++] = (byte)'t'; return p;
            }
            buf[p++] = (byte)'u';
            buf[p++] = (byte)'0';
            buf[p++] = (byte)'0';
            buf[p++] = (byte)"0123456789abcdef"[c >> 4];
            buf[p++] = (byte)"0123456789abcdef"[c & 0xF];
            return p;
        }
    }
}

using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>
    /// Reads the fields of frame data from a <see cref="JsonReader"/>: property-name matching (tolerant of spaces
    /// around names, see <see cref="Profile.TrimPropertyNames"/>) and typed values with errors that name the field.
    /// Value readers expect the reader on the property name and move it onto the value.
    /// </summary>
    public static class Field
    {
        private const byte Space = 0x20;

        /// <summary>True when the current property name is <paramref name="name"/> (spaces around it ignored).</summary>
        public static bool Is(JsonReader r, string name)
        {
            if (r.ValueEquals(name)) return true;
            if (!Profile.TrimPropertyNames) return false;
            int length = r.ValueLength;
            if (length <= name.Length) return false;
            if (r.ValueIsEscaped) return TrimSpaces(r.GetString()) == name;
            byte[] buffer = r.Buffer;
            int start = r.ValueOffset;
            int end = start + length;
            while (start < end && buffer[start] == Space) start++;
            while (end > start && buffer[end - 1] == Space) end--;
            if (end - start != name.Length) return false;
            for (int i = 0; i < name.Length; i++)
            {
                if (buffer[start + i] != name[i]) return false;
            }
            return true;
        }

        /// <summary>
        /// The current property name as a string, without the spaces around it when <see cref="Profile.TrimPropertyNames"/>
        /// (only U+0020: the same rule as <see cref="Is"/>, on every platform).
        /// </summary>
        public static string Name(JsonReader r)
        {
            string name = r.GetString();
            return Profile.TrimPropertyNames ? TrimSpaces(name) : name;
        }

        private static string TrimSpaces(string s)
        {
            int start = 0, end = s.Length;
            while (start < end && s[start] == ' ') start++;
            while (end > start && s[end - 1] == ' ') end--;
            return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
        }

        /// <summary>Moves onto the value; it must be a string (or null, which gives null).</summary>
        public static string? String(JsonReader r, string field)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.Null) return null;
            if (r.TokenType != JsonTokenType.String) throw Mistyped(r, field, "a string");
            return r.GetString();
        }

        /// <summary>Moves onto the value; it must be a string or a number, whose text is returned (respCont).</summary>
        public static string? Text(JsonReader r, string field)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.Null) return null;
            if (r.TokenType == JsonTokenType.String) return r.GetString();
            if (r.TokenType == JsonTokenType.Number) return Clife.Device.Text.Utf8.GetString(r.Buffer, r.ValueOffset, r.ValueLength);
            throw Mistyped(r, field, "a string or a number");
        }

        /// <summary>Moves onto the value; it must be an integer that fits a long.</summary>
        public static long Long(JsonReader r, string field)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.Number) throw Mistyped(r, field, "a number");
            if (!r.TryGetInt64(out long value)) throw Mistyped(r, field, "an integer");
            return value;
        }

        /// <summary>Moves onto the value; an integer, or a string of decimal digits (how some senders write timestamps).</summary>
        public static long LongOrNumericString(JsonReader r, string field)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.Number)
            {
                if (!r.TryGetInt64(out long value)) throw Mistyped(r, field, "an integer");
                return value;
            }
            if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && r.ValueLength > 0 && r.ValueLength <= 18)
            {
                long value = 0;
                byte[] b = r.Buffer;
                for (int i = r.ValueOffset; i < r.ValueOffset + r.ValueLength; i++)
                {
                    int digit = b[i] - '0';
                    if (digit < 0 || digit > 9) throw Mistyped(r, field, "an integer or a string of digits");
                    value = value * 10 + digit;
                }
                return value;
            }
            throw Mistyped(r, field, "an integer or a string of digits");
        }

        /// <summary>Moves onto the value; it must be an integer that fits an int.</summary>
        public static int Int(JsonReader r, string field)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.Number) throw Mistyped(r, field, "a number");
            if (!r.TryGetInt32(out int value)) throw Mistyped(r, field, "a 32-bit integer");
            return value;
        }

        /// <summary>Moves onto the value; it must be an integer in 0..int.MaxValue (a number or count where -1 means absent).</summary>
        public static int NonNegativeInt(JsonReader r, string field)
        {
            int value = Int(r, field);
            if (value < 0) throw Mistyped(r, field, "0 or more");
            return value;
        }

        /// <summary>
        /// Moves onto the value; a time in ms since the epoch in a reply's data: a non-negative integer or string of digits
        /// (0 means absent, as the writers have it).
        /// </summary>
        public static long Time(JsonReader r, string field)
        {
            long value = LongOrNumericString(r, field);
            if (value < 0) throw Mistyped(r, field, "0 or more");
            return value;
        }

        /// <summary>Moves onto the value; it must be true or false.</summary>
        public static bool Bool(JsonReader r, string field)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.True) return true;
            if (r.TokenType == JsonTokenType.False) return false;
            throw Mistyped(r, field, "true or false");
        }

        /// <summary>Moves onto the value; it must open an object.</summary>
        public static void StartObject(JsonReader r, string field)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.StartObject) throw Mistyped(r, field, "an object");
        }

        /// <summary>Moves onto the value; it must open an array.</summary>
        public static void StartArray(JsonReader r, string field)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.StartArray) throw Mistyped(r, field, "an array");
        }

        /// <summary>
        /// Moves to the next member of the object the reader is in. Returns false at the end of the object.
        /// </summary>
        public static bool NextMember(JsonReader r)
        {
            r.Read();
            return r.TokenType == JsonTokenType.PropertyName;
        }

        /// <summary>
        /// Counts the elements of the array the reader is on (StartArray) without moving it; more than
        /// <paramref name="max"/> is a FrameException naming the field (counting stops there).
        /// </summary>
        public static int CountElements(JsonReader r, string field, int max)
        {
            JsonReaderPosition start = r.SavePosition();
            int offset = r.TokenOffset;
            int count = 0;
            while (true)
            {
                r.Read();
                if (r.TokenType == JsonTokenType.EndArray) break;
                if (++count > max)
                    throw new FrameException("field \"" + field + "\" at byte " + offset.ToString() + " has more than " + max.ToString() + " entries", offset);
                r.Skip();
            }
            r.RestorePosition(start);
            return count;
        }

        /// <summary>
        /// Counts the members of the object the reader is on (StartObject) without moving it; more than
        /// <paramref name="max"/> is a FrameException (counting stops there).
        /// </summary>
        public static int CountMembers(JsonReader r, int max)
        {
            JsonReaderPosition start = r.SavePosition();
            int offset = r.TokenOffset;
            int count = 0;
            while (NextMember(r))
            {
                if (++count > max)
                    throw new FrameException("data at byte " + offset.ToString() + " has more than " + max.ToString() + " data points", offset);
                r.Skip();
            }
            r.RestorePosition(start);
            return count;
        }

        /// <summary>The error for a field that is absent but required.</summary>
        public static FrameException Missing(string field, string where) =>
            new FrameException(where + " lacks required field \"" + field + "\"");

        private static FrameException Mistyped(JsonReader r, string field, string expected) =>
            new FrameException("field \"" + field + "\" at byte " + r.TokenOffset.ToString() + " must be " + expected, r.TokenOffset);
    }
}

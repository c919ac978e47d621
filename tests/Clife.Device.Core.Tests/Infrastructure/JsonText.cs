using System;
using Clife.Device.Json;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>Builds test inputs and describes what a <see cref="JsonReader"/> makes of them.</summary>
    public static class JsonText
    {
        private static readonly string[] Names =
        {
            "None", "StartObject", "EndObject", "StartArray", "EndArray", "PropertyName", "String", "Number", "True", "False", "Null",
        };

        /// <summary>The UTF-8 bytes of the text.</summary>
        public static byte[] Utf8Of(string text) => Utf8.GetBytes(text);

        /// <summary>Bytes taken one per char (each char must be below 256), for inputs that are not valid UTF-8.</summary>
        public static byte[] Raw(string chars)
        {
            byte[] bytes = new byte[chars.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] > 0xFF) throw new ArgumentException("Raw takes chars below 256 only");
                bytes[i] = (byte)chars[i];
            }
            return bytes;
        }

        /// <summary>The name of a token type (Enum.ToString gives a number on nanoFramework).</summary>
        public static string Name(JsonTokenType type) => Names[(int)type];

        /// <summary>
        /// Reads the whole document and lists its tokens, separated by spaces: brackets as themselves, names as
        /// name:, strings as "text" (unescaped), numbers and literals as written.
        /// </summary>
        public static string Tokens(string json) => Tokens(Utf8Of(json));

        /// <summary>Reads the whole document and lists its tokens (see <see cref="Tokens(string)"/>).</summary>
        public static string Tokens(byte[] json)
        {
            JsonReader reader = new JsonReader();
            reader.Reset(json, 0, json.Length);
            string result = "";
            while (reader.Read())
            {
                if (result.Length > 0) result += " ";
                result += Describe(reader, json);
            }
            return result;
        }

        /// <summary>The current token as Tokens lists it (json is the buffer the reader reads).</summary>
        public static string Describe(JsonReader reader, byte[] json)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: return "{";
                case JsonTokenType.EndObject: return "}";
                case JsonTokenType.StartArray: return "[";
                case JsonTokenType.EndArray: return "]";
                case JsonTokenType.PropertyName: return reader.GetString() + ":";
                case JsonTokenType.String: return "\"" + reader.GetString() + "\"";
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                case JsonTokenType.Null:
                    return RawValue(reader, json);
            }
            return "?";
        }

        /// <summary>The raw bytes of the current token's value, as a string (json is the buffer the reader reads).</summary>
        public static string RawValue(JsonReader reader, byte[] json) => Utf8.GetString(json, reader.ValueOffset, reader.ValueLength);

        /// <summary>Reads the document to its end and returns how many tokens it has.</summary>
        public static int ReadToEnd(byte[] json, int maxDepth)
        {
            JsonReader reader = new JsonReader(maxDepth);
            reader.Reset(json, 0, json.Length);
            int n = 0;
            while (reader.Read()) n++;
            return n;
        }

        /// <summary>Reads the document expecting a JsonException; checks its offset and that its message contains the fragment.</summary>
        public static JsonException ExpectError(byte[] json, int offset, string fragment)
        {
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { ReadToEnd(json, JsonReader.DefaultMaxDepth); });
            Check.Equal(offset, e.Offset, "error offset of " + e.Message);
            Check.Contains(fragment, e.Message, "error message");
            Check.Contains("at byte " + offset.ToString() + ":", e.Message, "error message");
            return e;
        }

        /// <summary>Reads the document expecting a JsonException; checks its offset and that its message contains the fragment.</summary>
        public static JsonException ExpectError(string json, int offset, string fragment) => ExpectError(Utf8Of(json), offset, fragment);

        /// <summary>A reader positioned on the first token of the text.</summary>
        public static JsonReader First(string json)
        {
            JsonReader reader = new JsonReader();
            byte[] bytes = Utf8Of(json);
            reader.Reset(bytes, 0, bytes.Length);
            reader.Read();
            return reader;
        }
    }
}

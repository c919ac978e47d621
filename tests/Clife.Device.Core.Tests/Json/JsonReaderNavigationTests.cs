using System;
using Clife.Device.Json;

namespace Clife.Device.Tests
{
    /// <summary>JsonReader: Skip, ValueEquals, string copies, and saving and restoring the position.</summary>
    public sealed class JsonReaderNavigationTests
    {
        public void Skip_from_a_property_name_skips_its_whole_value()
        {
            byte[] json = JsonText.Utf8Of("{\"skip\":{\"a\":[1,{\"b\":2}],\"c\":\"x\"},\"keep\":7}");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            r.Read();
            r.Read();
            Check.True(r.ValueEquals("skip"), "on skip");
            r.Skip();
            Check.Equal("EndObject", JsonText.Name(r.TokenType), "on the end of the skipped object");
            Check.Equal(1, r.CurrentDepth, "its depth");
            r.Read();
            Check.True(r.ValueEquals("keep"), "next member");
            r.Read();
            Check.Equal(7, r.GetInt64(), "its value");
        }

        public void Skip_from_a_name_with_a_scalar_value_lands_on_the_value()
        {
            JsonReader r = JsonText.First("{\"a\":5,\"b\":6}");
            r.Read();
            r.Skip();
            Check.Equal("5", r.GetInt64().ToString(), "on the value");
            r.Read();
            Check.True(r.ValueEquals("b"), "then the next name");
        }

        public void Skip_from_a_start_token_moves_to_its_end_and_on_a_scalar_does_nothing()
        {
            JsonReader r = JsonText.First("[[1,[2]],3]");
            r.Read();
            r.Skip();
            Check.Equal("EndArray", JsonText.Name(r.TokenType), "end of the inner array");
            Check.Equal(1, r.CurrentDepth, "inner depth");
            r.Read();
            r.Skip();
            Check.Equal(3, r.GetInt64(), "Skip on a number stays");
            JsonReader top = JsonText.First("{\"a\":[]}");
            top.Skip();
            Check.Equal("EndObject", JsonText.Name(top.TokenType), "top-level skip");
            Check.False(top.Read(), "nothing after it");
        }

        public void Skip_still_validates_what_it_skips()
        {
            JsonReader r = JsonText.First("{\"a\":[1,2,}],\"b\":1}");
            r.Read();
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { r.Skip(); });
            Check.Equal(10, e.Offset, "offset of the bad '}'");
            JsonReader s = JsonText.First("[\"\\uD800\"]");
            Check.Throws(typeof(JsonException), delegate { s.Skip(); });
            JsonReader t = JsonText.First("[[[[[]]]]]");
            Check.Throws(typeof(InvalidOperationException), delegate { new JsonReader().Skip(); });
            t.Skip();
            Check.False(t.Read(), "fully skipped");
        }

        public void Skip_respects_the_depth_limit()
        {
            byte[] json = JsonText.Utf8Of("{\"a\":[[[]]]}");
            JsonReader r = new JsonReader(3);
            r.Reset(json, 0, json.Length);
            r.Read();
            r.Read();
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { r.Skip(); });
            Check.Contains("nesting deeper than 3", e.Message);
        }

        public void ValueEquals_compares_the_unescaped_text()
        {
            JsonReader r = JsonText.First("{\"\\u0063md\":1,\"d\\u00e9j\\u00E0\":2,\"\\uD83D\\uDE00\":3,\"t\\\"q\\\\\":4,\"\u4E2D\":5}");
            r.Read();
            Check.True(r.ValueEquals("cmd"), "\\u0063md equals cmd");
            Check.False(r.ValueEquals("\\u0063md"), "not the raw text");
            Check.False(r.ValueEquals("cm"), "shorter");
            Check.False(r.ValueEquals("cmdd"), "longer");
            r.Read();
            r.Read();
            Check.True(r.ValueEquals("d\u00E9j\u00E0"), "accented");
            r.Read();
            r.Read();
            Check.True(r.ValueEquals("\uD83D\uDE00"), "surrogate pair");
            Check.False(r.ValueEquals("\uD83D"), "half of the pair");
            Check.False(r.ValueEquals("\uD83D\uDE01"), "other low half");
            r.Read();
            r.Read();
            Check.True(r.ValueEquals("t\"q\\"), "quote and backslash");
            r.Read();
            r.Read();
            Check.True(r.ValueEquals("\u4E2D"), "raw UTF-8");
            Check.False(r.ValueEquals("\u4E2E"), "neighbour char");
            Check.False(r.ValueEquals(""), "empty");
        }

        public void ValueEquals_is_false_on_other_tokens()
        {
            Check.False(JsonText.First("12").ValueEquals("12"), "number");
            Check.False(JsonText.First("null").ValueEquals("null"), "null");
            Check.True(JsonText.First("\"\"").ValueEquals(""), "empty string equals empty");
            Check.Throws(typeof(ArgumentNullException), delegate { JsonText.First("\"a\"").ValueEquals(null!); });
        }

        public void GetString_and_CopyString_unescape()
        {
            JsonReader r = JsonText.First("\"a\\tb\\u00e9\\/\"");
            Check.Equal("a\tb\u00E9/", r.GetString());
            byte[] dest = new byte[r.ValueLength];
            int n = r.CopyString(dest, 0);
            Check.Bytes(new byte[] { 0x61, 0x09, 0x62, 0xC3, 0xA9, 0x2F }, 0, 6, dest, 0, n, "unescaped UTF-8");
        }

        public void CopyString_of_an_unescaped_string_is_its_raw_bytes()
        {
            byte[] json = JsonText.Utf8Of("[\"6d348c902ace4d09b6d62ce982dc8ace\"]");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            r.Read();
            r.Read();
            byte[] dest = new byte[40];
            Check.Equal(32, r.CopyString(dest, 8), "length");
            Check.Bytes(json, 2, 32, dest, 8, 32, "bytes");
        }

        public void CopyString_into_too_little_room_says_how_much_is_needed()
        {
            JsonReader r = JsonText.First("\"ab\\ncd\"");
            Exception e = Check.Throws(typeof(ArgumentException), delegate { r.CopyString(new byte[6], 2); });
            Check.Contains("needs 5 bytes, 4 are free", e.Message);
            Check.Equal(5, r.CopyString(new byte[7], 2), "exact fit");
        }

        public void A_saved_position_can_be_restored_to_read_an_array_twice()
        {
            byte[] json = JsonText.Utf8Of("{\"devVer\":[{\"devNum\":0},{\"devNum\":1},{\"devNum\":7}],\"after\":true}");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            r.Read();
            r.Read();
            r.Read();
            Check.Equal("StartArray", JsonText.Name(r.TokenType), "at the array");
            JsonReaderPosition start = r.SavePosition();

            int count = 0;
            while (true)
            {
                r.Read();
                if (r.TokenType == JsonTokenType.EndArray) break;
                r.Skip();
                count++;
            }
            Check.Equal(3, count, "elements counted");

            r.RestorePosition(start);
            Check.Equal("StartArray", JsonText.Name(r.TokenType), "back at the array");
            long[] numbers = new long[count];
            for (int i = 0; i < count; i++)
            {
                r.Read(); // {
                r.Read(); // devNum
                r.Read();
                numbers[i] = r.GetInt64();
                r.Read(); // }
            }
            Check.Equal(7, numbers[2], "third element");
            r.Read();
            Check.Equal("EndArray", JsonText.Name(r.TokenType), "end of the array");
            r.Read();
            Check.True(r.ValueEquals("after"), "continues after the array");
        }

        public void Restoring_after_leaving_the_container_restores_the_container_kinds()
        {
            // The saved position is inside an array at depth 2; reading on replaces that level with an object.
            byte[] json = JsonText.Utf8Of("[[1,2],{\"a\":3}]");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            r.Read();
            r.Read();
            r.Read();
            JsonReaderPosition inside = r.SavePosition();
            while (r.Read()) { }
            r.RestorePosition(inside);
            Check.Equal(1, r.GetInt64(), "on the first element again");
            string rest = "";
            while (r.Read()) rest += JsonText.Describe(r, json) + " ";
            Check.Equal("2 ] { a: 3 } ] ", rest);
        }

        public void A_position_from_another_input_is_refused()
        {
            byte[] json = JsonText.Utf8Of("[1]");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            r.Read();
            JsonReaderPosition p = r.SavePosition();
            r.Reset(json, 0, json.Length);
            Check.Throws(typeof(InvalidOperationException), delegate { r.RestorePosition(p); });
            Check.Throws(typeof(InvalidOperationException), delegate { r.RestorePosition(new JsonReaderPosition()); });
            JsonReader other = new JsonReader();
            other.Reset(JsonText.Utf8Of("[2]"), 0, 3);
            Check.Throws(typeof(InvalidOperationException), delegate { other.RestorePosition(r.SavePosition()); });
        }
    }
}

using System;
using Clife.Device.Json;

namespace Clife.Device.Tests
{
    /// <summary>JsonReader: the token sequence, depths, raw value ranges, strings and escapes of valid documents.</summary>
    public sealed class JsonReaderTokenTests
    {
        public void Every_token_type_is_reported_in_order_with_its_depth()
        {
            byte[] json = JsonText.Utf8Of("{\"a\":[1,\"s\",true,false,null,{}],\"b\":{\"c\":[]}}");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            Check.Equal("None", JsonText.Name(r.TokenType), "before Read");
            string[] expected =
            {
                "StartObject 0", "PropertyName 1", "StartArray 1", "Number 2", "String 2", "True 2", "False 2", "Null 2",
                "StartObject 2", "EndObject 2", "EndArray 1", "PropertyName 1", "StartObject 1", "PropertyName 2",
                "StartArray 2", "EndArray 2", "EndObject 1", "EndObject 0",
            };
            for (int i = 0; i < expected.Length; i++)
            {
                Check.True(r.Read(), "Read " + i.ToString());
                Check.Equal(expected[i], JsonText.Name(r.TokenType) + " " + r.CurrentDepth.ToString(), "token " + i.ToString());
            }
            Check.False(r.Read(), "Read after the top-level value");
            Check.False(r.Read(), "Read again");
        }

        public void Scalars_are_valid_top_level_values()
        {
            Check.Equal("42", JsonText.Tokens("42"));
            Check.Equal("\"x\"", JsonText.Tokens("\"x\""));
            Check.Equal("true", JsonText.Tokens("true"));
            Check.Equal("false", JsonText.Tokens(" false "));
            Check.Equal("null", JsonText.Tokens("null"));
            Check.Equal("-0.5e-3", JsonText.Tokens("-0.5e-3"));
        }

        public void Whitespace_is_allowed_around_every_token()
        {
            string ws = " \t\r\n";
            string json = ws + "{" + ws + "\"a\"" + ws + ":" + ws + "[" + ws + "1" + ws + "," + ws + "true" + ws + "]" + ws + ","
                          + ws + "\"b\"" + ws + ":" + ws + "null" + ws + "}" + ws;
            Check.Equal("{ a: [ 1 true ] b: null }", JsonText.Tokens(json));
        }

        public void Raw_value_range_of_a_string_is_the_bytes_between_the_quotes()
        {
            byte[] json = JsonText.Utf8Of("  {\"key\" : \"va\\nl\"}");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            r.Read();
            Check.Equal(2, r.ValueOffset, "StartObject offset");
            Check.Equal(1, r.ValueLength, "StartObject length");
            r.Read();
            Check.Equal(4, r.ValueOffset, "name offset");
            Check.Equal(3, r.ValueLength, "name length");
            Check.Equal(3, r.TokenOffset, "name token offset (its quote)");
            Check.False(r.ValueIsEscaped, "name is not escaped");
            r.Read();
            Check.Equal(12, r.ValueOffset, "value offset");
            Check.Equal(5, r.ValueLength, "value length, escape not processed");
            Check.True(r.ValueIsEscaped, "value is escaped");
            Check.Equal("va\nl", r.GetString(), "unescaped value");
        }

        public void Raw_value_of_a_number_is_its_literal()
        {
            byte[] json = JsonText.Utf8Of("[ -12.5e+3 ]");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            r.Read();
            r.Read();
            Check.Equal(2, r.ValueOffset, "offset");
            Check.Equal(8, r.ValueLength, "length");
            Check.Equal("-12.5e+3", JsonText.RawValue(r, json));
        }

        public void Offsets_are_into_the_buffer_and_errors_relative_to_the_range()
        {
            byte[] json = JsonText.Utf8Of("xx[\"ab\",]yy");
            JsonReader r = new JsonReader();
            r.Reset(json, 2, 7);
            r.Read();
            Check.Equal(2, r.ValueOffset, "'[' is at index 2 of the buffer");
            Check.Equal(0, r.TokenOffset, "and at offset 0 of the range");
            r.Read();
            Check.Equal(4, r.ValueOffset, "string value index in the buffer");
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { r.Read(); });
            Check.Equal(6, e.Offset, "offset of ']' relative to the range");
        }

        public void Every_simple_escape_is_unescaped()
        {
            JsonReader r = JsonText.First("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"");
            Check.Equal("\" \\ / \b \f \n \r \t", r.GetString());
            Check.True(r.ValueIsEscaped, "escaped");
        }

        public void Unicode_escapes_accept_both_cases_of_hex()
        {
            Check.Equal("A\u00E9\u4E2D\u0000\uFFFF", JsonText.First("\"\\u0041\\u00e9\\u4E2d\\u0000\\uFFFF\"").GetString());
        }

        public void An_escaped_surrogate_pair_is_one_code_point()
        {
            JsonReader r = JsonText.First("\"x\\uD83D\\uDE00y\"");
            Check.Equal("x\uD83D\uDE00y", r.GetString());
            byte[] dest = new byte[16];
            int n = r.CopyString(dest, 1);
            Check.Equal(6, n, "UTF-8 length");
            Check.Bytes(new byte[] { 0x78, 0xF0, 0x9F, 0x98, 0x80, 0x79 }, 0, 6, dest, 1, n, "UTF-8 bytes");
        }

        public void Raw_non_ascii_text_is_read_as_utf8()
        {
            JsonReader r = JsonText.First("[\"\u5347\u7EA7 \u00E9 \uD83D\uDE00\"]");
            r.Read();
            Check.Equal("\u5347\u7EA7 \u00E9 \uD83D\uDE00", r.GetString());
            Check.False(r.ValueIsEscaped, "not escaped");
        }

        public void Empty_strings_and_names_are_fine()
        {
            Check.Equal("{ : \"\" }", JsonText.Tokens("{\"\":\"\"}"));
            JsonReader r = JsonText.First("\"\"");
            Check.Equal(0, r.ValueLength, "length");
            Check.Equal("", r.GetString());
            Check.Equal(0, r.CopyString(new byte[0], 0), "copy of an empty string");
        }

        public void Delete_and_other_high_ascii_need_no_escape()
        {
            Check.Equal("\u007F~", JsonText.First("\"\u007F~\"").GetString());
        }

        public void Nesting_exactly_at_the_limit_is_accepted()
        {
            Check.Equal(8, JsonText.ReadToEnd(JsonText.Utf8Of("[[[[]]]]"), 4), "tokens at depth 4 with limit 4");
            Check.Equal(64, JsonText.ReadToEnd(JsonText.Utf8Of(Nested(32)), JsonReader.DefaultMaxDepth), "default limit 32");
            Check.Equal(128, JsonText.ReadToEnd(JsonText.Utf8Of(Nested(64)), JsonReader.MaxSupportedDepth), "limit 64");
        }

        public void Nesting_over_the_limit_is_rejected_at_the_bracket_that_exceeds_it()
        {
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { JsonText.ReadToEnd(JsonText.Utf8Of("[{\"a\":[[1]]}]"), 3); });
            Check.Equal(7, e.Offset, "offset of the fourth bracket");
            Check.Equal("invalid JSON at byte 7: nesting deeper than 3", e.Message);
            JsonText.ExpectError(Nested(33), 32, "nesting deeper than 32");
        }

        public void Depth_limit_must_be_between_1_and_64()
        {
            Check.Throws(typeof(ArgumentOutOfRangeException), delegate { new JsonReader(0); });
            Check.Throws(typeof(ArgumentOutOfRangeException), delegate { new JsonReader(65); });
            Check.Equal(1, new JsonReader(1).MaxDepth, "1 is allowed");
            Check.Equal(32, new JsonReader().MaxDepth, "default");
        }

        public void A_reader_can_be_reset_to_new_input_at_any_point()
        {
            JsonReader r = new JsonReader();
            byte[] first = JsonText.Utf8Of("[1,[2");
            r.Reset(first, 0, first.Length);
            r.Read();
            r.Read();
            r.Read();
            byte[] second = JsonText.Utf8Of("{\"k\":3}");
            r.Reset(second, 0, second.Length);
            Check.Equal("None", JsonText.Name(r.TokenType), "token after Reset");
            string tokens = "";
            while (r.Read()) tokens += JsonText.Describe(r, second) + " ";
            Check.Equal("{ k: 3 } ", tokens);
        }

        public void Read_before_Reset_is_a_usage_error()
        {
            Check.Throws(typeof(InvalidOperationException), delegate { new JsonReader().Read(); });
            Check.Throws(typeof(InvalidOperationException), delegate { new JsonReader().GetString(); });
        }

        private static string Nested(int depth)
        {
            string s = "";
            for (int i = 0; i < depth; i++) s += "[";
            for (int i = 0; i < depth; i++) s += "]";
            return s;
        }
    }
}

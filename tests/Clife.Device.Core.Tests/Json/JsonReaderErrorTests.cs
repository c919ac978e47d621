using System;
using Clife.Device.Json;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>JsonReader rejects every malformed input with a JsonException that says where (byte offset) and why.</summary>
    public sealed class JsonReaderErrorTests
    {
        public void Empty_input_is_rejected()
        {
            JsonText.ExpectError("", 0, "empty input");
            JsonText.ExpectError(" \r\n\t", 4, "empty input (only whitespace)");
        }

        public void Errors_are_JsonExceptions_and_CodecExceptions()
        {
            Exception e = Check.Throws(typeof(CodecException), delegate { JsonText.ReadToEnd(JsonText.Utf8Of("{"), 32); });
            Check.True(e is JsonException, "JsonException");
        }

        public void Missing_comma_between_members_names_the_byte()
        {
            JsonException e = JsonText.ExpectError("{\"cmd\": 2019, \"ver\" \"1.0\"}", 20, "expected ':' after a property name");
            Check.Equal("invalid JSON at byte 20: expected ':' after a property name, found '\"'", e.Message);
            e = JsonText.ExpectError("{\"cmd\": 2019 \"ver\": \"1.0\"}", 13, "expected ',' or '}' after an object member");
            Check.Equal("invalid JSON at byte 13: expected ',' or '}' after an object member, found '\"'", e.Message);
            JsonText.ExpectError("[1 2]", 3, "expected ',' or ']' after an array element");
        }

        public void Mismatched_brackets_are_rejected()
        {
            JsonText.ExpectError("[1}", 2, "expected ',' or ']' after an array element, found '}'");
            JsonText.ExpectError("{\"a\":1]", 6, "expected ',' or '}' after an object member, found ']'");
            JsonText.ExpectError("]", 0, "expected a value, found ']'");
        }

        public void Trailing_commas_are_rejected()
        {
            JsonText.ExpectError("[1,]", 3, "expected a value after ','");
            JsonText.ExpectError("{\"a\":1,}", 7, "expected a property name after ','");
            JsonText.ExpectError("[,1]", 1, "expected a value, found ','");
        }

        public void Object_members_need_string_names()
        {
            JsonText.ExpectError("{a:1}", 1, "expected a property name or '}' after '{', found 'a'");
            JsonText.ExpectError("{1:1}", 1, "expected a property name or '}'");
            JsonText.ExpectError("{\"a\"}", 4, "expected ':' after a property name");
            JsonText.ExpectError("{\"a\":}", 5, "expected a value, found '}'");
        }

        public void Data_after_the_top_level_value_is_rejected()
        {
            JsonException e = JsonText.ExpectError("{} {}", 3, "after the end of the JSON value");
            Check.Equal("invalid JSON at byte 3: unexpected '{' after the end of the JSON value", e.Message);
            JsonText.ExpectError("1 2", 2, "after the end of the JSON value");
            JsonText.ExpectError("\"a\"x", 3, "after the end of the JSON value");
            JsonText.ExpectError("[]\u0000", 2, "byte 0x00 after the end of the JSON value");
        }

        public void Trailing_data_is_reported_by_the_Read_after_the_value()
        {
            byte[] json = JsonText.Utf8Of("[] x");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            Check.True(r.Read(), "[");
            Check.True(r.Read(), "]");
            Check.Throws(typeof(JsonException), delegate { r.Read(); });
            Check.Equal("EndArray", JsonText.Name(r.TokenType), "stays on the last good token");
        }

        public void Invalid_literals_are_rejected()
        {
            JsonText.ExpectError("tru", 3, "unexpected end of input inside the literal true");
            JsonText.ExpectError("[trve]", 3, "invalid literal: expected true, found 'v'");
            JsonText.ExpectError("nul1", 3, "expected null");
            JsonText.ExpectError("[truex]", 5, "unexpected 'x' after true");
            JsonText.ExpectError("True", 0, "expected a value, found 'T'");
            JsonText.ExpectError("NaN", 0, "expected a value, found 'N'");
        }

        public void Unterminated_string_is_reported_at_the_end_of_input()
        {
            JsonException e = JsonText.ExpectError("{\"fileMode\": \"DOWN", 18, "unexpected end of input inside a string");
            Check.Equal("invalid JSON at byte 18: unexpected end of input inside a string", e.Message);
            JsonText.ExpectError("\"abc\\", 5, "unexpected end of input inside a string");
            JsonText.ExpectError("\"\\u00", 5, "unexpected end of input inside a string");
            JsonText.ExpectError("\"\\uD83D", 7, "unexpected end of input inside a string");
            JsonText.ExpectError("\"\\uD83D\\", 8, "unexpected end of input inside a string");
        }

        public void Raw_control_characters_in_strings_are_rejected()
        {
            JsonText.ExpectError("\"a\nb\"", 2, "control character 0x0A must be escaped");
            JsonText.ExpectError("\"\tb\"", 1, "control character 0x09");
            JsonText.ExpectError(JsonText.Raw("[\"\u0000\"]"), 2, "control character 0x00");
            JsonText.ExpectError("{\"a\u001Fb\":1}", 3, "control character 0x1F");
        }

        public void Invalid_escapes_are_rejected()
        {
            JsonText.ExpectError("\"\\a\"", 1, "invalid escape '\\a'");
            JsonText.ExpectError("\"ab\\x41\"", 3, "invalid escape");
            JsonText.ExpectError("\"\\U0041\"", 1, "invalid escape");
            JsonText.ExpectError("\"\\u00G1\"", 5, "expected 4 hex digits after \\u, found 'G'");
            JsonText.ExpectError("\"\\u12\"", 5, "expected 4 hex digits");
        }

        public void Lone_or_misordered_surrogate_escapes_are_rejected()
        {
            JsonException e = JsonText.ExpectError("\"\\uD83D\"", 1, "lone high surrogate \\uD83D");
            Check.Contains("followed by a low surrogate", e.Message);
            JsonText.ExpectError("\"\\uDE00\"", 1, "lone low surrogate \\uDE00");
            JsonText.ExpectError("\"ab\\uDE00\\uD83D\"", 3, "lone low surrogate");
            JsonText.ExpectError("\"\\uD83Dx\"", 1, "lone high surrogate");
            JsonText.ExpectError("\"\\uD83D\\n\"", 1, "lone high surrogate");
            JsonText.ExpectError("\"\\uD83D\\uD83D\"", 1, "lone high surrogate");
            JsonText.ExpectError("\"\\uD83D\\u0041\"", 1, "lone high surrogate");
            JsonText.ExpectError(JsonText.Raw("\"\\uD83D\u00ED\u00B8\u0080\""), 1, "lone high surrogate");
        }

        public void Invalid_utf8_in_strings_is_rejected_where_it_starts()
        {
            JsonText.ExpectError(JsonText.Raw("{\"k\":\"ab\u0080\"}"), 8, "invalid UTF-8 inside a string: stray continuation byte 0x80");
            JsonText.ExpectError(JsonText.Raw("[\"\u00C0\u00AF\"]"), 2, "overlong");
            JsonText.ExpectError(JsonText.Raw("[\"\u00ED\u00A0\u0080\"]"), 2, "surrogate");
            JsonText.ExpectError(JsonText.Raw("[\"\u00F4\u0090\u0080\u0080\"]"), 2, "above U+10FFFF");
            JsonText.ExpectError(JsonText.Raw("[\"\u00E4\u00B8\"]"), 4, "expected a continuation byte");
            JsonText.ExpectError(JsonText.Raw("{\"\u00FF\":1}"), 2, "invalid UTF-8");
        }

        public void Non_ascii_outside_strings_is_rejected()
        {
            JsonText.ExpectError(JsonText.Raw("\u00EF\u00BB\u00BF{}"), 0, "expected a value, found byte 0xEF");
            JsonText.ExpectError("[\u00A0]", 1, "expected a value, found byte 0xC2");
        }

        public void Every_truncation_of_a_document_throws()
        {
            byte[] json = JsonText.Utf8Of(SeedExamples.FileDown);
            JsonReader r = new JsonReader();
            int rejected = 0;
            for (int cut = 0; cut < json.Length - 1; cut++)
            {
                r.Reset(json, 0, cut);
                bool threw = false;
                try
                {
                    int guard = 0;
                    while (r.Read())
                    {
                        if (++guard > json.Length) Check.Fail("Read did not stop on a prefix of " + cut.ToString() + " bytes");
                    }
                }
                catch (JsonException e)
                {
                    threw = true;
                    Check.True(e.Offset >= 0 && e.Offset <= cut, "offset within the prefix of " + cut.ToString() + ": " + e.Message);
                }
                Check.True(threw, "prefix of " + cut.ToString() + " bytes must be rejected");
                rejected++;
            }
            Check.Equal(json.Length - 1, rejected, "prefixes rejected");
            Check.True(JsonText.ReadToEnd(json, 32) > 0, "the whole document is accepted");
        }

        public void Every_truncation_of_a_string_with_escapes_throws()
        {
            byte[] json = JsonText.Utf8Of("[\"a\\u00e9\\uD83D\\uDE00\\n\u4E2D\"]");
            for (int cut = 0; cut < json.Length; cut++)
            {
                int n = cut;
                Check.Throws(typeof(JsonException), delegate { JsonText.ReadToEnd(Prefix(json, n), 32); });
            }
        }

        public void The_reader_stays_usable_after_an_error()
        {
            byte[] bad = JsonText.Utf8Of("[1,}");
            JsonReader r = new JsonReader();
            r.Reset(bad, 0, bad.Length);
            r.Read();
            r.Read();
            Check.Throws(typeof(JsonException), delegate { r.Read(); });
            Check.Throws(typeof(JsonException), delegate { r.Read(); });
            byte[] good = JsonText.Utf8Of("[2]");
            r.Reset(good, 0, good.Length);
            r.Read();
            r.Read();
            Check.Equal(2, r.GetInt64(), "value after Reset");
        }

        private static byte[] Prefix(byte[] bytes, int count)
        {
            byte[] copy = new byte[count];
            Array.Copy(bytes, copy, count);
            return copy;
        }
    }
}

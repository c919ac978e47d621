using System;
using Clife.Device.Json;

namespace Clife.Device.Tests
{
    /// <summary>JsonReader: the number grammar of RFC 8259 and the integer and double getters.</summary>
    public sealed class JsonReaderNumberTests
    {
        public void Every_branch_of_the_number_grammar_is_accepted()
        {
            string[] valid =
            {
                "0", "-0", "7", "-7", "10", "1234567890", "0.5", "-0.5", "10.25", "1e5", "1E5", "1e+5", "1e-5", "1E-05",
                "0e0", "-0.0e-0", "12.34e+56", "9007199254740993", "123456789012345678901234567890",
            };
            for (int i = 0; i < valid.Length; i++)
            {
                Check.Equal(valid[i], JsonText.Tokens(valid[i]), "top level");
                Check.Equal("[ " + valid[i] + " ]", JsonText.Tokens("[" + valid[i] + "]"), "in an array");
                Check.Equal("{ a: " + valid[i] + " }", JsonText.Tokens("{\"a\":" + valid[i] + "}"), "in an object");
            }
        }

        public void Numbers_outside_the_grammar_are_rejected()
        {
            JsonText.ExpectError("01", 1, "a number must not have leading zeros");
            JsonText.ExpectError("-01", 2, "leading zeros");
            JsonText.ExpectError("00", 1, "leading zeros");
            JsonText.ExpectError("-", 1, "unexpected end of input inside a number");
            JsonText.ExpectError("[-]", 2, "expected a digit after '-', found ']'");
            JsonText.ExpectError("-a", 1, "expected a digit after '-'");
            JsonText.ExpectError("1.", 2, "unexpected end of input inside a number");
            JsonText.ExpectError("[1.]", 3, "expected a digit after the decimal point");
            JsonText.ExpectError("1.e5", 2, "expected a digit after the decimal point");
            JsonText.ExpectError(".5", 0, "expected a value, found '.'");
            JsonText.ExpectError("1e", 2, "unexpected end of input inside a number");
            JsonText.ExpectError("1e+", 3, "unexpected end of input inside a number");
            JsonText.ExpectError("[1e]", 3, "expected a digit in the exponent");
            JsonText.ExpectError("[1E-x]", 4, "expected a digit in the exponent");
            JsonText.ExpectError("+1", 0, "expected a value, found '+'");
            JsonText.ExpectError("[1x]", 2, "unexpected 'x' after a number");
            JsonText.ExpectError("[0x10]", 2, "unexpected 'x' after a number");
            JsonText.ExpectError("1.5.2", 3, "unexpected '.' after a number");
            JsonText.ExpectError("[1e5e5]", 4, "unexpected 'e' after a number");
            JsonText.ExpectError("[--1]", 2, "expected a digit after '-'");
            JsonText.ExpectError("Infinity", 0, "expected a value");
        }

        public void GetInt64_reads_the_edges_of_the_long_range()
        {
            Check.Equal(long.MaxValue, Number("9223372036854775807").GetInt64(), "MaxValue");
            Check.Equal(long.MinValue, Number("-9223372036854775808").GetInt64(), "MinValue");
            Check.Equal(0, Number("-0").GetInt64(), "-0");
            Check.Equal(-1, Number("-1").GetInt64(), "-1");
            Check.Equal(1617787651542L, Number("1617787651542").GetInt64(), "timestamp");
        }

        public void GetInt64_one_beyond_the_range_is_out_of_range()
        {
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { Number("9223372036854775808").GetInt64(); });
            Check.Equal("JSON value at byte 0: number 9223372036854775808 is out of range for a 64-bit integer", e.Message);
            Check.Equal(0, e.Offset, "offset");
            e = (JsonException)Check.Throws(typeof(JsonException), delegate { Number("-9223372036854775809").GetInt64(); });
            Check.Contains("out of range", e.Message);
            e = (JsonException)Check.Throws(typeof(JsonException), delegate { Number("123456789012345678901234567890").GetInt64(); });
            Check.Contains("number 123456789012345678901234567890 is out of range for a 64-bit integer", e.Message);
            long value;
            Check.False(Number("9223372036854775808").TryGetInt64(out value), "TryGetInt64 beyond MaxValue");
            Check.True(Number("9223372036854775807").TryGetInt64(out value), "TryGetInt64 at MaxValue");
            Check.Equal(long.MaxValue, value, "TryGetInt64 value");
        }

        public void GetInt64_on_a_fraction_or_exponent_is_not_an_integer()
        {
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { Number("1.5").GetInt64(); });
            Check.Equal("JSON value at byte 0: number 1.5 is not an integer", e.Message);
            Check.Throws(typeof(JsonException), delegate { Number("1.0").GetInt64(); });
            Check.Throws(typeof(JsonException), delegate { Number("1e3").GetInt64(); });
            Check.Throws(typeof(JsonException), delegate { Number("-0.0").GetInt32(); });
            long value;
            Check.False(Number("2E0").TryGetInt64(out value), "TryGetInt64 with an exponent");
        }

        public void GetInt32_checks_the_int_range()
        {
            Check.Equal(int.MaxValue, Number("2147483647").GetInt32(), "MaxValue");
            Check.Equal(int.MinValue, Number("-2147483648").GetInt32(), "MinValue");
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { Number("2147483648").GetInt32(); });
            Check.Contains("number 2147483648 is out of range for a 32-bit integer", e.Message);
            Check.Throws(typeof(JsonException), delegate { Number("-2147483649").GetInt32(); });
            Check.Throws(typeof(JsonException), delegate { Number("99999999999999999999").GetInt32(); });
            int value;
            Check.False(Number("2147483648").TryGetInt32(out value), "TryGetInt32 beyond MaxValue");
            Check.True(Number("-2147483648").TryGetInt32(out value), "TryGetInt32 at MinValue");
            Check.Equal(int.MinValue, value, "TryGetInt32 value");
        }

        public void Value_errors_give_the_offset_of_the_token()
        {
            byte[] json = JsonText.Utf8Of("{\"msgId\": 1.5, \"ver\": \"1.0\"}");
            JsonReader r = new JsonReader();
            r.Reset(json, 0, json.Length);
            r.Read();
            r.Read();
            r.Read();
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { r.GetInt64(); });
            Check.Equal(10, e.Offset, "number offset");
            r.Read();
            r.Read();
            e = (JsonException)Check.Throws(typeof(JsonException), delegate { r.GetInt64(); });
            Check.Equal("JSON value at byte 22: expected a number, found a string", e.Message);
        }

        public void Getters_on_the_wrong_token_type_say_what_was_found()
        {
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { JsonText.First("[1]").GetInt64(); });
            Check.Contains("expected a number, found an array", e.Message);
            e = (JsonException)Check.Throws(typeof(JsonException), delegate { JsonText.First("12").GetString(); });
            Check.Contains("expected a string, found a number", e.Message);
            e = (JsonException)Check.Throws(typeof(JsonException), delegate { JsonText.First("null").GetBoolean(); });
            Check.Contains("expected true or false, found null", e.Message);
            Check.Throws(typeof(JsonException), delegate { JsonText.First("true").GetDouble(); });
            Check.Throws(typeof(JsonException), delegate { JsonText.First("{}").CopyString(new byte[4], 0); });
            Check.True(JsonText.First("true").GetBoolean(), "true");
            Check.False(JsonText.First("false").GetBoolean(), "false");
        }

        public void GetDouble_reads_exact_values()
        {
            Check.Equal(0.1, Number("0.1").GetDouble(), "0.1");
            Check.Equal(-2.5e-3, Number("-2.5e-3").GetDouble(), "-2.5e-3");
            Check.Equal(1617787651542.0, Number("1617787651542").GetDouble(), "integer");
            Check.Equal(1.7976931348623157e308, Number("1.7976931348623157e308").GetDouble(), "double.MaxValue");
            Check.Equal(4.9406564584124654e-324, Number("4.9406564584124654e-324").GetDouble(), "smallest subnormal");
            Check.Equal(2.2250738585072014e-308, Number("2.2250738585072014e-308").GetDouble(), "smallest normal");
            Check.Equal(9007199254740992.0, Number("9007199254740993").GetDouble(), "2^53 + 1 rounds to even");
            Check.Equal(0.30000000000000004, Number("0.30000000000000004").GetDouble(), "0.1 + 0.2");
            Check.Equal(1e23, Number("100000000000000000000000").GetDouble(), "1e23 written out");
            Check.Equal(123456789012345678901234567890.0, Number("123456789012345678901234567890").GetDouble(), "30 digits");
            Check.Equal(0.0, Number("1e-400").GetDouble(), "underflow to zero");
            Check.Equal(0.0, Number("0e99999999999").GetDouble(), "zero with a huge exponent");
        }

        public void GetDouble_keeps_the_sign_of_zero()
        {
            Check.Equal(long.MinValue, BitConverter.DoubleToInt64Bits(Number("-0").GetDouble()), "-0");
            Check.Equal(long.MinValue, BitConverter.DoubleToInt64Bits(Number("-0.0e5").GetDouble()), "-0.0e5");
            Check.Equal(long.MinValue, BitConverter.DoubleToInt64Bits(Number("-1e-999").GetDouble()), "-1e-999");
            Check.Equal(0L, BitConverter.DoubleToInt64Bits(Number("0").GetDouble()), "0");
        }

        public void GetDouble_decides_halfway_cases_by_the_whole_literal()
        {
            // 2^53 + 1 is exactly halfway between two doubles; any non-zero digit far behind tips it upwards.
            Check.Equal(9007199254740992.0, Number("9007199254740993.000000000000000000000000000000").GetDouble(), "exact half rounds to even");
            Check.Equal(9007199254740994.0, Number("9007199254740993.000000000000000000000000000001").GetDouble(), "above half rounds up");
            string longTail = "9007199254740993." + new string('0', 1000) + "1";
            Check.Equal(9007199254740994.0, Number(longTail).GetDouble(), "a digit beyond the 800th still counts");
        }

        public void GetDouble_beyond_the_double_range_is_out_of_range()
        {
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { Number("1e309").GetDouble(); });
            Check.Equal("JSON value at byte 0: number 1e309 is out of range for a double", e.Message);
            Check.Throws(typeof(JsonException), delegate { Number("-1.8e308").GetDouble(); });
            Check.Throws(typeof(JsonException), delegate { Number("1e99999999999999999999").GetDouble(); });
            Check.Equal(1.7976931348623157e308, Number("1.7976931348623158e308").GetDouble(), "still rounds down to MaxValue");
        }

        public void Long_literals_are_shortened_in_messages()
        {
            string digits = "1" + new string('0', 60);
            JsonException e = (JsonException)Check.Throws(typeof(JsonException), delegate { Number(digits).GetInt64(); });
            Check.Contains("number 1000000000000000000000000000000000000000... is out of range", e.Message);
        }

        private static JsonReader Number(string literal)
        {
            JsonReader r = JsonText.First(literal);
            Check.Equal("Number", JsonText.Name(r.TokenType), "token of " + literal);
            return r;
        }
    }
}

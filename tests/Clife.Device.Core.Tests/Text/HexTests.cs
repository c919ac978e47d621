using System;
using Clife.Device.Text;

namespace Clife.Device.Tests.Text
{
    /// <summary>Hex text of bytes: lowercase out, either case in, specific errors, and allocation-free comparison.</summary>
    public sealed class HexTests
    {
        public void Encode_writes_two_lowercase_digits_per_byte()
        {
            byte[] data = { 0x00, 0x0F, 0xA5, 0xFF, 0x10 };
            Check.Equal("000fa5ff10", Hex.Encode(data, 0, data.Length));
        }

        public void Encode_of_a_range_uses_only_that_range()
        {
            byte[] data = { 0x01, 0xAB, 0xCD, 0x02 };
            Check.Equal("abcd", Hex.Encode(data, 1, 2));
        }

        public void Encode_into_bytes_writes_the_same_digits_as_ascii_at_the_offset()
        {
            byte[] data = { 0x01, 0x00, 0x0F, 0xA5, 0xFF, 0x10 };
            byte[] output = { 0x2A, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x2A };
            Hex.Encode(data, 1, 5, output, 1);
            Check.Bytes(new byte[] { 0x2A, (byte)'0', (byte)'0', (byte)'0', (byte)'f', (byte)'a', (byte)'5', (byte)'f', (byte)'f', (byte)'1', (byte)'0', 0x2A }, output);
            Check.Throws(typeof(ArgumentOutOfRangeException), delegate { Hex.Encode(data, 0, 6, output, 1); });
        }

        public void Encode_of_nothing_is_empty()
        {
            Check.Equal("", Hex.Encode(new byte[3], 3, 0));
        }

        public void Decode_reads_upper_and_lower_case()
        {
            Check.Bytes(new byte[] { 0x00, 0x0F, 0xA5, 0xFF, 0xBC }, Hex.Decode("000Fa5fFbC"));
        }

        public void Decode_of_empty_text_is_no_bytes()
        {
            Check.Equal(0L, Hex.Decode("").Length);
        }

        public void Decode_into_a_buffer_writes_at_the_offset_and_returns_the_byte_count()
        {
            byte[] output = TestData.Filled(5, 0xEE);
            Check.Equal(2L, Hex.Decode("1a2B", output, 2));
            Check.Bytes(new byte[] { 0xEE, 0xEE, 0x1A, 0x2B, 0xEE }, output);
        }

        public void Decode_rejects_an_odd_number_of_characters()
        {
            Exception e = Check.Throws(typeof(CodecException), () => Hex.Decode("abc"));
            Check.Contains("odd number of characters (3)", e.Message);
        }

        public void Decode_rejects_a_non_hex_character_naming_its_position_but_not_the_text()
        {
            CodecException e = (CodecException)Check.Throws(typeof(CodecException), () => Hex.Decode("12g4"));
            Check.Equal(2L, e.Offset, "offset");
            Check.Contains("position 2", e.Message);
            Check.DoesNotContain("12g4", e.Message);
        }

        public void Decode_rejects_the_characters_next_to_the_digit_ranges()
        {
            string[] bad = { "/0", "0:", "@0", "0G", "`0", "0g", " 0", "0\u0146" };
            for (int i = 0; i < bad.Length; i++) Check.Throws(typeof(CodecException), () => Hex.Decode(bad[i]));
        }

        public void Decode_into_a_too_small_buffer_is_an_argument_error()
        {
            Check.Throws(typeof(ArgumentOutOfRangeException), () => Hex.Decode("0102", new byte[3], 2));
            Check.Throws(typeof(ArgumentNullException), () => Hex.Decode(null!));
        }

        public void Matches_compares_hex_of_either_case_with_the_bytes()
        {
            byte[] data = { 0x99, 0xD4, 0x1D, 0x8C, 0x77 };
            Check.True(Hex.Matches("d41d8c", data, 1, 3), "lowercase");
            Check.True(Hex.Matches("D41D8C", data, 1, 3), "uppercase");
            Check.True(Hex.Matches("", data, 5, 0), "empty");
        }

        public void Matches_is_false_for_a_different_byte_length_or_non_hex_text()
        {
            byte[] data = { 0xD4, 0x1D, 0x8C };
            Check.False(Hex.Matches("d41d8d", data, 0, 3), "last digit differs");
            Check.False(Hex.Matches("e41d8c", data, 0, 3), "first digit differs");
            Check.False(Hex.Matches("d41d8c00", data, 0, 3), "longer");
            Check.False(Hex.Matches("d41d8", data, 0, 3), "shorter");
            Check.False(Hex.Matches("d41d8g", data, 0, 3), "not hex");
            Check.False(Hex.Matches(null!, data, 0, 3), "null");
        }

        public void IsHexDigit_accepts_exactly_0_to_9_and_a_to_f_of_either_case()
        {
            int accepted = 0;
            for (int c = 0; c < 0x3000; c++) if (Hex.IsHexDigit((char)c)) accepted++;
            Check.Equal(22L, accepted, "hex digits among the first 0x3000 characters");
            Check.True(Hex.IsHexDigit('0') && Hex.IsHexDigit('9') && Hex.IsHexDigit('a') && Hex.IsHexDigit('F'), "ends of the ranges");
        }
    }
}

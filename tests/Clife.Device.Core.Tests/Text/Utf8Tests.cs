using System;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>The core's UTF-8 codec: exact bytes, round trips, and every class of ill-formed input rejected where it starts.</summary>
    public sealed class Utf8Tests
    {
        public void Ascii_encodes_one_byte_per_char_and_round_trips()
        {
            byte[] bytes = Utf8.GetBytes("cmd 2019");
            Check.Bytes(new byte[] { 0x63, 0x6D, 0x64, 0x20, 0x32, 0x30, 0x31, 0x39 }, bytes);
            Check.Equal("cmd 2019", Utf8.GetString(bytes, 0, bytes.Length));
        }

        public void Two_three_and_four_byte_forms_are_exact()
        {
            // U+00E9 é, U+4E2D 中, U+1F600 😀 (a surrogate pair in UTF-16)
            byte[] bytes = Utf8.GetBytes("\u00E9\u4E2D\uD83D\uDE00");
            Check.Bytes(new byte[] { 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80 }, bytes);
            Check.Equal(9, Utf8.GetByteCount("\u00E9\u4E2D\uD83D\uDE00"), "byte count");
            Check.Equal("\u00E9\u4E2D\uD83D\uDE00", Utf8.GetString(bytes, 0, bytes.Length));
        }

        public void Boundary_code_points_round_trip()
        {
            string[] samples =
            {
                "\u0000", "\u007F", "\u0080", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF",
                "\uD800\uDC00", "\uDBFF\uDFFF", "\u5347\u7EA7\u6587\u4EF6", "a\u00E9\u4E2D\uD83D\uDE00z",
            };
            int[] lengths = { 1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4, 12, 11 };
            for (int i = 0; i < samples.Length; i++)
            {
                byte[] bytes = Utf8.GetBytes(samples[i]);
                Check.Equal(lengths[i], bytes.Length, "length of sample " + i.ToString());
                Check.Equal(lengths[i], Utf8.GetByteCount(samples[i]), "count of sample " + i.ToString());
                Check.True(Utf8.IsValid(bytes), "sample " + i.ToString() + " is valid");
                Check.Equal(samples[i], Utf8.GetString(bytes, 0, bytes.Length), "sample " + i.ToString());
            }
        }

        public void Lone_surrogates_become_the_replacement_character()
        {
            byte[] fffd = { 0xEF, 0xBF, 0xBD };
            Check.Bytes(fffd, Utf8.GetBytes("\uD800"), "lone high");
            Check.Bytes(fffd, Utf8.GetBytes("\uDC00"), "lone low");
            Check.Bytes(new byte[] { 0x61, 0xEF, 0xBF, 0xBD, 0x62 }, Utf8.GetBytes("a\uD83Db"), "high followed by a letter");
            Check.Bytes(new byte[] { 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD }, Utf8.GetBytes("\uDE00\uD83D"), "pair in the wrong order");
            Check.Equal(6, Utf8.GetByteCount("\uDE00\uD83D"), "count of the wrong-order pair");
        }

        public void Encode_writes_at_the_offset_and_returns_the_length()
        {
            byte[] dest = { 0x55, 0x55, 0x55, 0x55, 0x55, 0x55 };
            int n = Utf8.Encode("\u00E9a", dest, 2);
            Check.Equal(3, n, "bytes written");
            Check.Bytes(new byte[] { 0x55, 0x55, 0xC3, 0xA9, 0x61, 0x55 }, dest);
        }

        public void Encode_into_a_too_small_destination_says_how_much_is_needed()
        {
            byte[] dest = new byte[4];
            Exception e = Check.Throws(typeof(ArgumentException), delegate { Utf8.Encode("\u4E2D\u4E2D", dest, 1); });
            Check.Contains("needs 6 bytes", e.Message);
            Check.Contains("3 are free", e.Message);
            Check.Equal(3, Utf8.Encode("abc", dest, 1), "an exact fit works");
        }

        public void GetString_decodes_a_range_inside_a_larger_array()
        {
            byte[] bytes = { 0xFF, 0x68, 0xC3, 0xA9, 0xFF };
            Check.Equal("h\u00E9", Utf8.GetString(bytes, 1, 3));
            Check.Equal("", Utf8.GetString(bytes, 4, 0), "empty range");
        }

        public void Stray_continuation_byte_is_rejected_at_its_offset()
        {
            ExpectInvalid(new byte[] { 0x61, 0x62, 0x80 }, 2, "stray continuation byte 0x80");
            ExpectInvalid(new byte[] { 0xC3, 0xA9, 0xA9 }, 2, "stray continuation byte 0xA9");
        }

        public void Overlong_forms_are_rejected()
        {
            ExpectInvalid(new byte[] { 0x61, 0xC0, 0xAF }, 1, "overlong");             // '/' in two bytes
            ExpectInvalid(new byte[] { 0xC1, 0xBF }, 0, "overlong");
            ExpectInvalid(new byte[] { 0xE0, 0x80, 0xAF }, 0, "overlong");             // '/' in three bytes
            ExpectInvalid(new byte[] { 0xE0, 0x9F, 0xBF }, 0, "overlong");             // U+07FF in three bytes
            ExpectInvalid(new byte[] { 0xF0, 0x8F, 0xBF, 0xBF }, 0, "overlong");       // U+FFFF in four bytes
        }

        public void Encoded_surrogates_are_rejected()
        {
            ExpectInvalid(new byte[] { 0x20, 0xED, 0xA0, 0x80 }, 1, "surrogate");      // U+D800
            ExpectInvalid(new byte[] { 0xED, 0xBF, 0xBF }, 0, "surrogate");            // U+DFFF
            Check.Equal("\uD7FF", Utf8.GetString(new byte[] { 0xED, 0x9F, 0xBF }, 0, 3), "U+D7FF just below is fine");
        }

        public void Code_points_above_U_10FFFF_are_rejected()
        {
            ExpectInvalid(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, 0, "above U+10FFFF");
            ExpectInvalid(new byte[] { 0x41, 0xF5, 0x80, 0x80, 0x80 }, 1, "above U+10FFFF");
            ExpectInvalid(new byte[] { 0xFF }, 0, "0xFF");
            ExpectInvalid(new byte[] { 0xFE }, 0, "0xFE");
            Check.Equal("\uDBFF\uDFFF", Utf8.GetString(new byte[] { 0xF4, 0x8F, 0xBF, 0xBF }, 0, 4), "U+10FFFF itself is fine");
        }

        public void Truncated_sequences_are_rejected_at_their_lead_byte()
        {
            ExpectInvalid(new byte[] { 0x61, 0xC3 }, 1, "truncated 2-byte");
            ExpectInvalid(new byte[] { 0xE4, 0xB8 }, 0, "truncated 3-byte");
            ExpectInvalid(new byte[] { 0x61, 0x62, 0xF0, 0x9F, 0x98 }, 2, "truncated 4-byte");
        }

        public void A_missing_continuation_byte_is_reported_where_it_should_be()
        {
            ExpectInvalid(new byte[] { 0xC3, 0x41 }, 1, "expected a continuation byte");
            ExpectInvalid(new byte[] { 0x30, 0xE4, 0xB8, 0x41 }, 3, "found 0x41");
            ExpectInvalid(new byte[] { 0xF0, 0x9F, 0x20, 0x80 }, 2, "expected a continuation byte");
        }

        public void Offsets_are_relative_to_the_decoded_range()
        {
            byte[] bytes = { 0x80, 0x80, 0x61, 0x62, 0xC0, 0x80 };
            CodecException e = (CodecException)Check.Throws(typeof(CodecException), delegate { Utf8.GetString(bytes, 2, 4); });
            Check.Equal(2, e.Offset, "offset");
            Check.Contains("invalid UTF-8 at byte 2:", e.Message);
            Check.False(Utf8.IsValid(bytes, 2, 4), "IsValid on the range");
            Check.True(Utf8.IsValid(bytes, 2, 2), "IsValid on the valid part");
        }

        public void Null_arguments_and_bad_ranges_are_argument_errors()
        {
            Check.Throws(typeof(ArgumentNullException), delegate { Utf8.GetByteCount(null!); });
            Check.Throws(typeof(ArgumentNullException), delegate { Utf8.GetString(null!, 0, 0); });
            Check.Throws(typeof(ArgumentOutOfRangeException), delegate { Utf8.GetString(new byte[3], 2, 2); });
            Check.Throws(typeof(ArgumentOutOfRangeException), delegate { Utf8.IsValid(new byte[3], -1, 1); });
        }

        private static void ExpectInvalid(byte[] bytes, int offset, string fragment)
        {
            Check.False(Utf8.IsValid(bytes), "IsValid");
            CodecException e = (CodecException)Check.Throws(typeof(CodecException), delegate { Utf8.GetString(bytes, 0, bytes.Length); });
            Check.Equal(offset, e.Offset, "offset of " + e.Message);
            Check.Contains("invalid UTF-8 at byte " + offset.ToString() + ":", e.Message);
            Check.Contains(fragment, e.Message);
        }
    }
}

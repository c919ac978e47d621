using System;
using Clife.Device.Crypto;
using Clife.Device.Text;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>The devKey formats (32 hex or 16 ASCII characters), their errors that never echo the key, and masking.</summary>
    public sealed class DevKeyTests
    {
        public void A_32_character_hex_devKey_gives_its_16_bytes_in_either_case()
        {
            byte[] expected = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF };
            Check.Bytes(expected, DevKey.ToKey("00112233445566778899aabbccddeeff"), "lowercase");
            Check.Bytes(expected, DevKey.ToKey("00112233445566778899AABBccddEEFF"), "mixed case");
        }

        public void A_16_character_devKey_gives_its_ascii_bytes()
        {
            byte[] expected = { 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x30, 0x31, 0x32, 0x33, 0x20, 0x7E, 0x21, 0x5A };
            Check.Bytes(expected, DevKey.ToKey("abcdefgh0123 ~!Z"));
        }

        public void A_16_character_devKey_of_hex_digits_is_still_taken_as_ascii()
        {
            Check.Bytes(TestData.Ascii("0011223344556677"), DevKey.ToKey("0011223344556677"));
        }

        public void ToKey_writes_the_key_at_the_offset()
        {
            byte[] output = TestData.Filled(18, 0xEE);
            DevKey.ToKey("ffeeddccbbaa99887766554433221100", output, 1);
            Check.Equal(0xEEL, output[0], "byte before");
            Check.Equal(0xFFL, output[1], "first key byte");
            Check.Equal(0x00L, output[16], "last key byte");
            Check.Equal(0xEEL, output[17], "byte after");
            Check.Throws(typeof(ArgumentOutOfRangeException), () => DevKey.ToKey("ffeeddccbbaa99887766554433221100", new byte[16], 1));
        }

        public void Other_lengths_are_rejected_naming_the_allowed_lengths_but_not_the_key()
        {
            string[] keys = { "", "abcdefghijklmno", "abcdefghijklmnopq", "00112233445566778899aabbccddeef", "00112233445566778899aabbccddeeff0" };
            for (int i = 0; i < keys.Length; i++)
            {
                Exception e = Check.Throws(typeof(CodecException), () => DevKey.ToKey(keys[i]));
                Check.Contains("32 hex characters or 16 ASCII characters", e.Message);
                Check.Contains("has " + keys[i].Length.ToString(), e.Message);
                if (keys[i].Length > 0) Check.DoesNotContain(keys[i].Substring(0, 6), e.Message);
            }
            Exception missing = Check.Throws(typeof(CodecException), () => DevKey.ToKey(null!));
            Check.Contains("has 0", missing.Message);
        }

        public void A_32_character_devKey_with_a_non_hex_character_is_rejected_without_echoing_it()
        {
            string key = "0011223344556677889qaabbccddeeff";
            Exception e = Check.Throws(typeof(CodecException), () => DevKey.ToKey(key));
            Check.Contains("character 20 is not a hex digit", e.Message);
            Check.DoesNotContain("889", e.Message);
            Check.DoesNotContain("q", e.Message);
        }

        public void A_16_character_devKey_with_a_control_or_non_ascii_character_is_rejected()
        {
            string[] keys = { "abcdefghijklmno\r", "abcdefghijklmno\u00e9", "\tbcdefghijklmnop", "abcdefghijklmno\u007f" };
            int[] positions = { 16, 16, 1, 16 };
            for (int i = 0; i < keys.Length; i++)
            {
                Exception e = Check.Throws(typeof(CodecException), () => DevKey.ToKey(keys[i]));
                Check.Contains("character " + positions[i].ToString() + " is not printable ASCII", e.Message);
                Check.DoesNotContain("bcdefghijklmn", e.Message);
            }
        }

        public void Mask_shows_no_character_of_a_long_secret()
        {
            Check.Equal("********", DevKey.Mask("00112233445566778899aabbccddeeff"));
            Check.Equal("********", DevKey.Mask("abcdefghijklmnop"));
        }

        public void Mask_does_not_give_away_the_length()
        {
            Check.Equal(DevKey.Mask("a"), DevKey.Mask("abcdefghijk"), "1 and 11 characters");
            Check.Equal(DevKey.Mask("a"), DevKey.Mask("00112233445566778899aabbccddeeff"), "1 and 32 characters");
            Check.Equal("********", DevKey.Mask("a"));
        }

        public void Mask_says_when_a_secret_is_not_set()
        {
            Check.Equal("(not set)", DevKey.Mask(null));
            Check.Equal("(not set)", DevKey.Mask(""));
        }
    }
}

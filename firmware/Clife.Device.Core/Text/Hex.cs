using System;

namespace Clife.Device.Text
{
    /// <summary>Hexadecimal text of bytes: lowercase when written, either case when read (md5 fields, devKeys, IVs).</summary>
    /// <remarks>Error messages name positions and lengths only, never the text itself, because hex often carries keys.</remarks>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Returns the lowercase hex text of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static string Encode(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count, nameof(data));
            char[] chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                int b = data[offset + i];
                chars[2 * i] = Digits[b >> 4];
                chars[2 * i + 1] = Digits[b & 0xF];
            }
            return new string(chars);
        }

        /// <summary>
        /// Writes the lowercase hex text of <paramref name="count"/> bytes of <paramref name="data"/> from
        /// <paramref name="offset"/> as ASCII into <paramref name="output"/> at <paramref name="outputOffset"/>
        /// (2 * <paramref name="count"/> bytes). Allocates nothing.
        /// </summary>
        public static void Encode(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            ByteRange.Check(data, offset, count, nameof(data));
            ByteRange.Check(output, outputOffset, 2 * count, nameof(output));
            for (int i = 0; i < count; i++)
            {
                int b = data[offset + i];
                output[outputOffset + 2 * i] = (byte)Digits[b >> 4];
                output[outputOffset + 2 * i + 1] = (byte)Digits[b & 0xF];
            }
        }

        /// <summary>Decodes hex text (upper or lower case) into a new array.</summary>
        /// <exception cref="CodecException">The text has an odd length or a character that is not a hex digit.</exception>
        public static byte[] Decode(string hex)
        {
            if (hex == null) throw new ArgumentNullException(nameof(hex));
            byte[] bytes = new byte[hex.Length / 2];
            Decode(hex, bytes, 0);
            return bytes;
        }

        /// <summary>Decodes hex text (upper or lower case) into <paramref name="output"/> at <paramref name="outputOffset"/> and returns the number of bytes written.</summary>
        /// <exception cref="CodecException">The text has an odd length or a character that is not a hex digit; the output may then be partly written.</exception>
        public static int Decode(string hex, byte[] output, int outputOffset)
        {
            if (hex == null) throw new ArgumentNullException(nameof(hex));
            CheckLength(hex);
            int count = hex.Length / 2;
            ByteRange.Check(output, outputOffset, count, nameof(output));
            for (int i = 0; i < count; i++)
            {
                int high = DigitValue(hex[2 * i]);
                if (high < 0) throw NotADigit(2 * i);
                int low = DigitValue(hex[2 * i + 1]);
                if (low < 0) throw NotADigit(2 * i + 1);
                output[outputOffset + i] = (byte)(high << 4 | low);
            }
            return count;
        }

        /// <summary>True when <paramref name="hex"/> (either case) spells exactly the <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>; text that is not hex never matches. Allocates nothing.</summary>
        public static bool Matches(string hex, byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count, nameof(data));
            if (hex == null || hex.Length != count * 2) return false;
            for (int i = 0; i < count; i++)
            {
                int high = DigitValue(hex[2 * i]);
                int low = DigitValue(hex[2 * i + 1]);
                if (high < 0 || low < 0 || (high << 4 | low) != data[offset + i]) return false;
            }
            return true;
        }

        /// <summary>True for 0-9, a-f and A-F.</summary>
        public static bool IsHexDigit(char c) => DigitValue(c) >= 0;

        /// <summary>The value 0..15 of a hex digit of either case (a char, or a byte of ASCII text), or -1.</summary>
        internal static int DigitValue(int c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            int lower = c | 0x20;
            if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
            return -1;
        }

        private static void CheckLength(string hex)
        {
            if ((hex.Length & 1) != 0)
                throw new CodecException("hex text has an odd number of characters (" + hex.Length.ToString() + "); every byte needs two hex digits");
        }

        private static CodecException NotADigit(int position) =>
            new CodecException("hex text: the character at position " + position.ToString() + " is not a hex digit (0-9, a-f, A-F)", position);
    }
}

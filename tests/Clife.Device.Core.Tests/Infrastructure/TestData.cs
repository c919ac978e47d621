namespace Clife.Device.Tests
{
    /// <summary>Builds test inputs without the APIs nanoFramework lacks (Encoding, LINQ).</summary>
    public static class TestData
    {
        /// <summary>The bytes of an ASCII string, one per character.</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            return bytes;
        }

        /// <summary>A string of <paramref name="count"/> copies of <paramref name="text"/>.</summary>
        public static string Repeat(string text, int count)
        {
            string result = "";
            for (int i = 0; i < count; i++) result += text;
            return result;
        }

        /// <summary><paramref name="length"/> bytes of a fixed, non-repeating-looking pattern that depends on <paramref name="seed"/>.</summary>
        public static byte[] Pattern(int length, int seed)
        {
            byte[] bytes = new byte[length];
            uint x = (uint)seed * 2654435761u + 1;
            for (int i = 0; i < length; i++)
            {
                x = x * 1103515245u + 12345u;
                bytes[i] = (byte)(x >> 23);
            }
            return bytes;
        }

        /// <summary><paramref name="length"/> bytes all equal to <paramref name="value"/>.</summary>
        public static byte[] Filled(int length, byte value)
        {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) bytes[i] = value;
            return bytes;
        }
    }
}

namespace Clife.Device.Crypto
{
    /// <summary>CRC-32/IEEE (the zip and Ethernet CRC) for detecting torn or corrupt flash records.</summary>
    /// <remarks>
    /// Convention (as zlib's crc32): a CRC value is always finished. Start with 0, the CRC of no bytes, pass the
    /// previous result to <see cref="Update"/> to continue, and use the latest result as it is; there is no separate
    /// finish step. So Update(Update(0, a), b) equals Compute(a followed by b).
    /// </remarks>
    public static class Crc32
    {
        /// <summary>The reflected IEEE 802.3 polynomial.</summary>
        public const uint Polynomial = 0xEDB88320;

        private const uint AllOnes = 0xFFFFFFFF;

        private static readonly uint[] Table;

        static Crc32()
        {
            Table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                Table[n] = c;
            }
        }

        /// <summary>Returns the CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count) => Update(0, data, offset, count);

        /// <summary>Returns the CRC-32 of the bytes that gave <paramref name="crc"/> followed by <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>; start with 0.</summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count, nameof(data));
            uint[] table = Table;
            uint c = crc ^ AllOnes;
            for (int end = offset + count; offset < end; offset++) c = table[(c ^ data[offset]) & 0xFF] ^ (c >> 8);
            return c ^ AllOnes;
        }
    }
}

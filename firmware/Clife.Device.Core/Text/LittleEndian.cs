namespace Clife.Device.Text
{
    /// <summary>Reads and writes little-endian integers in byte arrays without allocating (BitConverter allocates and follows the CPU).</summary>
    internal static class LittleEndian
    {
        /// <summary>Writes the low 16 bits of <paramref name="value"/> as 2 little-endian bytes.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Reads 2 little-endian bytes as an unsigned value.</summary>
        public static int ReadUInt16(byte[] buffer, int offset) => buffer[offset] | (buffer[offset + 1] << 8);

        /// <summary>Writes <paramref name="value"/> as 4 little-endian bytes at <paramref name="offset"/>.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads 4 little-endian bytes at <paramref name="offset"/>.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset) =>
            (uint)(buffer[offset] | buffer[offset + 1] << 8 | buffer[offset + 2] << 16 | buffer[offset + 3] << 24);

        /// <summary>Writes <paramref name="value"/> as 8 little-endian bytes at <paramref name="offset"/>.</summary>
        public static void WriteUInt64(byte[] buffer, int offset, ulong value)
        {
            WriteUInt32(buffer, offset, (uint)value);
            WriteUInt32(buffer, offset + 4, (uint)(value >> 32));
        }

        /// <summary>Reads 8 little-endian bytes at <paramref name="offset"/>.</summary>
        public static ulong ReadUInt64(byte[] buffer, int offset) =>
            ReadUInt32(buffer, offset) | (ulong)ReadUInt32(buffer, offset + 4) << 32;
    }
}

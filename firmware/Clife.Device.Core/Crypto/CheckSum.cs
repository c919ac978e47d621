namespace Clife.Device.Crypto
{
    /// <summary>The protocol's file checkSum: the sum of all bytes of a file modulo 2^32, computed as the file streams in.</summary>
    public sealed class CheckSum
    {
        private uint _value;

        /// <summary>The sum of all bytes given since the last reset, modulo 2^32.</summary>
        public uint Value => _value;

        /// <summary>Starts a new sum at 0.</summary>
        public void Reset() => _value = 0;

        /// <summary>Continues from a sum saved earlier (a resumed download).</summary>
        public void Restore(uint value) => _value = value;

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> to the sum.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count, nameof(data));
            _value = Add(_value, data, offset, count);
        }

        /// <summary>Returns the checkSum of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count, nameof(data));
            return Add(0, data, offset, count);
        }

        private static uint Add(uint sum, byte[] data, int offset, int count)
        {
            int end = offset + count;
            // Eight bytes per iteration: their int sum (at most 8 * 255) cannot overflow.
            for (int stop = end - 7; offset < stop; offset += 8)
            {
                sum += (uint)(data[offset] + data[offset + 1] + data[offset + 2] + data[offset + 3]
                            + data[offset + 4] + data[offset + 5] + data[offset + 6] + data[offset + 7]);
            }
            for (; offset < end; offset++) sum += data[offset];
            return sum;
        }
    }
}

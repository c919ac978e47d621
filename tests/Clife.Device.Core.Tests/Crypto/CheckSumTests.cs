using System;
using Clife.Device.Crypto;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>The protocol's checkSum: the sum of all bytes modulo 2^32, one-shot and streamed.</summary>
    public sealed class CheckSumTests
    {
        public void CheckSum_of_nothing_is_zero()
        {
            Check.Equal(0L, CheckSum.Compute(new byte[0], 0, 0));
            Check.Equal(0L, new CheckSum().Value, "new instance");
        }

        public void CheckSum_adds_the_byte_values()
        {
            byte[] data = { 1, 2, 3, 255 };
            Check.Equal(261L, CheckSum.Compute(data, 0, data.Length));
        }

        public void CheckSum_of_every_byte_value_is_32640()
        {
            byte[] data = new byte[256];
            for (int i = 0; i < 256; i++) data[i] = (byte)i;
            Check.Equal(32640L, CheckSum.Compute(data, 0, data.Length));
        }

        public void CheckSum_counts_every_byte_for_lengths_0_to_40()
        {
            // Covers the eight-byte loop and every length of the tail after it.
            byte[] data = TestData.Filled(41, 0xFF);
            for (int length = 0; length <= 40; length++)
            {
                Check.Equal(255L * length, CheckSum.Compute(data, 1, length), "length " + length.ToString());
            }
        }

        public void CheckSum_streamed_in_every_chunk_size_equals_the_sum()
        {
            byte[] data = new byte[256];
            for (int i = 0; i < 256; i++) data[i] = (byte)i;
            CheckSum sum = new CheckSum();
            for (int chunk = 1; chunk <= data.Length; chunk++)
            {
                sum.Reset();
                for (int offset = 0; offset < data.Length; offset += chunk)
                {
                    sum.Update(data, offset, data.Length - offset < chunk ? data.Length - offset : chunk);
                }
                Check.Equal(32640L, sum.Value, "chunks of " + chunk.ToString());
            }
        }

        public void CheckSum_of_a_range_ignores_the_bytes_around_it()
        {
            byte[] data = { 100, 1, 2, 100 };
            Check.Equal(3L, CheckSum.Compute(data, 1, 2));
        }

        public void CheckSum_reset_starts_again_at_zero()
        {
            CheckSum sum = new CheckSum();
            byte[] data = { 9, 9 };
            sum.Update(data, 0, 2);
            sum.Reset();
            sum.Update(data, 0, 1);
            Check.Equal(9L, sum.Value);
        }

        public void CheckSum_rejects_ranges_outside_the_array()
        {
            Check.Throws(typeof(ArgumentOutOfRangeException), () => CheckSum.Compute(new byte[4], 3, 2));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => new CheckSum().Update(new byte[4], -1, 2));
            Check.Throws(typeof(ArgumentNullException), () => CheckSum.Compute(null!, 0, 0));
        }
    }
}

using System;
using Clife.Device.Crypto;
using CsCheck;
using Xunit;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>CheckSum agrees with a plain 64-bit byte sum reduced modulo 2^32, for random data, chunking and wrap-around.</summary>
    public sealed class CheckSumAgainstReferenceTests
    {
        [Fact]
        public void CheckSum_equals_the_reference_sum_for_random_data_in_random_chunks()
        {
            Gen.Select(Gen.Byte.Array[0, 5000], Gen.Int[1, 200].Array[1, 5]).Sample((data, chunks) =>
            {
                CheckSum sum = new();
                for (int offset = 0, k = 0; offset < data.Length; k++)
                {
                    int n = Math.Min(chunks[k % chunks.Length], data.Length - offset);
                    sum.Update(data, offset, n);
                    offset += n;
                }
                Assert.Equal(ReferenceSum(data), sum.Value);
                Assert.Equal(ReferenceSum(data), CheckSum.Compute(data, 0, data.Length));
            });
        }

        [Fact]
        public void CheckSum_wraps_modulo_2_pow_32_after_16_MiB_of_0xFF()
        {
            const int BufferSize = 1 << 16;
            const int Repeats = 258; // 255 * 65536 * 258 > 2^32
            byte[] buffer = new byte[BufferSize];
            Array.Fill(buffer, (byte)0xFF);
            CheckSum sum = new();
            for (int i = 0; i < Repeats; i++) sum.Update(buffer, 0, buffer.Length);
            Assert.Equal((uint)(255UL * BufferSize * Repeats % (1UL << 32)), sum.Value);
        }

        private static uint ReferenceSum(byte[] data)
        {
            ulong total = 0;
            foreach (byte b in data) total += b;
            return (uint)(total % (1UL << 32));
        }
    }
}

using System;
using System.Security.Cryptography;
using Clife.Device.Crypto;
using CsCheck;
using Xunit;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>Our streaming MD5 gives .NET's digest for random data of any size, in any chunking, and across a save/restore.</summary>
    public sealed class Md5AgainstDotNetTests
    {
        private static readonly Gen<int> Lengths = Gen.OneOf(Gen.Int[0, 300], Gen.Int[0, 70_000], Gen.Int[1 << 20, 3 << 20]);
        private static readonly Gen<int[]> ChunkSizes = Gen.OneOf(Gen.Int[1, 130], Gen.Int[1, 1 << 17]).Array[1, 6];

        [Fact]
        public void Md5_equals_dotnet_md5_for_random_data_in_random_chunk_sizes()
        {
            Gen.Select(Lengths, Gen.Int, ChunkSizes).Sample((length, seed, chunks) =>
            {
                byte[] data = RandomBytes(length, seed);
                Md5 md5 = new();
                Feed(md5, data, 0, data.Length, chunks);
                Assert.Equal(Convert.ToHexString(MD5.HashData(data)), Convert.ToHexString(Final(md5)));
            }, iter: 150);
        }

        [Fact]
        public void Md5_of_more_than_a_mebibyte_in_odd_chunks_equals_dotnet_md5()
        {
            byte[] data = RandomBytes((1 << 20) + 37, 1);
            Md5 md5 = new();
            Feed(md5, data, 0, data.Length, new[] { 1, 63, 65, 4093, 64 * 1024 });
            Assert.Equal(MD5.HashData(data), Final(md5));
            Assert.Equal(MD5.HashData(data), Md5.Hash(data, 0, data.Length));
        }

        [Fact]
        public void Md5_saved_and_restored_at_a_random_offset_equals_dotnet_md5()
        {
            Gen.Select(Lengths, Gen.Int, Gen.Double[0, 1], ChunkSizes).Sample((length, seed, at, chunks) =>
            {
                byte[] data = RandomBytes(length, seed);
                int split = (int)(at * length);
                Md5 before = new();
                Feed(before, data, 0, split, chunks);
                byte[] state = new byte[Md5.StateSize];
                before.SaveState(state, 0);

                Md5 after = new();
                after.RestoreState(state, 0);
                Assert.Equal(split, after.Length);
                Feed(after, data, split, length - split, chunks);
                Assert.Equal(MD5.HashData(data), Final(after));
            }, iter: 60);
        }

        private static void Feed(Md5 md5, byte[] data, int offset, int count, int[] chunks)
        {
            int end = offset + count;
            for (int k = 0; offset < end; k++)
            {
                int n = Math.Min(chunks[k % chunks.Length], end - offset);
                md5.Update(data, offset, n);
                offset += n;
            }
        }

        private static byte[] Final(Md5 md5)
        {
            byte[] hash = new byte[Md5.HashSize];
            md5.Final(hash, 0);
            return hash;
        }

        private static byte[] RandomBytes(int length, int seed)
        {
            byte[] data = new byte[length];
            new Random(seed).NextBytes(data);
            return data;
        }
    }
}

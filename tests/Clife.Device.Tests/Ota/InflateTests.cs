using System;
using System.IO;
using System.IO.Compression;
using Clife.Device.Hal;
using Clife.Device.Host.Flash;
using Clife.Device.Ota;
using CsCheck;
using Xunit;

namespace Clife.Device.Tests.Ota
{
    /// <summary>The core's inflate decodes what .NET's DeflateStream writes, and rejects every damaged stream cleanly.</summary>
    public sealed class InflateTests
    {
        private static byte[] Deflate(byte[] data, CompressionLevel level)
        {
            var ms = new MemoryStream();
            using (var d = new DeflateStream(ms, level, true)) d.Write(data);
            return ms.ToArray();
        }

        private static IFlashArea InFlash(byte[] data) => new ReadOnlyArea(data);

        private static byte[] Inflated(byte[] compressed, int length)
        {
            byte[] output = new byte[length];
            new Inflate().Decompress(InFlash(compressed), 0, compressed.Length, output);
            return output;
        }

        [Theory]
        [InlineData(CompressionLevel.Optimal)]
        [InlineData(CompressionLevel.Fastest)]
        [InlineData(CompressionLevel.SmallestSize)]
        [InlineData(CompressionLevel.NoCompression)]
        public void Inflates_what_DeflateStream_writes_for_random_and_repetitive_data(CompressionLevel level)
        {
            Gen.Select(Gen.Int[0, 70_000], Gen.Int[0, 3], Gen.Int).Sample((length, kind, seed) =>
            {
                var random = new Random(seed);
                byte[] data = new byte[length];
                switch (kind)
                {
                    case 0: random.NextBytes(data); break;                                   // incompressible: stored blocks
                    case 1: for (int i = 0; i < length; i++) data[i] = (byte)(i % 7); break; // long matches
                    case 2: for (int i = 0; i < length; i++) data[i] = (byte)"the device registers "[random.Next(21)]; break;
                    default: for (int i = 0; i < length; i++) data[i] = (byte)(random.Next(4) == 0 ? random.Next(256) : i / 100); break;
                }
                Assert.Equal(data, Inflated(Deflate(data, level), length));
            }, iter: 60);
        }

        [Fact]
        public void Inflates_a_real_assembly()
        {
            byte[] dll = File.ReadAllBytes(typeof(Inflate).Assembly.Location);
            Assert.Equal(dll, Inflated(Deflate(dll, CompressionLevel.SmallestSize), dll.Length));
        }

        [Fact]
        public void Wrong_expected_length_is_an_error_both_ways()
        {
            byte[] data = new byte[5000];
            new Random(3).NextBytes(data);
            byte[] compressed = Deflate(data, CompressionLevel.Optimal);
            Assert.Contains("expected", Assert.Throws<BundleException>(() => Inflated(compressed, 4999)).Message);
            Assert.Contains("expected", Assert.Throws<BundleException>(() => Inflated(compressed, 5001)).Message);
        }

        [Fact]
        public void Damaged_streams_only_ever_raise_a_bundle_exception()
        {
            byte[] data = new byte[20_000];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 % 251 + (i / 1000));
            byte[] good = Deflate(data, CompressionLevel.Optimal);
            var random = new Random(11);
            int rejected = 0;
            for (int round = 0; round < 3000; round++)
            {
                byte[] bad = (byte[])good.Clone();
                int flips = 1 + random.Next(4);
                for (int i = 0; i < flips; i++) bad[random.Next(bad.Length)] ^= (byte)(1 << random.Next(8));
                int cut = random.Next(4) == 0 ? random.Next(bad.Length) : bad.Length;
                try
                {
                    byte[] output = Inflated(bad.AsSpan(0, cut).ToArray(), data.Length);
                    // A flip can survive decoding (e.g. in a literal); then the bytes differ, which the CRC catches.
                }
                catch (BundleException e)
                {
                    Assert.StartsWith("compressed assembly is corrupt: ", e.Message);
                    rejected++;
                }
            }
            Assert.True(rejected > 1000, "most damaged streams must be rejected, were " + rejected);
        }
    }
}

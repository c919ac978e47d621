using System;
using System.Text;
using Clife.Device.Text;
using CsCheck;
using Xunit;

namespace Clife.Device.Tests.Json
{
    /// <summary>Our UTF-8 codec against .NET's strict UTF8Encoding on random strings and random byte sequences.</summary>
    public sealed class Utf8DifferentialTests
    {
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>Bytes biased towards UTF-8 structure: ASCII, lead bytes of every length, continuation bytes, and the invalid ones.</summary>
        private static readonly Gen<byte[]> Bytes = JsonGen.ArrayOf(Gen.Frequency(
            (3, Gen.Byte[0x00, 0x7F]),
            (3, Gen.Byte[0x80, 0xBF]),
            (2, Gen.Byte[0xC0, 0xDF]),
            (2, Gen.Byte[0xE0, 0xEF]),
            (2, Gen.Byte[0xF0, 0xF7]),
            (1, Gen.Byte[0xF8, 0xFF]),
            (1, Gen.OneOf<byte>(0xE0, 0xED, 0xF0, 0xF4, 0xA0, 0x9F, 0x90, 0x8F))), 0, 12);

        [Fact]
        public void Encoding_random_strings_matches_dotnet_including_lone_surrogates()
        {
            Gen.String.Sample(s =>
            {
                byte[] expected = Encoding.UTF8.GetBytes(s); // .NET also writes U+FFFD for each lone surrogate
                Assert.Equal(expected, Utf8.GetBytes(s));
                Assert.Equal(expected.Length, Utf8.GetByteCount(s));
            }, iter: 20000, seed: "0N0XIzNsQ0O2");
        }

        [Fact]
        public void Decoding_random_bytes_accepts_and_rejects_exactly_what_dotnet_does()
        {
            Bytes.Sample(bytes =>
            {
                string? expected;
                try
                {
                    expected = Strict.GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    expected = null;
                }
                Assert.Equal(expected != null, Utf8.IsValid(bytes));
                if (expected != null)
                {
                    Assert.Equal(expected, Utf8.GetString(bytes, 0, bytes.Length));
                }
                else
                {
                    var e = Assert.Throws<CodecException>(() => Utf8.GetString(bytes, 0, bytes.Length));
                    Assert.InRange(e.Offset, 0, bytes.Length - 1);
                    // The reported byte belongs to the first bad sequence: the text is valid up to a lead byte at most
                    // 3 bytes before it, and no longer valid once the reported byte is included.
                    bool validBefore = false;
                    for (int p = Math.Max(0, e.Offset - 3); p <= e.Offset; p++) validBefore |= IsPrefixValid(bytes, p);
                    Assert.True(validBefore, $"valid up to the sequence at {e.Offset}: {Convert.ToHexString(bytes)}");
                    Assert.False(IsPrefixValid(bytes, e.Offset + 1), $"invalid with byte {e.Offset}: {Convert.ToHexString(bytes)}");
                }
            }, iter: 50000, seed: "0N0XIzNsQ0O2");
        }

        private static bool IsPrefixValid(byte[] bytes, int count)
        {
            try
            {
                Strict.GetString(bytes, 0, count);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }
}

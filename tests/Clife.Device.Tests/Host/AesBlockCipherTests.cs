using System;
using Clife.Device.Crypto;
using Clife.Device.Host.Crypto;
using Xunit;

namespace Clife.Device.Tests.Host
{
    /// <summary>The .NET HAL block cipher against FIPS-197 Appendix C, in place, and its key checks.</summary>
    public sealed class AesBlockCipherTests
    {
        private const string Plaintext = "00112233445566778899aabbccddeeff";

        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a")] // C.1 AES-128
        [InlineData("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191")] // C.2 AES-192
        [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089")] // C.3 AES-256
        public void AesBlockCipher_matches_the_fips197_appendix_c_examples(string key, string ciphertext)
        {
            using var aes = new AesBlockCipher(Convert.FromHexString(key));
            byte[] input = Convert.FromHexString(Plaintext);
            byte[] output = new byte[20];
            aes.EncryptBlock(input, 0, output, 2);
            Assert.Equal(ciphertext, Convert.ToHexString(output, 2, 16).ToLowerInvariant());
            Assert.Equal(0, output[0] | output[1] | output[18] | output[19]);

            byte[] back = new byte[16];
            aes.DecryptBlock(output, 2, back, 0);
            Assert.Equal(Plaintext, Convert.ToHexString(back).ToLowerInvariant());
        }

        [Fact]
        public void AesBlockCipher_works_in_place_and_keeps_no_state_between_blocks()
        {
            using var aes = new AesBlockCipher(Convert.FromHexString("000102030405060708090a0b0c0d0e0f"));
            byte[] buffer = Convert.FromHexString(Plaintext + Plaintext);
            aes.EncryptBlock(buffer, 0, buffer, 0);
            aes.EncryptBlock(buffer, 16, buffer, 16);
            Assert.Equal("69c4e0d86a7b0430d8cdb78070b4c55a69c4e0d86a7b0430d8cdb78070b4c55a", Convert.ToHexString(buffer).ToLowerInvariant());
            aes.DecryptBlock(buffer, 16, buffer, 16);
            aes.DecryptBlock(buffer, 0, buffer, 0);
            Assert.Equal(Plaintext + Plaintext, Convert.ToHexString(buffer).ToLowerInvariant());
        }

        [Fact]
        public void AesBlockCipher_copies_the_key()
        {
            byte[] key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
            using var aes = new AesBlockCipher(key);
            key[0] ^= 0xFF;
            byte[] output = new byte[16];
            aes.EncryptBlock(Convert.FromHexString(Plaintext), 0, output, 0);
            Assert.Equal("69c4e0d86a7b0430d8cdb78070b4c55a", Convert.ToHexString(output).ToLowerInvariant());
        }

        [Fact]
        public void AesBlockCipher_rejects_keys_that_are_not_aes_sizes()
        {
            var e = Assert.Throws<ArgumentException>(() => new AesBlockCipher(new byte[15]));
            Assert.Contains("16, 24 or 32 bytes", e.Message);
        }

        [Fact]
        public void The_factory_makes_a_cipher_for_the_given_key()
        {
            IBlockCipher cipher = new AesBlockCipherFactory().Create(Convert.FromHexString("000102030405060708090a0b0c0d0e0f"));
            byte[] output = new byte[16];
            cipher.EncryptBlock(Convert.FromHexString(Plaintext), 0, output, 0);
            Assert.Equal(16, cipher.BlockSize);
            Assert.Equal("69c4e0d86a7b0430d8cdb78070b4c55a", Convert.ToHexString(output).ToLowerInvariant());
        }
    }
}

using System;
using System.Security.Cryptography;
using Clife.Device.Crypto;
using Clife.Device.Host.Crypto;
using CsCheck;
using Xunit;
using CipherMode = Clife.Device.Crypto.CipherMode;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>PayloadCipher over AES is interchangeable with .NET's own AES-ECB/CBC with PKCS7, in both directions.</summary>
    public sealed class PayloadCipherAgainstDotNetTests
    {
        private static readonly Gen<(int KeySize, int Seed, int Length, bool Cbc)> Cases =
            Gen.Select(Gen.OneOf(16, 24, 32), Gen.Int, Gen.OneOf(Gen.Int[0, 64], Gen.Int[0, 5000]), Gen.Bool);

        [Fact]
        public void Our_ciphertext_equals_dotnet_ciphertext_and_dotnet_decrypts_it()
        {
            Cases.Sample((keySize, seed, length, cbc) =>
            {
                var (key, iv, plain) = Inputs(keySize, seed, length);
                using var ours = new AesBlockCipher(key);
                using var aes = Aes.Create();
                aes.Key = key;

                byte[] encrypted = PayloadCipher.Encrypt(ours, cbc ? CipherMode.Cbc : CipherMode.Ecb, iv, plain, 0, plain.Length);

                byte[] expected = cbc ? aes.EncryptCbc(plain, iv, PaddingMode.PKCS7) : aes.EncryptEcb(plain, PaddingMode.PKCS7);
                Assert.Equal(expected, encrypted);
                byte[] decrypted = cbc ? aes.DecryptCbc(encrypted, iv, PaddingMode.PKCS7) : aes.DecryptEcb(encrypted, PaddingMode.PKCS7);
                Assert.Equal(plain, decrypted);
            });
        }

        [Fact]
        public void We_decrypt_what_dotnet_encrypts()
        {
            Cases.Sample((keySize, seed, length, cbc) =>
            {
                var (key, iv, plain) = Inputs(keySize, seed, length);
                using var ours = new AesBlockCipher(key);
                using var aes = Aes.Create();
                aes.Key = key;
                byte[] encrypted = cbc ? aes.EncryptCbc(plain, iv, PaddingMode.PKCS7) : aes.EncryptEcb(plain, PaddingMode.PKCS7);

                byte[] decrypted = PayloadCipher.Decrypt(ours, cbc ? CipherMode.Cbc : CipherMode.Ecb, iv, encrypted, 0, encrypted.Length);
                Assert.Equal(plain, decrypted);

                // The allocation-free form, in place in a larger buffer.
                byte[] buffer = new byte[encrypted.Length + 7];
                encrypted.CopyTo(buffer, 3);
                int n = PayloadCipher.Decrypt(ours, cbc ? CipherMode.Cbc : CipherMode.Ecb, iv, buffer, 3, encrypted.Length, buffer, 3);
                Assert.Equal(plain, buffer.AsSpan(3, n).ToArray());
            });
        }

        [Fact]
        public void A_payload_encrypted_with_a_16_character_devKey_decrypts_with_dotnet_using_its_ascii_bytes()
        {
            const string devKey = "clife-devkey-016";
            byte[] json = "{\"productCode\":\"P1\",\"mac\":\"a0b1c2d3e4f5\"}"u8.ToArray();
            using var ours = new AesBlockCipherFactory().Create(DevKey.ToKey(devKey)) as AesBlockCipher;
            byte[] encrypted = PayloadCipher.Encrypt(ours!, CipherMode.Ecb, null, json, 0, json.Length);

            using var aes = Aes.Create();
            aes.Key = System.Text.Encoding.ASCII.GetBytes(devKey);
            Assert.Equal(json, aes.DecryptEcb(encrypted, PaddingMode.PKCS7));
        }

        private static (byte[] Key, byte[] Iv, byte[] Plain) Inputs(int keySize, int seed, int length)
        {
            var random = new Random(seed);
            byte[] key = new byte[keySize];
            byte[] iv = new byte[16];
            byte[] plain = new byte[length];
            random.NextBytes(key);
            random.NextBytes(iv);
            random.NextBytes(plain);
            return (key, iv, plain);
        }
    }
}

using System;
using System.Security.Cryptography;
using Clife.Device.Crypto;

namespace Clife.Device.Host.Crypto
{
    /// <summary>The HAL block cipher on .NET: one AES block at a time (ECB, no padding) over System.Security.Cryptography.Aes.</summary>
    /// <remarks>
    /// Uses an encryptor and a decryptor created once. The span one-shots (Aes.EncryptEcb/DecryptEcb) would be
    /// simpler, but on Linux they allocate a native context per call (64 bytes per block, measured on .NET 10); ECB
    /// transforms without padding keep no state between blocks and allocate nothing. Not thread-safe.
    /// </remarks>
    public sealed class AesBlockCipher : IBlockCipher, IDisposable
    {
        private const int AesBlockSize = 16;

        private readonly Aes _aes;
        private readonly ICryptoTransform _encryptor;
        private readonly ICryptoTransform _decryptor;

        /// <summary>Creates the cipher for a 16-, 24- or 32-byte AES key; the key is copied.</summary>
        public AesBlockCipher(byte[] key)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (key.Length != 16 && key.Length != 24 && key.Length != 32)
                throw new ArgumentException("an AES key has 16, 24 or 32 bytes; this one has " + key.Length, nameof(key));
            _aes = Aes.Create();
            _aes.Mode = System.Security.Cryptography.CipherMode.ECB;
            _aes.Padding = PaddingMode.None;
            _aes.Key = key;
            _encryptor = _aes.CreateEncryptor();
            _decryptor = _aes.CreateDecryptor();
        }

        /// <inheritdoc />
        public int BlockSize => AesBlockSize;

        /// <inheritdoc />
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset) =>
            _encryptor.TransformBlock(input, inputOffset, AesBlockSize, output, outputOffset);

        /// <inheritdoc />
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset) =>
            _decryptor.TransformBlock(input, inputOffset, AesBlockSize, output, outputOffset);

        /// <summary>Releases the native AES contexts.</summary>
        public void Dispose()
        {
            _encryptor.Dispose();
            _decryptor.Dispose();
            _aes.Dispose();
        }
    }
}

using System;
using Clife.Device.Crypto;
using System.Security.Cryptography;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// One AES block at a time on nanoFramework's native Aes in ECB mode (mbedTLS underneath). Chaining and padding are
    /// the core's (<see cref="PayloadCipher"/>). The native Encrypt/Decrypt return a new array per call; payloads are
    /// small frames, so that is a few short-lived 16-byte arrays per frame.
    /// </summary>
    public sealed class EspAesCipher : IBlockCipher
    {
        private const int Block = 16;
        private readonly Aes _aes;
        private readonly byte[] _block = new byte[Block];

        /// <summary>A cipher keyed with a copy of <paramref name="key"/> (16, 24 or 32 bytes).</summary>
        public EspAesCipher(byte[] key)
        {
            byte[] copy = new byte[key.Length];
            Array.Copy(key, copy, key.Length);
            _aes = new Aes(System.Security.Cryptography.CipherMode.ECB);
            _aes.Key = copy;
        }

        /// <inheritdoc/>
        public int BlockSize => Block;

        /// <inheritdoc/>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            Array.Copy(input, inputOffset, _block, 0, Block);
            Array.Copy(_aes.Encrypt(_block), 0, output, outputOffset, Block);
        }

        /// <inheritdoc/>
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            Array.Copy(input, inputOffset, _block, 0, Block);
            Array.Copy(_aes.Decrypt(_block), 0, output, outputOffset, Block);
        }
    }
}

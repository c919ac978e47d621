using System;
using Clife.Device.Crypto;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>
    /// A keyed, invertible permutation of 16-byte blocks for testing the cipher modes without AES. NOT a real cipher:
    /// four rounds of key XOR, a chained byte addition that spreads every byte over the block, and a bit rotation.
    /// Every output byte depends on every input and key byte, so a wrong key gives unrelated output.
    /// </summary>
    public sealed class TestBlockCipher : IBlockCipher
    {
        private const int Size = 16;
        private const int Rounds = 4;
        private readonly byte[] _key;

        /// <summary>Creates the permutation for a 16-byte key (copied).</summary>
        public TestBlockCipher(byte[] key)
        {
            if (key.Length != Size) throw new ArgumentException("test cipher keys have 16 bytes");
            _key = new byte[Size];
            Array.Copy(key, _key, Size);
        }

        /// <summary>A cipher whose key bytes are seed, seed+1, ... seed+15.</summary>
        public static TestBlockCipher WithKey(int seed)
        {
            byte[] key = new byte[Size];
            for (int i = 0; i < Size; i++) key[i] = (byte)(seed + i);
            return new TestBlockCipher(key);
        }

        /// <summary>Number of EncryptBlock plus DecryptBlock calls so far.</summary>
        public int Calls { get; private set; }

        /// <summary>Always 16.</summary>
        public int BlockSize => Size;

        /// <summary>Permutes one block; in place when input and output are the same.</summary>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            Calls++;
            Array.Copy(input, inputOffset, output, outputOffset, Size);
            int o = outputOffset;
            for (int r = 0; r < Rounds; r++)
            {
                for (int i = 0; i < Size; i++) output[o + i] ^= (byte)(_key[(i + 5 * r) & 15] + r);
                output[o] += output[o + Size - 1];
                for (int i = 1; i < Size; i++) output[o + i] += output[o + i - 1];
                for (int i = 0; i < Size; i++) output[o + i] = (byte)(output[o + i] << 3 | output[o + i] >> 5);
            }
        }

        /// <summary>Inverts <see cref="EncryptBlock"/>; in place when input and output are the same.</summary>
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            Calls++;
            Array.Copy(input, inputOffset, output, outputOffset, Size);
            int o = outputOffset;
            for (int r = Rounds - 1; r >= 0; r--)
            {
                for (int i = 0; i < Size; i++) output[o + i] = (byte)(output[o + i] >> 3 | output[o + i] << 5);
                for (int i = Size - 1; i >= 1; i--) output[o + i] -= output[o + i - 1];
                output[o] -= output[o + Size - 1];
                for (int i = 0; i < Size; i++) output[o + i] ^= (byte)(_key[(i + 5 * r) & 15] + r);
            }
        }
    }
}

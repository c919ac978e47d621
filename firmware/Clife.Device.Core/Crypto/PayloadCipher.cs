using System;
using Clife.Device.Text;

namespace Clife.Device.Crypto
{
    /// <summary>Encrypts and decrypts the protocol's HTTP <c>data</c> payloads: ECB or CBC with PKCS7 padding over the HAL's block cipher.</summary>
    /// <remarks>
    /// The allocation-free overloads write into the caller's buffer. Input and output may be the same array at the
    /// same offset (in place); any other overlap is rejected. Decryption handles the last block first, so bad
    /// padding is found before the rest is written, and that block's output is cleared before the error is thrown.
    /// In place, a failed decryption leaves the ciphertext's last block cleared.
    /// </remarks>
    public static class PayloadCipher
    {
        /// <summary>The block size the payload format is defined for (AES).</summary>
        public const int BlockSize = 16;

        /// <summary>Returns the ciphertext length of <paramref name="plainLength"/> bytes: rounded up to whole blocks, plus a block when already whole.</summary>
        public static int PaddedLength(int plainLength)
        {
            if (plainLength < 0) throw new ArgumentOutOfRangeException(nameof(plainLength), "plaintext length must not be negative");
            return (plainLength / BlockSize + 1) * BlockSize;
        }

        /// <summary>Encrypts <paramref name="count"/> bytes of <paramref name="input"/> into <paramref name="output"/> (room for <see cref="PaddedLength"/> bytes) and returns the ciphertext length.</summary>
        /// <param name="cipher">The keyed block cipher.</param>
        /// <param name="mode">ECB or CBC.</param>
        /// <param name="iv">The 16-byte IV for CBC; ignored (may be null) for ECB.</param>
        /// <param name="input">Holds the plaintext.</param>
        /// <param name="offset">Where the plaintext starts.</param>
        /// <param name="count">Plaintext length in bytes.</param>
        /// <param name="output">Receives the ciphertext; may be <paramref name="input"/> when <paramref name="outputOffset"/> equals <paramref name="offset"/>.</param>
        /// <param name="outputOffset">Where the ciphertext starts.</param>
        public static int Encrypt(IBlockCipher cipher, CipherMode mode, byte[]? iv,
                                  byte[] input, int offset, int count, byte[] output, int outputOffset)
        {
            bool cbc = CheckSetup(cipher, mode, iv);
            ByteRange.Check(input, offset, count, nameof(input));
            int length = PaddedLength(count);
            ByteRange.Check(output, outputOffset, length, nameof(output));
            CheckOverlap(input, offset, count, output, outputOffset, length);

            byte[] previous = iv!;
            int previousOffset = 0;
            int whole = count / BlockSize;
            for (int block = 0; block < whole; block++)
            {
                int i = offset + block * BlockSize;
                int o = outputOffset + block * BlockSize;
                if (cbc)
                {
                    Xor(input, i, previous, previousOffset, output, o);
                    cipher.EncryptBlock(output, o, output, o);
                    previous = output;
                    previousOffset = o;
                }
                else
                {
                    cipher.EncryptBlock(input, i, output, o);
                }
            }

            // The last block: the rest of the plaintext, then PKCS7 padding (n bytes of value n, 1 <= n <= 16).
            int rest = count - whole * BlockSize;
            int last = outputOffset + whole * BlockSize;
            Array.Copy(input, offset + whole * BlockSize, output, last, rest);
            byte pad = (byte)(BlockSize - rest);
            for (int j = rest; j < BlockSize; j++) output[last + j] = pad;
            if (cbc) Xor(output, last, previous, previousOffset, output, last);
            cipher.EncryptBlock(output, last, output, last);
            return length;
        }

        /// <summary>Encrypts <paramref name="count"/> bytes of <paramref name="input"/> from <paramref name="offset"/> into a new array.</summary>
        public static byte[] Encrypt(IBlockCipher cipher, CipherMode mode, byte[]? iv, byte[] input, int offset, int count)
        {
            ByteRange.Check(input, offset, count, nameof(input));
            byte[] output = new byte[PaddedLength(count)];
            Encrypt(cipher, mode, iv, input, offset, count, output, 0);
            return output;
        }

        /// <summary>Decrypts <paramref name="count"/> bytes of ciphertext into <paramref name="output"/> (room for <paramref name="count"/> bytes), checks and strips the padding, and returns the plaintext length.</summary>
        /// <param name="cipher">The keyed block cipher.</param>
        /// <param name="mode">ECB or CBC.</param>
        /// <param name="iv">The 16-byte IV for CBC; ignored (may be null) for ECB.</param>
        /// <param name="input">Holds the ciphertext.</param>
        /// <param name="offset">Where the ciphertext starts.</param>
        /// <param name="count">Ciphertext length in bytes: a positive multiple of 16.</param>
        /// <param name="output">Receives the plaintext (the padding is written after it); may be <paramref name="input"/> when <paramref name="outputOffset"/> equals <paramref name="offset"/>.</param>
        /// <param name="outputOffset">Where the plaintext starts.</param>
        /// <exception cref="CodecException">The ciphertext length is wrong, or the padding is bad (wrong devKey or corrupt data).</exception>
        public static int Decrypt(IBlockCipher cipher, CipherMode mode, byte[]? iv,
                                  byte[] input, int offset, int count, byte[] output, int outputOffset)
        {
            bool cbc = CheckSetup(cipher, mode, iv);
            ByteRange.Check(input, offset, count, nameof(input));
            if (count == 0) throw new CodecException("decryption failed: the ciphertext is empty");
            if (count % BlockSize != 0)
            {
                throw new CodecException("decryption failed: ciphertext length " + count.ToString()
                    + " is not a multiple of 16 (truncated, or not encrypted with AES)");
            }
            ByteRange.Check(output, outputOffset, count, nameof(output));
            CheckOverlap(input, offset, count, output, outputOffset, count);

            // Back to front: in place, block k's chaining input (ciphertext block k-1) is still intact.
            int blocks = count / BlockSize;
            DecryptBlock(cipher, cbc, iv!, input, offset, output, outputOffset, blocks - 1);
            int last = outputOffset + count - BlockSize;
            int pad = output[last + BlockSize - 1];
            bool padded = pad >= 1 && pad <= BlockSize;
            for (int j = BlockSize - pad; padded && j < BlockSize - 1; j++) padded = output[last + j] == pad;
            if (!padded)
            {
                Array.Clear(output, last, BlockSize);
                throw new CodecException("decryption failed: bad padding (wrong devKey or corrupt data)");
            }
            for (int block = blocks - 2; block >= 0; block--) DecryptBlock(cipher, cbc, iv!, input, offset, output, outputOffset, block);
            return count - pad;
        }

        /// <summary>Decrypts <paramref name="count"/> bytes of ciphertext from <paramref name="offset"/> into a new array holding just the plaintext.</summary>
        /// <exception cref="CodecException">The ciphertext length is wrong, or the padding is bad (wrong devKey or corrupt data).</exception>
        public static byte[] Decrypt(IBlockCipher cipher, CipherMode mode, byte[]? iv, byte[] input, int offset, int count)
        {
            ByteRange.Check(input, offset, count, nameof(input));
            byte[] padded = new byte[count];
            int length = Decrypt(cipher, mode, iv, input, offset, count, padded, 0);
            byte[] plain = new byte[length];
            Array.Copy(padded, 0, plain, 0, length);
            return plain;
        }

        /// <summary>Decrypts block <paramref name="block"/> and, in CBC, removes the chaining with the block before it (or the IV).</summary>
        private static void DecryptBlock(IBlockCipher cipher, bool cbc, byte[] iv,
                                         byte[] input, int offset, byte[] output, int outputOffset, int block)
        {
            int i = offset + block * BlockSize;
            int o = outputOffset + block * BlockSize;
            cipher.DecryptBlock(input, i, output, o);
            if (!cbc) return;
            if (block == 0) Xor(output, o, iv, 0, output, o);
            else Xor(output, o, input, i - BlockSize, output, o);
        }

        /// <summary>Validates the cipher, mode and IV; returns true for CBC.</summary>
        private static bool CheckSetup(IBlockCipher cipher, CipherMode mode, byte[]? iv)
        {
            if (cipher == null) throw new ArgumentNullException(nameof(cipher));
            if (cipher.BlockSize != BlockSize)
                throw new ArgumentException("the block cipher has " + cipher.BlockSize.ToString() + "-byte blocks; payloads need 16-byte blocks (AES)", nameof(cipher));
            if (mode == CipherMode.Ecb) return false;
            if (mode != CipherMode.Cbc)
                throw new ArgumentOutOfRangeException(nameof(mode), "unknown cipher mode " + ((int)mode).ToString() + "; use ECB or CBC");
            if (iv == null || iv.Length != BlockSize)
            {
                throw new ArgumentException("CBC needs a 16-byte IV; the configured IV has "
                    + (iv == null ? "none" : iv.Length.ToString() + " bytes"), nameof(iv));
            }
            return true;
        }

        /// <summary>Rejects input and output ranges of one array that overlap without being the same place.</summary>
        private static void CheckOverlap(byte[] input, int offset, int count, byte[] output, int outputOffset, int outputCount)
        {
            if (input != output || offset == outputOffset) return;
            if (offset < outputOffset + outputCount && outputOffset < offset + count)
                throw new ArgumentException("input and output overlap; use the same offset to work in place, or separate ranges", nameof(output));
        }

        /// <summary>Writes the XOR of a 16-byte block of <paramref name="a"/> and one of <paramref name="b"/> to <paramref name="output"/>; <paramref name="output"/> may be <paramref name="a"/> at the same offset.</summary>
        private static void Xor(byte[] a, int aOffset, byte[] b, int bOffset, byte[] output, int outputOffset)
        {
            for (int j = 0; j < BlockSize; j++) output[outputOffset + j] = (byte)(a[aOffset + j] ^ b[bOffset + j]);
        }
    }
}

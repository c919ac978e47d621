using System;
using Clife.Device.Crypto;
using Clife.Device.Text;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>ECB and CBC with PKCS7 padding over a block cipher, checked against the modes' definitions with a test permutation.</summary>
    public sealed class PayloadCipherTests
    {
        private const int Block = 16;
        private static readonly byte[] Iv = Hex.Decode("000102030405060708090a0b0c0d0e0f");

        public void PaddedLength_rounds_up_to_whole_blocks_and_adds_a_block_when_already_whole()
        {
            int[] plain = { 0, 1, 15, 16, 17, 31, 32, 33 };
            int[] padded = { 16, 16, 16, 32, 32, 32, 48, 48 };
            for (int i = 0; i < plain.Length; i++) Check.Equal(padded[i], PayloadCipher.PaddedLength(plain[i]), "length " + plain[i].ToString());
            Check.Throws(typeof(ArgumentOutOfRangeException), () => PayloadCipher.PaddedLength(-1));
        }

        public void Ecb_round_trips_every_plaintext_length_from_0_to_48() => RoundTripEveryLength(CipherMode.Ecb, null);

        public void Cbc_round_trips_every_plaintext_length_from_0_to_48() => RoundTripEveryLength(CipherMode.Cbc, Iv);

        public void Encrypt_pads_with_pkcs7_bytes_whose_value_is_their_count()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(1);
            for (int length = 0; length <= 32; length++)
            {
                byte[] plain = TestData.Pattern(length, length);
                byte[] encrypted = PayloadCipher.Encrypt(cipher, CipherMode.Ecb, null, plain, 0, length);
                // Undo ECB block by block with the raw permutation, independently of PayloadCipher.Decrypt.
                byte[] raw = new byte[encrypted.Length];
                for (int b = 0; b < encrypted.Length; b += Block) cipher.DecryptBlock(encrypted, b, raw, b);
                int pad = Block - length % Block;
                Check.Equal(length + pad, raw.Length, "ciphertext length for " + length.ToString());
                Check.Bytes(plain, 0, length, raw, 0, length, "plaintext part for " + length.ToString());
                for (int j = length; j < raw.Length; j++) Check.Equal(pad, raw[j], "padding byte " + j.ToString() + " for " + length.ToString());
            }
        }

        public void Ecb_encrypts_each_block_on_its_own()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(2);
            byte[] plain = TestData.Pattern(32, 3);
            Array.Copy(plain, 0, plain, 16, 16);
            byte[] encrypted = PayloadCipher.Encrypt(cipher, CipherMode.Ecb, null, plain, 0, plain.Length);
            byte[] expected = new byte[Block];
            cipher.EncryptBlock(plain, 0, expected, 0);
            Check.Bytes(expected, 0, Block, encrypted, 0, Block, "block 0");
            Check.Bytes(expected, 0, Block, encrypted, Block, Block, "block 1 equals block 0");
        }

        public void Cbc_chains_each_block_with_the_previous_ciphertext_starting_from_the_iv()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(3);
            byte[] plain = TestData.Pattern(20, 4);
            byte[] encrypted = PayloadCipher.Encrypt(cipher, CipherMode.Cbc, Iv, plain, 0, plain.Length);

            // C0 = E(P0 ^ IV); C1 = E((P1 | padding) ^ C0), built by hand from the raw permutation.
            byte[] expected = new byte[32];
            for (int j = 0; j < Block; j++) expected[j] = (byte)(plain[j] ^ Iv[j]);
            cipher.EncryptBlock(expected, 0, expected, 0);
            for (int j = 0; j < Block; j++)
            {
                byte p = j < 4 ? plain[Block + j] : (byte)12;
                expected[Block + j] = (byte)(p ^ expected[j]);
            }
            cipher.EncryptBlock(expected, Block, expected, Block);
            Check.Bytes(expected, encrypted);
        }

        public void Cbc_with_another_iv_gives_another_ciphertext()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(3);
            byte[] plain = TestData.Pattern(20, 4);
            byte[] otherIv = Hex.Decode("100102030405060708090a0b0c0d0e0f");
            byte[] a = PayloadCipher.Encrypt(cipher, CipherMode.Cbc, Iv, plain, 0, plain.Length);
            byte[] b = PayloadCipher.Encrypt(cipher, CipherMode.Cbc, otherIv, plain, 0, plain.Length);
            Check.False(Hex.Encode(a, 0, a.Length) == Hex.Encode(b, 0, b.Length), "ciphertexts must differ");
        }

        public void Decrypt_with_a_wrong_key_is_rejected_as_bad_padding()
        {
            byte[] plain = TestData.Ascii("{\"productCode\":\"P1\",\"mac\":\"a0b1c2\"}");
            byte[] encrypted = PayloadCipher.Encrypt(TestBlockCipher.WithKey(10), CipherMode.Ecb, null, plain, 0, plain.Length);
            Exception e = Check.Throws(typeof(CodecException),
                () => PayloadCipher.Decrypt(TestBlockCipher.WithKey(11), CipherMode.Ecb, null, encrypted, 0, encrypted.Length));
            Check.Equal("decryption failed: bad padding (wrong devKey or corrupt data)", e.Message);
        }

        public void Decrypt_with_wrong_keys_never_returns_the_plaintext_and_mostly_fails()
        {
            byte[] plain = TestData.Pattern(40, 5);
            byte[] encrypted = PayloadCipher.Encrypt(TestBlockCipher.WithKey(20), CipherMode.Cbc, Iv, plain, 0, plain.Length);
            int rejected = 0;
            for (int key = 21; key < 21 + 64; key++)
            {
                try
                {
                    byte[] result = PayloadCipher.Decrypt(TestBlockCipher.WithKey(key), CipherMode.Cbc, Iv, encrypted, 0, encrypted.Length);
                    Check.False(result.Length == plain.Length && Hex.Encode(result, 0, result.Length) == Hex.Encode(plain, 0, plain.Length),
                                "key " + key.ToString() + " must not give the plaintext");
                }
                catch (CodecException)
                {
                    rejected++;
                }
            }
            // Random padding is valid about once in 256 keys; allow a few.
            Check.True(rejected >= 60, "wrong keys rejected: " + rejected.ToString() + " of 64");
        }

        public void Decrypt_rejects_empty_ciphertext()
        {
            Exception e = Check.Throws(typeof(CodecException),
                () => PayloadCipher.Decrypt(TestBlockCipher.WithKey(1), CipherMode.Ecb, null, new byte[16], 0, 0));
            Check.Contains("empty", e.Message);
        }

        public void Decrypt_rejects_a_length_that_is_not_a_multiple_of_16()
        {
            int[] lengths = { 1, 15, 17, 31, 33 };
            for (int i = 0; i < lengths.Length; i++)
            {
                Exception e = Check.Throws(typeof(CodecException),
                    () => PayloadCipher.Decrypt(TestBlockCipher.WithKey(1), CipherMode.Cbc, Iv, new byte[48], 0, lengths[i]));
                Check.Contains("length " + lengths[i].ToString() + " is not a multiple of 16", e.Message);
            }
        }

        public void Decrypt_rejects_each_kind_of_bad_padding()
        {
            // Last plaintext blocks, encrypted with the raw permutation so that only the padding is wrong.
            string[] badLastBlocks =
            {
                "000102030405060708090a0b0c0d0e00", // pad 0
                "000102030405060708090a0b0c0d0e11", // pad 17
                "000102030405060708090a0b0c0d0eff", // pad 255
                "000102030405060708090a0b0c040303", // pad 3, but a byte before it is 4
                "000102030405060708090a0b0c030203", // pad 3, middle byte wrong
                "0f101010101010101010101010101010", // pad 16, first byte wrong
            };
            TestBlockCipher cipher = TestBlockCipher.WithKey(6);
            for (int i = 0; i < badLastBlocks.Length; i++)
            {
                byte[] ciphertext = Hex.Decode(badLastBlocks[i]);
                cipher.EncryptBlock(ciphertext, 0, ciphertext, 0);
                Exception e = Check.Throws(typeof(CodecException),
                    () => PayloadCipher.Decrypt(cipher, CipherMode.Ecb, null, ciphertext, 0, ciphertext.Length));
                Check.Contains("bad padding", e.Message);
            }
        }

        public void Decrypt_accepts_a_full_block_of_padding_and_a_single_padding_byte()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(6);
            byte[] full = Hex.Decode("10101010101010101010101010101010");
            cipher.EncryptBlock(full, 0, full, 0);
            Check.Equal(0L, PayloadCipher.Decrypt(cipher, CipherMode.Ecb, null, full, 0, full.Length).Length, "full padding block");
            byte[] one = Hex.Decode("0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e01");
            cipher.EncryptBlock(one, 0, one, 0);
            byte[] plain = PayloadCipher.Decrypt(cipher, CipherMode.Ecb, null, one, 0, one.Length);
            Check.Bytes(TestData.Filled(15, 0x0E), plain, "one padding byte");
        }

        public void Decrypt_that_fails_leaves_no_decrypted_bytes_in_the_output()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(7);
            byte[] plain = TestData.Pattern(40, 8);
            byte[] encrypted = PayloadCipher.Encrypt(cipher, CipherMode.Cbc, Iv, plain, 0, plain.Length);
            encrypted[encrypted.Length - 1] ^= 0x55;
            byte[] output = TestData.Filled(encrypted.Length, 0xEE);
            Check.Throws(typeof(CodecException),
                () => PayloadCipher.Decrypt(cipher, CipherMode.Cbc, Iv, encrypted, 0, encrypted.Length, output, 0));
            for (int i = 0; i < output.Length; i++)
            {
                Check.True(output[i] == 0xEE || output[i] == 0, "output byte " + i.ToString() + " must be untouched or cleared");
            }
        }

        public void Cbc_requires_a_16_byte_iv()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(1);
            byte[] data = new byte[32];
            Check.Throws(typeof(ArgumentException), () => PayloadCipher.Encrypt(cipher, CipherMode.Cbc, null, data, 0, 3));
            Check.Throws(typeof(ArgumentException), () => PayloadCipher.Encrypt(cipher, CipherMode.Cbc, new byte[15], data, 0, 3));
            Exception e = Check.Throws(typeof(ArgumentException), () => PayloadCipher.Decrypt(cipher, CipherMode.Cbc, new byte[17], data, 0, 16));
            Check.Contains("16-byte IV", e.Message);
            Check.Contains("17 bytes", e.Message);
        }

        public void Ecb_ignores_the_iv()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(1);
            byte[] plain = TestData.Pattern(20, 1);
            byte[] a = PayloadCipher.Encrypt(cipher, CipherMode.Ecb, null, plain, 0, plain.Length);
            byte[] b = PayloadCipher.Encrypt(cipher, CipherMode.Ecb, Iv, plain, 0, plain.Length);
            Check.Bytes(a, b);
        }

        public void Unknown_modes_and_other_block_sizes_are_rejected()
        {
            byte[] data = new byte[32];
            Check.Throws(typeof(ArgumentOutOfRangeException),
                () => PayloadCipher.Encrypt(TestBlockCipher.WithKey(1), (CipherMode)7, Iv, data, 0, 3));
            Check.Throws(typeof(ArgumentException),
                () => PayloadCipher.Encrypt(new EightByteCipher(), CipherMode.Ecb, null, data, 0, 3));
            Check.Throws(typeof(ArgumentNullException),
                () => PayloadCipher.Encrypt(null!, CipherMode.Ecb, null, data, 0, 3));
        }

        public void Encrypt_and_decrypt_in_place_equal_their_copying_forms()
        {
            CipherMode[] modes = { CipherMode.Ecb, CipherMode.Cbc };
            for (int m = 0; m < modes.Length; m++)
            {
                TestBlockCipher cipher = TestBlockCipher.WithKey(9);
                byte[] plain = TestData.Pattern(37, 9);
                byte[] expected = PayloadCipher.Encrypt(cipher, modes[m], Iv, plain, 0, plain.Length);

                byte[] buffer = new byte[4 + PayloadCipher.PaddedLength(plain.Length)];
                Array.Copy(plain, 0, buffer, 4, plain.Length);
                int length = PayloadCipher.Encrypt(cipher, modes[m], Iv, buffer, 4, plain.Length, buffer, 4);
                Check.Bytes(expected, 0, expected.Length, buffer, 4, length, "in-place ciphertext, mode " + m.ToString());

                int plainLength = PayloadCipher.Decrypt(cipher, modes[m], Iv, buffer, 4, length, buffer, 4);
                Check.Bytes(plain, 0, plain.Length, buffer, 4, plainLength, "in-place plaintext, mode " + m.ToString());
            }
        }

        public void Overlapping_input_and_output_at_different_offsets_are_rejected()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(1);
            byte[] buffer = new byte[64];
            Check.Throws(typeof(ArgumentException), () => PayloadCipher.Encrypt(cipher, CipherMode.Ecb, null, buffer, 0, 20, buffer, 16));
            Check.Throws(typeof(ArgumentException), () => PayloadCipher.Decrypt(cipher, CipherMode.Ecb, null, buffer, 16, 32, buffer, 0));
        }

        public void Output_buffers_that_are_too_small_are_argument_errors()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(1);
            byte[] data = new byte[48];
            Check.Throws(typeof(ArgumentOutOfRangeException), () => PayloadCipher.Encrypt(cipher, CipherMode.Ecb, null, data, 0, 16, new byte[31], 0));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => PayloadCipher.Decrypt(cipher, CipherMode.Ecb, null, data, 0, 32, new byte[31], 0));
        }

        public void Encrypt_and_decrypt_call_the_block_cipher_once_per_block()
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(1);
            byte[] plain = TestData.Pattern(33, 1);
            byte[] encrypted = PayloadCipher.Encrypt(cipher, CipherMode.Cbc, Iv, plain, 0, plain.Length);
            Check.Equal(3L, cipher.Calls, "encrypt calls");
            PayloadCipher.Decrypt(cipher, CipherMode.Cbc, Iv, encrypted, 0, encrypted.Length);
            Check.Equal(6L, cipher.Calls, "encrypt plus decrypt calls");
        }

        private static void RoundTripEveryLength(CipherMode mode, byte[]? iv)
        {
            TestBlockCipher cipher = TestBlockCipher.WithKey(42);
            for (int length = 0; length <= 48; length++)
            {
                byte[] plain = TestData.Pattern(length + 3, length);
                byte[] encrypted = PayloadCipher.Encrypt(cipher, mode, iv, plain, 3, length);
                Check.Equal(PayloadCipher.PaddedLength(length), encrypted.Length, "ciphertext length for " + length.ToString());
                byte[] decrypted = PayloadCipher.Decrypt(cipher, mode, iv, encrypted, 0, encrypted.Length);
                Check.Bytes(plain, 3, length, decrypted, 0, decrypted.Length, "round trip of " + length.ToString() + " bytes");
            }
        }

        /// <summary>A block cipher with the wrong block size, to check that it is refused.</summary>
        private sealed class EightByteCipher : IBlockCipher
        {
            public int BlockSize => 8;

            public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset) { }

            public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset) { }
        }
    }
}

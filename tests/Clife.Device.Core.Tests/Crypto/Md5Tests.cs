using System;
using Clife.Device.Crypto;
using Clife.Device.Text;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>MD5 against RFC 1321's test suite and other published digests, in any chunking, and resumed from saved state.</summary>
    public sealed class Md5Tests
    {
        private const string Digits80 = "12345678901234567890123456789012345678901234567890123456789012345678901234567890";
        private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        // RFC 1321, appendix A.5.
        private static readonly string[] RfcInputs =
        {
            "", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz", Alphanumerics, Digits80,
        };

        private static readonly string[] RfcDigests =
        {
            "d41d8cd98f00b204e9800998ecf8427e", "0cc175b9c0f1b6a831c399e269772661", "900150983cd24fb0d6963f7d28e17f72",
            "f96b697d7cb7938d525a2f31aaf161d0", "c3fcd3d76192e4007dfb496cca67e13b", "d174ab98d277d9f5a5611c2c9f419d9f",
            "57edf4a22be3c955ac49da2e2107b67a",
        };

        public void Md5_of_the_empty_string_matches_rfc1321() => CheckRfc(0);

        public void Md5_of_a_matches_rfc1321() => CheckRfc(1);

        public void Md5_of_abc_matches_rfc1321() => CheckRfc(2);

        public void Md5_of_message_digest_matches_rfc1321() => CheckRfc(3);

        public void Md5_of_the_alphabet_matches_rfc1321() => CheckRfc(4);

        public void Md5_of_the_alphanumerics_matches_rfc1321() => CheckRfc(5);

        public void Md5_of_eight_times_1234567890_matches_rfc1321() => CheckRfc(6);

        public void Md5_of_every_rfc1321_input_is_the_same_in_every_chunk_size()
        {
            for (int v = 0; v < RfcInputs.Length; v++)
            {
                byte[] data = TestData.Ascii(RfcInputs[v]);
                for (int chunk = 1; chunk <= data.Length; chunk++)
                {
                    Check.Equal(RfcDigests[v], HashInChunks(data, chunk), "\"" + RfcInputs[v] + "\" in chunks of " + chunk.ToString());
                }
            }
        }

        public void Md5_of_lengths_around_the_padding_boundary_matches_published_digests()
        {
            // Lengths 55 and 56 decide whether the length field fits in the last block; 63..65 straddle a block.
            int[] lengths = { 55, 56, 63, 64, 65, 128 };
            string[] digests =
            {
                "ef1772b6dff9a122358552954ad0df65", "3b0c8ac703f828b04c6c197006d17218", "b06521f39153d618550606be297466d5",
                "014842d480b571495a4a0363793f7367", "c743a45e0d2e6a95cb859adae0248435", "e510683b3f5ffe4093d021808bc6ff70",
            };
            for (int i = 0; i < lengths.Length; i++)
            {
                byte[] data = TestData.Filled(lengths[i], (byte)'a');
                Check.Equal(digests[i], Hex.Encode(Md5.Hash(data, 0, data.Length), 0, Md5.HashSize), lengths[i].ToString() + " x 'a'");
            }
        }

        public void Md5_of_a_million_a_matches_the_published_digest()
        {
            byte[] thousand = TestData.Filled(1000, (byte)'a');
            Md5 md5 = new Md5();
            for (int i = 0; i < 1000; i++) md5.Update(thousand, 0, thousand.Length);
            Check.Equal(1000000L, md5.Length, "bytes hashed");
            Check.Equal("7707d6ae4e027c70eea2a935c2296f21", Final(md5));
        }

        public void Md5_of_a_range_ignores_the_bytes_around_it()
        {
            byte[] data = TestData.Ascii("xxabcyy");
            Check.Equal(RfcDigests[2], Hex.Encode(Md5.Hash(data, 2, 3), 0, Md5.HashSize));
        }

        public void Md5_in_uneven_chunks_over_many_blocks_equals_the_one_shot_hash()
        {
            byte[] data = TestData.Pattern(1000, 7);
            string expected = Hex.Encode(Md5.Hash(data, 0, data.Length), 0, Md5.HashSize);
            int[] chunks = { 1, 3, 63, 64, 65, 127, 128, 129, 500 };
            for (int i = 0; i < chunks.Length; i++) Check.Equal(expected, HashInChunks(data, chunks[i]), "chunks of " + chunks[i].ToString());
        }

        public void Md5_final_writes_16_bytes_at_the_offset_and_nothing_else()
        {
            Md5 md5 = new Md5();
            byte[] abc = TestData.Ascii("abc");
            md5.Update(abc, 0, abc.Length);
            byte[] output = TestData.Filled(20, 0xEE);
            md5.Final(output, 2);
            Check.Equal(0xEEL, output[0], "byte before");
            Check.Equal(0xEEL, output[1], "byte before");
            Check.Equal(0xEEL, output[18], "byte after");
            Check.Equal(0xEEL, output[19], "byte after");
            Check.Equal(RfcDigests[2], Hex.Encode(output, 2, Md5.HashSize));
        }

        public void Md5_final_resets_so_the_instance_can_hash_again()
        {
            Md5 md5 = new Md5();
            byte[] abc = TestData.Ascii("abc");
            md5.Update(abc, 0, abc.Length);
            Check.Equal(RfcDigests[2], Final(md5), "first");
            Check.Equal(0L, md5.Length, "length after final");
            md5.Update(abc, 0, abc.Length);
            Check.Equal(RfcDigests[2], Final(md5), "second");
        }

        public void Md5_reset_forgets_the_data_given_so_far()
        {
            Md5 md5 = new Md5();
            byte[] data = TestData.Pattern(100, 1);
            md5.Update(data, 0, data.Length);
            md5.Reset();
            byte[] a = TestData.Ascii("a");
            md5.Update(a, 0, 1);
            Check.Equal(RfcDigests[1], Final(md5));
        }

        public void Md5_resumed_from_a_saved_state_at_any_offset_gives_the_same_digest()
        {
            byte[] data = TestData.Ascii(Digits80);
            byte[] state = new byte[Md5.StateSize + 3];
            for (int split = 0; split <= data.Length; split++)
            {
                Md5 before = new Md5();
                before.Update(data, 0, split);
                before.SaveState(state, 3);
                Md5 after = new Md5();
                after.RestoreState(state, 3);
                Check.Equal(split, after.Length, "restored length at " + split.ToString());
                after.Update(data, split, data.Length - split);
                Check.Equal(RfcDigests[6], Final(after), "split at " + split.ToString());
            }
        }

        public void Md5_saving_the_state_does_not_disturb_the_running_hash()
        {
            byte[] data = TestData.Ascii(Digits80);
            Md5 md5 = new Md5();
            md5.Update(data, 0, 37);
            md5.SaveState(new byte[Md5.StateSize], 0);
            md5.Update(data, 37, data.Length - 37);
            Check.Equal(RfcDigests[6], Final(md5));
        }

        public void Md5_restore_rejects_a_state_with_any_flipped_bit()
        {
            byte[] state = StateAfter45Bytes();
            for (int i = 0; i < Md5.StateSize; i++)
            {
                for (int bit = 0; bit < 8; bit += 3)
                {
                    byte[] corrupt = new byte[Md5.StateSize];
                    Array.Copy(state, corrupt, Md5.StateSize);
                    corrupt[i] ^= (byte)(1 << bit);
                    Md5 target = new Md5();
                    Check.Throws(typeof(CodecException), () => target.RestoreState(corrupt, 0));
                }
            }
        }

        public void Md5_restore_rejects_a_record_with_a_valid_checksum_but_impossible_content()
        {
            byte[] state = StateAfter45Bytes();
            const int lengthOffset = 20, bufferOffset = 28, checksumOffset = Md5.StateSize - 4;

            // A byte count of 2^63 or more: the top bit of the little-endian count (its last byte).
            byte[] hugeLength = Reseal(state, lengthOffset + 7, 0x80, checksumOffset);
            Exception e = Check.Throws(typeof(CodecException), () => new Md5().RestoreState(hugeLength, 0));
            Check.Contains("byte count", e.Message);

            // 45 bytes hashed means 45 pending bytes (45 mod 64); a byte after them must be zero.
            byte[] strayByte = Reseal(state, bufferOffset + 45, 0x01, checksumOffset);
            e = Check.Throws(typeof(CodecException), () => new Md5().RestoreState(strayByte, 0));
            Check.Contains("beyond the pending block", e.Message);
        }

        public void Md5_restore_rejects_erased_and_zeroed_flash_with_an_actionable_message()
        {
            Md5 md5 = new Md5();
            Exception erased = Check.Throws(typeof(CodecException), () => md5.RestoreState(TestData.Filled(Md5.StateSize, 0xFF), 0));
            Check.Contains("restart the download", erased.Message);
            Check.Throws(typeof(CodecException), () => md5.RestoreState(new byte[Md5.StateSize], 0));
        }

        public void Md5_a_rejected_restore_keeps_the_running_hash()
        {
            byte[] abc = TestData.Ascii("abc");
            Md5 md5 = new Md5();
            md5.Update(abc, 0, 2);
            Check.Throws(typeof(CodecException), () => md5.RestoreState(new byte[Md5.StateSize], 0));
            md5.Update(abc, 2, 1);
            Check.Equal(RfcDigests[2], Final(md5));
        }

        public void Md5_rejects_ranges_outside_the_array()
        {
            Md5 md5 = new Md5();
            byte[] data = new byte[10];
            Check.Throws(typeof(ArgumentOutOfRangeException), () => md5.Update(data, 5, 6));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => md5.Update(data, -1, 1));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => md5.Update(data, 0, -1));
            Check.Throws(typeof(ArgumentNullException), () => md5.Update(null!, 0, 0));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => md5.Final(new byte[Md5.HashSize + 1], 2));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => md5.SaveState(new byte[Md5.StateSize - 1], 0));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => md5.RestoreState(new byte[Md5.StateSize], 1));
        }

        /// <summary>The saved state after hashing the first 45 bytes of <see cref="Digits80"/> (so 45 bytes are pending).</summary>
        private static byte[] StateAfter45Bytes()
        {
            byte[] data = TestData.Ascii(Digits80);
            Md5 source = new Md5();
            source.Update(data, 0, 45);
            byte[] state = new byte[Md5.StateSize];
            source.SaveState(state, 0);
            return state;
        }

        /// <summary>A copy of the state with one byte XORed and the trailing CRC-32 recomputed, so that only the content is wrong.</summary>
        private static byte[] Reseal(byte[] state, int index, byte xor, int checksumOffset)
        {
            byte[] copy = new byte[state.Length];
            Array.Copy(state, copy, state.Length);
            copy[index] ^= xor;
            uint crc = Crc32.Compute(copy, 0, checksumOffset);
            for (int i = 0; i < 4; i++) copy[checksumOffset + i] = (byte)(crc >> (8 * i));
            return copy;
        }

        private static void CheckRfc(int index)
        {
            byte[] data = TestData.Ascii(RfcInputs[index]);
            Check.Equal(RfcDigests[index], Hex.Encode(Md5.Hash(data, 0, data.Length), 0, Md5.HashSize), "md5(\"" + RfcInputs[index] + "\")");
        }

        private static string HashInChunks(byte[] data, int chunk)
        {
            Md5 md5 = new Md5();
            for (int offset = 0; offset < data.Length; offset += chunk)
            {
                int count = data.Length - offset < chunk ? data.Length - offset : chunk;
                md5.Update(data, offset, count);
            }
            return Final(md5);
        }

        private static string Final(Md5 md5)
        {
            byte[] hash = new byte[Md5.HashSize];
            md5.Final(hash, 0);
            return Hex.Encode(hash, 0, Md5.HashSize);
        }
    }
}

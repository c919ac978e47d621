using System;
using Clife.Device.Text;

namespace Clife.Device.Crypto
{
    /// <summary>Streaming MD5 (RFC 1321) for verifying OTA images: any chunking, no allocation per update, resumable.</summary>
    /// <remarks>
    /// MD5 is used only because the platform sends md5 checksums; it is an integrity check, not a security measure.
    /// The block function is fully unrolled and reads whole blocks straight from the caller's array, because on the
    /// device every interpreted IL instruction counts.
    /// </remarks>
    public sealed class Md5
    {
        /// <summary>Length of an MD5 digest in bytes.</summary>
        public const int HashSize = 16;

        /// <summary>Length in bytes of the record written by <see cref="SaveState"/>.</summary>
        public const int StateSize = StateChecksumOffset + 4;

        private const int BlockSize = 64;
        private const int LengthFieldOffset = BlockSize - 8;

        // Saved state: magic "MD5" and format version, the four state words, the byte count, the pending partial
        // block (zero beyond its length) and a CRC-32 of everything before it, all little-endian.
        private const byte StateFormatVersion = 1;
        private const int StateWordsOffset = 4;
        private const int StateLengthOffset = StateWordsOffset + 16;
        private const int StateBufferOffset = StateLengthOffset + 8;
        private const int StateChecksumOffset = StateBufferOffset + BlockSize;

        private const uint InitialA = 0x67452301;
        private const uint InitialB = 0xefcdab89;
        private const uint InitialC = 0x98badcfe;
        private const uint InitialD = 0x10325476;

        private readonly byte[] _buffer = new byte[BlockSize];
        private uint _a, _b, _c, _d;
        private long _length;

        /// <summary>Creates a hash ready to take data.</summary>
        public Md5()
        {
            Reset();
        }

        /// <summary>Number of bytes hashed since the last reset (the resume offset of a download).</summary>
        public long Length => _length;

        /// <summary>Starts a new hash, forgetting all data given so far.</summary>
        public void Reset()
        {
            _a = InitialA;
            _b = InitialB;
            _c = InitialC;
            _d = InitialD;
            _length = 0;
            Array.Clear(_buffer, 0, BlockSize);
        }

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> to the hash.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            ByteRange.Check(data, offset, count, nameof(data));
            int pending = (int)(_length & (BlockSize - 1));
            _length += count;
            if (pending > 0)
            {
                int take = BlockSize - pending;
                if (take > count) take = count;
                Array.Copy(data, offset, _buffer, pending, take);
                offset += take;
                count -= take;
                if (pending + take < BlockSize) return;
                ProcessBlocks(_buffer, 0, 1);
            }
            int blocks = count / BlockSize;
            if (blocks > 0)
            {
                ProcessBlocks(data, offset, blocks);
                offset += blocks * BlockSize;
                count -= blocks * BlockSize;
            }
            if (count > 0) Array.Copy(data, offset, _buffer, 0, count);
        }

        /// <summary>Writes the 16-byte digest of all data given since the last reset to <paramref name="hash"/> at <paramref name="offset"/>, then resets.</summary>
        public void Final(byte[] hash, int offset)
        {
            ByteRange.Check(hash, offset, HashSize, nameof(hash));
            int pending = (int)(_length & (BlockSize - 1));
            _buffer[pending++] = 0x80;
            if (pending > LengthFieldOffset)
            {
                Array.Clear(_buffer, pending, BlockSize - pending);
                ProcessBlocks(_buffer, 0, 1);
                pending = 0;
            }
            Array.Clear(_buffer, pending, LengthFieldOffset - pending);
            LittleEndian.WriteUInt64(_buffer, LengthFieldOffset, (ulong)_length << 3);
            ProcessBlocks(_buffer, 0, 1);
            LittleEndian.WriteUInt32(hash, offset, _a);
            LittleEndian.WriteUInt32(hash, offset + 4, _b);
            LittleEndian.WriteUInt32(hash, offset + 8, _c);
            LittleEndian.WriteUInt32(hash, offset + 12, _d);
            Reset();
        }

        /// <summary>Returns the MD5 digest of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Hash(byte[] data, int offset, int count)
        {
            Md5 md5 = new Md5();
            md5.Update(data, offset, count);
            byte[] hash = new byte[HashSize];
            md5.Final(hash, 0);
            return hash;
        }

        /// <summary>Writes the running state (<see cref="StateSize"/> bytes) to <paramref name="dest"/> at <paramref name="offset"/>, so that hashing can resume after a reboot.</summary>
        public void SaveState(byte[] dest, int offset)
        {
            ByteRange.Check(dest, offset, StateSize, nameof(dest));
            dest[offset] = (byte)'M';
            dest[offset + 1] = (byte)'D';
            dest[offset + 2] = (byte)'5';
            dest[offset + 3] = StateFormatVersion;
            LittleEndian.WriteUInt32(dest, offset + StateWordsOffset, _a);
            LittleEndian.WriteUInt32(dest, offset + StateWordsOffset + 4, _b);
            LittleEndian.WriteUInt32(dest, offset + StateWordsOffset + 8, _c);
            LittleEndian.WriteUInt32(dest, offset + StateWordsOffset + 12, _d);
            LittleEndian.WriteUInt64(dest, offset + StateLengthOffset, (ulong)_length);
            int pending = (int)(_length & (BlockSize - 1));
            Array.Copy(_buffer, 0, dest, offset + StateBufferOffset, pending);
            Array.Clear(dest, offset + StateBufferOffset + pending, BlockSize - pending);
            uint crc = Crc32.Compute(dest, offset, StateChecksumOffset);
            LittleEndian.WriteUInt32(dest, offset + StateChecksumOffset, crc);
        }

        /// <summary>Continues the hash from a state written by <see cref="SaveState"/>; the current state is kept when the record is rejected.</summary>
        /// <exception cref="CodecException">The record is not a saved MD5 state, or it is corrupt.</exception>
        public void RestoreState(byte[] src, int offset)
        {
            ByteRange.Check(src, offset, StateSize, nameof(src));
            if (src[offset] != 'M' || src[offset + 1] != 'D' || src[offset + 2] != '5' || src[offset + 3] != StateFormatVersion)
                throw new CodecException("saved md5 state rejected: not an md5 state record of format " + StateFormatVersion.ToString() + "; restart the download from 0");
            uint crc = Crc32.Compute(src, offset, StateChecksumOffset);
            if (crc != LittleEndian.ReadUInt32(src, offset + StateChecksumOffset))
                throw new CodecException("saved md5 state rejected: checksum mismatch (corrupt record); restart the download from 0");
            ulong length = LittleEndian.ReadUInt64(src, offset + StateLengthOffset);
            if (length > long.MaxValue)
                throw new CodecException("saved md5 state rejected: byte count out of range; restart the download from 0");
            int pending = (int)(length & (BlockSize - 1));
            for (int i = pending; i < BlockSize; i++)
            {
                if (src[offset + StateBufferOffset + i] != 0)
                    throw new CodecException("saved md5 state rejected: data beyond the pending block; restart the download from 0");
            }
            _a = LittleEndian.ReadUInt32(src, offset + StateWordsOffset);
            _b = LittleEndian.ReadUInt32(src, offset + StateWordsOffset + 4);
            _c = LittleEndian.ReadUInt32(src, offset + StateWordsOffset + 8);
            _d = LittleEndian.ReadUInt32(src, offset + StateWordsOffset + 12);
            _length = (long)length;
            Array.Copy(src, offset + StateBufferOffset, _buffer, 0, BlockSize);
        }

        /// <summary>Runs the MD5 compression function over <paramref name="blocks"/> consecutive 64-byte blocks of <paramref name="data"/>.</summary>
        private void ProcessBlocks(byte[] data, int offset, int blocks)
        {
            uint a = _a, b = _b, c = _c, d = _d;
            for (int end = offset + blocks * BlockSize; offset < end; offset += BlockSize)
            {
                uint x0 = (uint)(data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16 | data[offset + 3] << 24);
                uint x1 = (uint)(data[offset + 4] | data[offset + 5] << 8 | data[offset + 6] << 16 | data[offset + 7] << 24);
                uint x2 = (uint)(data[offset + 8] | data[offset + 9] << 8 | data[offset + 10] << 16 | data[offset + 11] << 24);
                uint x3 = (uint)(data[offset + 12] | data[offset + 13] << 8 | data[offset + 14] << 16 | data[offset + 15] << 24);
                uint x4 = (uint)(data[offset + 16] | data[offset + 17] << 8 | data[offset + 18] << 16 | data[offset + 19] << 24);
                uint x5 = (uint)(data[offset + 20] | data[offset + 21] << 8 | data[offset + 22] << 16 | data[offset + 23] << 24);
                uint x6 = (uint)(data[offset + 24] | data[offset + 25] << 8 | data[offset + 26] << 16 | data[offset + 27] << 24);
                uint x7 = (uint)(data[offset + 28] | data[offset + 29] << 8 | data[offset + 30] << 16 | data[offset + 31] << 24);
                uint x8 = (uint)(data[offset + 32] | data[offset + 33] << 8 | data[offset + 34] << 16 | data[offset + 35] << 24);
                uint x9 = (uint)(data[offset + 36] | data[offset + 37] << 8 | data[offset + 38] << 16 | data[offset + 39] << 24);
                uint x10 = (uint)(data[offset + 40] | data[offset + 41] << 8 | data[offset + 42] << 16 | data[offset + 43] << 24);
                uint x11 = (uint)(data[offset + 44] | data[offset + 45] << 8 | data[offset + 46] << 16 | data[offset + 47] << 24);
                uint x12 = (uint)(data[offset + 48] | data[offset + 49] << 8 | data[offset + 50] << 16 | data[offset + 51] << 24);
                uint x13 = (uint)(data[offset + 52] | data[offset + 53] << 8 | data[offset + 54] << 16 | data[offset + 55] << 24);
                uint x14 = (uint)(data[offset + 56] | data[offset + 57] << 8 | data[offset + 58] << 16 | data[offset + 59] << 24);
                uint x15 = (uint)(data[offset + 60] | data[offset + 61] << 8 | data[offset + 62] << 16 | data[offset + 63] << 24);

                // F and G are written in their equivalent forms with one operation fewer.
                // Round 1: F(b, c, d) = (b & c) | (~b & d)
                a += (d ^ (b & (c ^ d))) + x0 + 0xd76aa478u; a = ((a << 7) | (a >> 25)) + b;
                d += (c ^ (a & (b ^ c))) + x1 + 0xe8c7b756u; d = ((d << 12) | (d >> 20)) + a;
                c += (b ^ (d & (a ^ b))) + x2 + 0x242070dbu; c = ((c << 17) | (c >> 15)) + d;
                b += (a ^ (c & (d ^ a))) + x3 + 0xc1bdceeeu; b = ((b << 22) | (b >> 10)) + c;
                a += (d ^ (b & (c ^ d))) + x4 + 0xf57c0fafu; a = ((a << 7) | (a >> 25)) + b;
                d += (c ^ (a & (b ^ c))) + x5 + 0x4787c62au; d = ((d << 12) | (d >> 20)) + a;
                c += (b ^ (d & (a ^ b))) + x6 + 0xa8304613u; c = ((c << 17) | (c >> 15)) + d;
                b += (a ^ (c & (d ^ a))) + x7 + 0xfd469501u; b = ((b << 22) | (b >> 10)) + c;
                a += (d ^ (b & (c ^ d))) + x8 + 0x698098d8u; a = ((a << 7) | (a >> 25)) + b;
                d += (c ^ (a & (b ^ c))) + x9 + 0x8b44f7afu; d = ((d << 12) | (d >> 20)) + a;
                c += (b ^ (d & (a ^ b))) + x10 + 0xffff5bb1u; c = ((c << 17) | (c >> 15)) + d;
                b += (a ^ (c & (d ^ a))) + x11 + 0x895cd7beu; b = ((b << 22) | (b >> 10)) + c;
                a += (d ^ (b & (c ^ d))) + x12 + 0x6b901122u; a = ((a << 7) | (a >> 25)) + b;
                d += (c ^ (a & (b ^ c))) + x13 + 0xfd987193u; d = ((d << 12) | (d >> 20)) + a;
                c += (b ^ (d & (a ^ b))) + x14 + 0xa679438eu; c = ((c << 17) | (c >> 15)) + d;
                b += (a ^ (c & (d ^ a))) + x15 + 0x49b40821u; b = ((b << 22) | (b >> 10)) + c;
                // Round 2: G(b, c, d) = (b & d) | (c & ~d)
                a += (c ^ (d & (b ^ c))) + x1 + 0xf61e2562u; a = ((a << 5) | (a >> 27)) + b;
                d += (b ^ (c & (a ^ b))) + x6 + 0xc040b340u; d = ((d << 9) | (d >> 23)) + a;
                c += (a ^ (b & (d ^ a))) + x11 + 0x265e5a51u; c = ((c << 14) | (c >> 18)) + d;
                b += (d ^ (a & (c ^ d))) + x0 + 0xe9b6c7aau; b = ((b << 20) | (b >> 12)) + c;
                a += (c ^ (d & (b ^ c))) + x5 + 0xd62f105du; a = ((a << 5) | (a >> 27)) + b;
                d += (b ^ (c & (a ^ b))) + x10 + 0x02441453u; d = ((d << 9) | (d >> 23)) + a;
                c += (a ^ (b & (d ^ a))) + x15 + 0xd8a1e681u; c = ((c << 14) | (c >> 18)) + d;
                b += (d ^ (a & (c ^ d))) + x4 + 0xe7d3fbc8u; b = ((b << 20) | (b >> 12)) + c;
                a += (c ^ (d & (b ^ c))) + x9 + 0x21e1cde6u; a = ((a << 5) | (a >> 27)) + b;
                d += (b ^ (c & (a ^ b))) + x14 + 0xc33707d6u; d = ((d << 9) | (d >> 23)) + a;
                c += (a ^ (b & (d ^ a))) + x3 + 0xf4d50d87u; c = ((c << 14) | (c >> 18)) + d;
                b += (d ^ (a & (c ^ d))) + x8 + 0x455a14edu; b = ((b << 20) | (b >> 12)) + c;
                a += (c ^ (d & (b ^ c))) + x13 + 0xa9e3e905u; a = ((a << 5) | (a >> 27)) + b;
                d += (b ^ (c & (a ^ b))) + x2 + 0xfcefa3f8u; d = ((d << 9) | (d >> 23)) + a;
                c += (a ^ (b & (d ^ a))) + x7 + 0x676f02d9u; c = ((c << 14) | (c >> 18)) + d;
                b += (d ^ (a & (c ^ d))) + x12 + 0x8d2a4c8au; b = ((b << 20) | (b >> 12)) + c;
                // Round 3: H(b, c, d) = b ^ c ^ d
                a += (b ^ c ^ d) + x5 + 0xfffa3942u; a = ((a << 4) | (a >> 28)) + b;
                d += (a ^ b ^ c) + x8 + 0x8771f681u; d = ((d << 11) | (d >> 21)) + a;
                c += (d ^ a ^ b) + x11 + 0x6d9d6122u; c = ((c << 16) | (c >> 16)) + d;
                b += (c ^ d ^ a) + x14 + 0xfde5380cu; b = ((b << 23) | (b >> 9)) + c;
                a += (b ^ c ^ d) + x1 + 0xa4beea44u; a = ((a << 4) | (a >> 28)) + b;
                d += (a ^ b ^ c) + x4 + 0x4bdecfa9u; d = ((d << 11) | (d >> 21)) + a;
                c += (d ^ a ^ b) + x7 + 0xf6bb4b60u; c = ((c << 16) | (c >> 16)) + d;
                b += (c ^ d ^ a) + x10 + 0xbebfbc70u; b = ((b << 23) | (b >> 9)) + c;
                a += (b ^ c ^ d) + x13 + 0x289b7ec6u; a = ((a << 4) | (a >> 28)) + b;
                d += (a ^ b ^ c) + x0 + 0xeaa127fau; d = ((d << 11) | (d >> 21)) + a;
                c += (d ^ a ^ b) + x3 + 0xd4ef3085u; c = ((c << 16) | (c >> 16)) + d;
                b += (c ^ d ^ a) + x6 + 0x04881d05u; b = ((b << 23) | (b >> 9)) + c;
                a += (b ^ c ^ d) + x9 + 0xd9d4d039u; a = ((a << 4) | (a >> 28)) + b;
                d += (a ^ b ^ c) + x12 + 0xe6db99e5u; d = ((d << 11) | (d >> 21)) + a;
                c += (d ^ a ^ b) + x15 + 0x1fa27cf8u; c = ((c << 16) | (c >> 16)) + d;
                b += (c ^ d ^ a) + x2 + 0xc4ac5665u; b = ((b << 23) | (b >> 9)) + c;
                // Round 4: I(b, c, d) = c ^ (b | ~d)
                a += (c ^ (b | ~d)) + x0 + 0xf4292244u; a = ((a << 6) | (a >> 26)) + b;
                d += (b ^ (a | ~c)) + x7 + 0x432aff97u; d = ((d << 10) | (d >> 22)) + a;
                c += (a ^ (d | ~b)) + x14 + 0xab9423a7u; c = ((c << 15) | (c >> 17)) + d;
                b += (d ^ (c | ~a)) + x5 + 0xfc93a039u; b = ((b << 21) | (b >> 11)) + c;
                a += (c ^ (b | ~d)) + x12 + 0x655b59c3u; a = ((a << 6) | (a >> 26)) + b;
                d += (b ^ (a | ~c)) + x3 + 0x8f0ccc92u; d = ((d << 10) | (d >> 22)) + a;
                c += (a ^ (d | ~b)) + x10 + 0xffeff47du; c = ((c << 15) | (c >> 17)) + d;
                b += (d ^ (c | ~a)) + x1 + 0x85845dd1u; b = ((b << 21) | (b >> 11)) + c;
                a += (c ^ (b | ~d)) + x8 + 0x6fa87e4fu; a = ((a << 6) | (a >> 26)) + b;
                d += (b ^ (a | ~c)) + x15 + 0xfe2ce6e0u; d = ((d << 10) | (d >> 22)) + a;
                c += (a ^ (d | ~b)) + x6 + 0xa3014314u; c = ((c << 15) | (c >> 17)) + d;
                b += (d ^ (c | ~a)) + x13 + 0x4e0811a1u; b = ((b << 21) | (b >> 11)) + c;
                a += (c ^ (b | ~d)) + x4 + 0xf7537e82u; a = ((a << 6) | (a >> 26)) + b;
                d += (b ^ (a | ~c)) + x11 + 0xbd3af235u; d = ((d << 10) | (d >> 22)) + a;
                c += (a ^ (d | ~b)) + x2 + 0x2ad7d2bbu; c = ((c << 15) | (c >> 17)) + d;
                b += (d ^ (c | ~a)) + x9 + 0xeb86d391u; b = ((b << 21) | (b >> 11)) + c;

                // The fields still hold the state from the start of this block (fewer live locals than copies).
                a += _a;
                b += _b;
                c += _c;
                d += _d;
                _a = a;
                _b = b;
                _c = c;
                _d = d;
            }
        }
    }
}

using Clife.Device.Hal;

namespace Clife.Device.Ota
{
    /// <summary>
    /// Decompresses raw DEFLATE (RFC 1951), as .NET's DeflateStream writes it, from a flash area into an output array
    /// of known size. Used for the compressed assemblies of an image bundle. Decoding follows the canonical-Huffman
    /// method of zlib's "puff": small tables, no per-symbol allocation; the output array is the history window.
    /// Any malformed stream raises a BundleException saying what is wrong, never an out-of-range access.
    /// </summary>
    public sealed class Inflate
    {
        private const int MaxBits = 15;
        private const int MaxLiteralCodes = 286;
        private const int MaxDistanceCodes = 30;
        private const int FixedLiteralCodes = 288;
        private const int InputBuffer = 256;

        private static readonly short[] LengthBase = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
        private static readonly short[] LengthExtra = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
        private static readonly short[] DistanceBase = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
        private static readonly short[] DistanceExtra = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
        private static readonly byte[] CodeLengthOrder = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

        private readonly byte[] _in = new byte[InputBuffer];
        private readonly short[] _litCount = new short[MaxBits + 1];
        private readonly short[] _litSymbol = new short[FixedLiteralCodes];
        private readonly short[] _distCount = new short[MaxBits + 1];
        private readonly short[] _distSymbol = new short[MaxDistanceCodes];
        private readonly short[] _lengths = new short[MaxLiteralCodes + MaxDistanceCodes];
        private readonly short[] _offsets = new short[MaxBits + 1];

        private IFlashArea? _area;
        private int _next;
        private int _end;
        private int _inPos;
        private int _inLen;
        private int _bitBuffer;
        private int _bitCount;
        private byte[] _out = new byte[0];
        private int _outPos;

        /// <summary>
        /// Decompresses the <paramref name="count"/> bytes at <paramref name="offset"/> of the area, which must expand to
        /// exactly <paramref name="output"/>.Length bytes.
        /// </summary>
        public void Decompress(IFlashArea area, int offset, int count, byte[] output)
        {
            _area = area;
            _next = offset;
            _end = offset + count;
            _inPos = 0;
            _inLen = 0;
            _bitBuffer = 0;
            _bitCount = 0;
            _out = output;
            _outPos = 0;
            bool last;
            do
            {
                last = Bits(1) == 1;
                int type = Bits(2);
                switch (type)
                {
                    case 0: Stored(); break;
                    case 1: FixedBlock(); break;
                    case 2: DynamicBlock(); break;
                    default: throw Corrupt("invalid block type 3");
                }
            }
            while (!last);
            if (_outPos != _out.Length) throw Corrupt("expands to " + _outPos.ToString() + " bytes, expected " + _out.Length.ToString());
            _area = null;
            _out = new byte[0];
        }

        private int NextByte()
        {
            if (_inPos == _inLen)
            {
                int n = _end - _next;
                if (n <= 0) throw Corrupt("ends too early");
                if (n > InputBuffer) n = InputBuffer;
                _area!.Read(_next, _in, 0, n);
                _next += n;
                _inPos = 0;
                _inLen = n;
            }
            return _in[_inPos++];
        }

        private int Bits(int need)
        {
            int value = _bitBuffer;
            while (_bitCount < need)
            {
                value |= NextByte() << _bitCount;
                _bitCount += 8;
            }
            _bitBuffer = value >> need;
            _bitCount -= need;
            return value & ((1 << need) - 1);
        }

        private void Put(byte b)
        {
            if (_outPos == _out.Length) throw Corrupt("expands beyond the expected " + _out.Length.ToString() + " bytes");
            _out[_outPos++] = b;
        }

        private void Stored()
        {
            _bitBuffer = 0;
            _bitCount = 0;
            int length = NextByte() | (NextByte() << 8);
            int check = NextByte() | (NextByte() << 8);
            if (length != (~check & 0xFFFF)) throw Corrupt("stored block length check fails");
            for (int i = 0; i < length; i++) Put((byte)NextByte());
        }

        private void FixedBlock()
        {
            for (int s = 0; s < 144; s++) _lengths[s] = 8;
            for (int s = 144; s < 256; s++) _lengths[s] = 9;
            for (int s = 256; s < 280; s++) _lengths[s] = 7;
            for (int s = 280; s < FixedLiteralCodes; s++) _lengths[s] = 8;
            Build(_litCount, _litSymbol, _lengths, 0, FixedLiteralCodes);
            for (int s = 0; s < MaxDistanceCodes; s++) _lengths[s] = 5;
            Build(_distCount, _distSymbol, _lengths, 0, MaxDistanceCodes);
            Codes();
        }

        private void DynamicBlock()
        {
            int literals = Bits(5) + 257;
            int distances = Bits(5) + 1;
            int codeLengths = Bits(4) + 4;
            if (literals > MaxLiteralCodes || distances > MaxDistanceCodes) throw Corrupt("too many length or distance codes");
            for (int i = 0; i < 19; i++) _lengths[CodeLengthOrder[i]] = i < codeLengths ? (short)Bits(3) : (short)0;
            if (Build(_litCount, _litSymbol, _lengths, 0, 19) != 0) throw Corrupt("incomplete code-length code");

            int index = 0;
            while (index < literals + distances)
            {
                int symbol = Decode(_litCount, _litSymbol);
                if (symbol < 16)
                {
                    _lengths[index++] = (short)symbol;
                    continue;
                }
                int repeat;
                short value = 0;
                if (symbol == 16)
                {
                    if (index == 0) throw Corrupt("repeat of a code length with no previous length");
                    value = _lengths[index - 1];
                    repeat = 3 + Bits(2);
                }
                else if (symbol == 17) repeat = 3 + Bits(3);
                else repeat = 11 + Bits(7);
                if (index + repeat > literals + distances) throw Corrupt("code lengths overrun the table");
                while (repeat-- > 0) _lengths[index++] = value;
            }
            if (_lengths[256] == 0) throw Corrupt("no end-of-block code");
            int left = Build(_litCount, _litSymbol, _lengths, 0, literals);
            if (left < 0 || (left > 0 && literals - _litCount[0] != 1)) throw Corrupt("incomplete literal/length code");
            left = Build(_distCount, _distSymbol, _lengths, literals, distances);
            if (left < 0 || (left > 0 && distances - _distCount[0] != 1)) throw Corrupt("incomplete distance code");
            Codes();
        }

        private void Codes()
        {
            while (true)
            {
                int symbol = Decode(_litCount, _litSymbol);
                if (symbol < 256)
                {
                    Put((byte)symbol);
                    continue;
                }
                if (symbol == 256) return;
                symbol -= 257;
                if (symbol >= 29) throw Corrupt("invalid length code");
                int length = LengthBase[symbol] + Bits(LengthExtra[symbol]);
                int d = Decode(_distCount, _distSymbol);
                if (d >= MaxDistanceCodes) throw Corrupt("invalid distance code");
                int distance = DistanceBase[d] + Bits(DistanceExtra[d]);
                if (distance > _outPos) throw Corrupt("distance " + distance.ToString() + " reaches before the start");
                if (_outPos + length > _out.Length) throw Corrupt("expands beyond the expected " + _out.Length.ToString() + " bytes");
                for (int i = 0; i < length; i++)
                {
                    _out[_outPos] = _out[_outPos - distance];
                    _outPos++;
                }
            }
        }

        /// <summary>Decodes one symbol, reading bits MSB-first of the code as DEFLATE packs them.</summary>
        private int Decode(short[] count, short[] symbol)
        {
            int code = 0, first = 0, index = 0;
            for (int len = 1; len <= MaxBits; len++)
            {
                code |= Bits(1);
                int n = count[len];
                if (code - n < first) return symbol[index + (code - first)];
                index += n;
                first += n;
                first <<= 1;
                code <<= 1;
            }
            throw Corrupt("invalid Huffman code");
        }

        /// <summary>Builds a canonical code from lengths; returns 0 when complete, &gt;0 when incomplete, &lt;0 when over-subscribed.</summary>
        private int Build(short[] count, short[] symbol, short[] lengths, int start, int n)
        {
            for (int len = 0; len <= MaxBits; len++) count[len] = 0;
            for (int s = 0; s < n; s++) count[lengths[start + s]]++;
            if (count[0] == n) return 0;
            int left = 1;
            for (int len = 1; len <= MaxBits; len++)
            {
                left <<= 1;
                left -= count[len];
                if (left < 0) return left;
            }
            _offsets[1] = 0;
            for (int len = 1; len < MaxBits; len++) _offsets[len + 1] = (short)(_offsets[len] + count[len]);
            for (int s = 0; s < n; s++)
            {
                if (lengths[start + s] != 0) symbol[_offsets[lengths[start + s]]++] = (short)s;
            }
            return left;
        }

        private static BundleException Corrupt(string why) => new BundleException("compressed assembly is corrupt: " + why);
    }
}

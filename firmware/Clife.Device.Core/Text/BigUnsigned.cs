using System;

namespace Clife.Device.Text
{
    /// <summary>
    /// A mutable arbitrary-precision natural number with just the operations that exact decimal/binary conversion of
    /// doubles needs. Used only on the rare slow paths of <see cref="DoubleParser"/> and <see cref="DoubleFormatter"/>.
    /// </summary>
    internal sealed class BigUnsigned
    {
        private static readonly uint[] SmallPowersOf10 = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000 };

        private uint[] _limbs; // little-endian base 2^32
        private int _length;   // limbs in use; the top one is never 0

        /// <summary>Creates zero with room for the given number of 32-bit limbs.</summary>
        public BigUnsigned(int capacity)
        {
            _limbs = new uint[capacity < 2 ? 2 : capacity];
        }

        /// <summary>Sets the value.</summary>
        public void Set(ulong value)
        {
            _limbs[0] = (uint)value;
            _limbs[1] = (uint)(value >> 32);
            _length = _limbs[1] != 0 ? 2 : _limbs[0] != 0 ? 1 : 0;
        }

        /// <summary>Sets the value to that of another number.</summary>
        public void Set(BigUnsigned other)
        {
            Reserve(other._length);
            Array.Copy(other._limbs, _limbs, other._length);
            _length = other._length;
        }

        /// <summary>this = this * factor + addend.</summary>
        public void MultiplyAdd(uint factor, uint addend)
        {
            ulong carry = addend;
            uint[] a = _limbs;
            for (int i = 0; i < _length; i++)
            {
                ulong p = (ulong)a[i] * factor + carry;
                a[i] = (uint)p;
                carry = p >> 32;
            }
            if (carry != 0)
            {
                Reserve(_length + 1);
                _limbs[_length++] = (uint)carry;
            }
            Trim();
        }

        /// <summary>this = this * 10^exponent (exponent >= 0).</summary>
        public void MultiplyByPowerOf10(int exponent)
        {
            while (exponent >= 9)
            {
                MultiplyAdd(1000000000, 0);
                exponent -= 9;
            }
            if (exponent > 0) MultiplyAdd(SmallPowersOf10[exponent], 0);
        }

        /// <summary>this = this * other.</summary>
        public void Multiply(BigUnsigned other)
        {
            if (_length == 0) return;
            if (other._length == 0)
            {
                _length = 0;
                return;
            }
            uint[] result = new uint[_length + other._length + 1];
            for (int i = 0; i < _length; i++)
            {
                ulong carry = 0;
                ulong ai = _limbs[i];
                int k = i;
                for (int j = 0; j < other._length; j++, k++)
                {
                    ulong p = ai * other._limbs[j] + result[k] + carry;
                    result[k] = (uint)p;
                    carry = p >> 32;
                }
                while (carry != 0)
                {
                    ulong s = (ulong)result[k] + carry;
                    result[k++] = (uint)s;
                    carry = s >> 32;
                }
            }
            _limbs = result;
            _length = result.Length;
            Trim();
        }

        /// <summary>this = this * 2^bits (bits >= 0).</summary>
        public void ShiftLeft(int bits)
        {
            if (_length == 0 || bits == 0) return;
            int words = bits >> 5;
            int shift = bits & 31;
            Reserve(_length + words + 1);
            uint[] a = _limbs;
            if (shift == 0)
            {
                for (int i = _length - 1; i >= 0; i--) a[i + words] = a[i];
                a[_length + words] = 0;
            }
            else
            {
                a[_length + words] = a[_length - 1] >> (32 - shift);
                for (int i = _length - 1; i > 0; i--) a[i + words] = (a[i] << shift) | (a[i - 1] >> (32 - shift));
                a[words] = a[0] << shift;
            }
            for (int i = 0; i < words; i++) a[i] = 0;
            _length += words + 1;
            Trim();
        }

        /// <summary>this = this + other.</summary>
        public void Add(BigUnsigned other)
        {
            int n = _length > other._length ? _length : other._length;
            Reserve(n + 1);
            for (int i = _length; i <= n; i++) _limbs[i] = 0;
            ulong carry = 0;
            for (int i = 0; i < n; i++)
            {
                ulong s = (ulong)_limbs[i] + (i < other._length ? other._limbs[i] : 0u) + carry;
                _limbs[i] = (uint)s;
                carry = s >> 32;
            }
            _limbs[n] = (uint)carry;
            _length = n + 1;
            Trim();
        }

        /// <summary>this = this - other; requires this >= other.</summary>
        public void Subtract(BigUnsigned other)
        {
            long borrow = 0;
            for (int i = 0; i < _length; i++)
            {
                long d = (long)_limbs[i] - (i < other._length ? other._limbs[i] : 0u) - borrow;
                if (d < 0)
                {
                    d += 0x100000000L;
                    borrow = 1;
                }
                else
                {
                    borrow = 0;
                }
                _limbs[i] = (uint)d;
            }
            Trim();
        }

        /// <summary>Returns -1, 0 or 1 as a is less than, equal to or greater than b.</summary>
        public static int Compare(BigUnsigned a, BigUnsigned b)
        {
            if (a._length != b._length) return a._length < b._length ? -1 : 1;
            for (int i = a._length - 1; i >= 0; i--)
            {
                if (a._limbs[i] != b._limbs[i]) return a._limbs[i] < b._limbs[i] ? -1 : 1;
            }
            return 0;
        }

        private void Reserve(int limbs)
        {
            if (_limbs.Length >= limbs) return;
            int size = _limbs.Length * 2;
            if (size < limbs) size = limbs;
            uint[] bigger = new uint[size];
            Array.Copy(_limbs, bigger, _length);
            _limbs = bigger;
        }

        private void Trim()
        {
            while (_length > 0 && _limbs[_length - 1] == 0) _length--;
        }
    }
}

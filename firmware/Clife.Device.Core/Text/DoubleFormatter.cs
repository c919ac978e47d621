using System;

namespace Clife.Device.Text
{
    /// <summary>
    /// Writes a finite double as the shortest decimal that reads back as the same double, in JSON number syntax and
    /// the layout of JavaScript's Number.prototype.toString ("0.1", "123.5", "1e+21", "5e-324"). Written in the core
    /// because the device's own formatting is not round-trip exact.
    /// </summary>
    internal static class DoubleFormatter
    {
        /// <summary>The longest text Format writes ("-1.2345678901234567e-308" is 24 bytes).</summary>
        public const int MaxLength = 32;

        private const double TwoTo53 = 9007199254740992.0;
        private const double Log10Of2 = 0.30102999566398119521;

        /// <summary>Writes the finite value at dest[offset] and returns the number of bytes written (at most MaxLength).</summary>
        /// <remarks>NaN and infinity are refused by the caller, <see cref="Json.JsonWriter.WriteNumber(double)"/>.</remarks>
        public static int Format(double value, byte[] dest, int offset)
        {
            int p = offset;
            long bits = BitConverter.DoubleToInt64Bits(value);
            if (bits < 0)
            {
                dest[p++] = (byte)'-';
                value = -value;
            }
            if (value == 0)
            {
                dest[p++] = (byte)'0';
                return p - offset;
            }
            if (value < TwoTo53 && value == (long)value)
            {
                return p - offset + WriteInteger((ulong)(long)value, dest, p);
            }

            byte[] digits = new byte[20];
            int exponent;
            int count = ShortDecimal(value, digits, out exponent);
            if (count == 0) count = ShortestDigits(value, digits, out exponent);
            return p - offset + Layout(digits, count, exponent, dest, p);
        }

        /// <summary>Writes the decimal digits of value and returns their count.</summary>
        internal static int WriteInteger(ulong value, byte[] dest, int p)
        {
            int count = 1;
            for (ulong t = value; t >= 10; t /= 10) count++;
            for (int i = p + count - 1; i >= p; i--)
            {
                dest[i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            return count;
        }

        /// <summary>
        /// Fast path for values with few decimals (23.5, 0.1): the smallest d such that N / 10^d is exactly the value,
        /// with N below 2^53. Returns the digit count (0 when no such d exists) and the exponent such that
        /// value = 0.digits * 10^exponent.
        /// </summary>
        private static int ShortDecimal(double value, byte[] digits, out int exponent)
        {
            exponent = 0;
            for (int d = 1; d <= 17; d++)
            {
                double scaled = value * DoubleParser.PowersOf10[d];
                if (scaled >= TwoTo53) return 0;
                long n = (long)scaled;
                long nearest = scaled - n >= 0.5 ? n + 1 : n;
                long other = nearest == n ? n + 1 : n;
                long candidate = 0;
                if (nearest > 0 && nearest / DoubleParser.PowersOf10[d] == value) candidate = nearest;
                else if (other > 0 && other / DoubleParser.PowersOf10[d] == value) candidate = other;
                else if (n - 1 > 0 && (n - 1) / DoubleParser.PowersOf10[d] == value) candidate = n - 1;
                if (candidate == 0) continue;
                while (candidate % 10 == 0)
                {
                    candidate /= 10;
                    d--;
                }
                int count = WriteInteger((ulong)candidate, digits, 0);
                exponent = count - d;
                return count;
            }
            return 0;
        }

        /// <summary>
        /// The shortest digits that read back as value (Burger and Dybvig's free-format algorithm with exact big
        /// integers, IEEE round-half-even on input; the last digit is the nearer one, ties to even, so the digits equal
        /// .NET's "R"). value = 0.digits * 10^exponent. Returns the digit count.
        /// </summary>
        private static int ShortestDigits(double value, byte[] digits, out int exponent)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int biased = (int)(bits >> 52);
            ulong f = (ulong)bits & 0xFFFFFFFFFFFFFUL;
            int e;
            if (biased == 0)
            {
                e = -1074;
            }
            else
            {
                f |= 1UL << 52;
                e = biased - 1075;
            }
            bool even = (f & 1) == 0;
            bool unequalGaps = f == (1UL << 52) && biased > 1;

            // value = r / s; the neighbours' midpoints are (r - mMinus) / s and (r + mPlus) / s.
            BigUnsigned r = new BigUnsigned(40);
            BigUnsigned s = new BigUnsigned(40);
            BigUnsigned mPlus = new BigUnsigned(40);
            BigUnsigned mMinus = new BigUnsigned(40);
            BigUnsigned t = new BigUnsigned(40);
            r.Set(f);
            if (e >= 0)
            {
                mMinus.Set(1);
                mMinus.ShiftLeft(e);
                mPlus.Set(mMinus);
                if (unequalGaps)
                {
                    mPlus.ShiftLeft(1);
                    r.ShiftLeft(e + 2);
                    s.Set(4);
                }
                else
                {
                    r.ShiftLeft(e + 1);
                    s.Set(2);
                }
            }
            else
            {
                mMinus.Set(1);
                s.Set(1);
                if (unequalGaps)
                {
                    mPlus.Set(2);
                    r.ShiftLeft(2);
                    s.ShiftLeft(2 - e);
                }
                else
                {
                    mPlus.Set(1);
                    r.ShiftLeft(1);
                    s.ShiftLeft(1 - e);
                }
            }

            // k = ceil(log10(value)), estimated from the binary exponent: never too big, at most one too small.
            int bitLength = 0;
            for (ulong x = f; x != 0; x >>= 1) bitLength++;
            double estimate = (e + bitLength - 1) * Log10Of2 - 1e-10;
            int k = (int)estimate;
            if (k < estimate) k++;
            if (k >= 0)
            {
                s.MultiplyByPowerOf10(k);
            }
            else
            {
                r.MultiplyByPowerOf10(-k);
                mPlus.MultiplyByPowerOf10(-k);
                mMinus.MultiplyByPowerOf10(-k);
            }
            while (true)
            {
                // Fix the estimate: the upper midpoint must lie below 10^k (or on it, when it rounds to value).
                t.Set(r);
                t.Add(mPlus);
                int c = BigUnsigned.Compare(t, s);
                if (even ? c < 0 : c <= 0) break;
                s.MultiplyAdd(10, 0);
                k++;
            }

            int count = 0;
            while (true)
            {
                r.MultiplyAdd(10, 0);
                mPlus.MultiplyAdd(10, 0);
                mMinus.MultiplyAdd(10, 0);
                int digit = 0;
                while (BigUnsigned.Compare(r, s) >= 0)
                {
                    r.Subtract(s);
                    digit++;
                }
                int low = BigUnsigned.Compare(r, mMinus);
                bool closeBelow = even ? low <= 0 : low < 0;
                t.Set(r);
                t.Add(mPlus);
                int high = BigUnsigned.Compare(t, s);
                bool closeAbove = even ? high >= 0 : high > 0;
                if (!closeBelow && !closeAbove)
                {
                    digits[count++] = (byte)('0' + digit);
                    continue;
                }
                if (closeBelow && closeAbove)
                {
                    // Both digit and digit + 1 read back as value: take the nearer, and on a tie the even one (as .NET does).
                    t.Set(r);
                    t.ShiftLeft(1);
                    int half = BigUnsigned.Compare(t, s);
                    if (half > 0 || (half == 0 && (digit & 1) == 1)) digit++;
                }
                else if (closeAbove)
                {
                    digit++;
                }
                digits[count++] = (byte)('0' + digit);
                break;
            }

            // A final digit rounded up to 10 carries into the digits before it.
            int i = count - 1;
            while (digits[i] > '9')
            {
                digits[i] = (byte)'0';
                if (i == 0)
                {
                    digits[0] = (byte)'1';
                    k++;
                    break;
                }
                digits[--i]++;
            }
            while (count > 1 && digits[count - 1] == '0') count--;
            exponent = k;
            return count;
        }

        /// <summary>Lays out 0.digits * 10^exponent the way JavaScript prints numbers.</summary>
        private static int Layout(byte[] digits, int count, int exponent, byte[] dest, int p)
        {
            int start = p;
            if (exponent >= count && exponent <= 21)
            {
                for (int i = 0; i < count; i++) dest[p++] = digits[i];
                for (int i = count; i < exponent; i++) dest[p++] = (byte)'0';
            }
            else if (exponent > 0 && exponent <= 21)
            {
                for (int i = 0; i < exponent; i++) dest[p++] = digits[i];
                dest[p++] = (byte)'.';
                for (int i = exponent; i < count; i++) dest[p++] = digits[i];
            }
            else if (exponent > -6 && exponent <= 0)
            {
                dest[p++] = (byte)'0';
                dest[p++] = (byte)'.';
                for (int i = exponent; i < 0; i++) dest[p++] = (byte)'0';
                for (int i = 0; i < count; i++) dest[p++] = digits[i];
            }
            else
            {
                dest[p++] = digits[0];
                if (count > 1)
                {
                    dest[p++] = (byte)'.';
                    for (int i = 1; i < count; i++) dest[p++] = digits[i];
                }
                dest[p++] = (byte)'e';
                int e = exponent - 1;
                if (e < 0)
                {
                    dest[p++] = (byte)'-';
                    e = -e;
                }
                else
                {
                    dest[p++] = (byte)'+';
                }
                p += WriteInteger((ulong)e, dest, p);
            }
            return p - start;
        }
    }
}

using System;

namespace Clife.Device.Text
{
    /// <summary>
    /// Converts a decimal number literal (JSON grammar, already validated) to the nearest double, ties to even, exactly
    /// as IEEE 754 and .NET do. Common literals take an allocation-free fast path; the rest are decided exactly with
    /// big integers. Written in the core because the device's own double parsing is not guaranteed to be exact.
    /// </summary>
    internal static class DoubleParser
    {
        /// <summary>Digits beyond this many significant ones only matter as "something non-zero follows".</summary>
        private const int MaxDigits = 800;

        private const ulong TwoTo53 = 1UL << 53;
        private const long MaxFiniteBits = 0x7FEFFFFFFFFFFFFFL;

        /// <summary>10^0 .. 10^22, all exactly representable as doubles.</summary>
        internal static readonly double[] PowersOf10 =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>
        /// Parses the well-formed literal in b[start..start+length). Returns false when its magnitude is too large for a
        /// double (it would be infinity); values too small for a double become zero of the literal's sign.
        /// </summary>
        public static bool TryParse(byte[] b, int start, int length, out double value)
        {
            int i = start;
            int end = start + length;
            bool negative = false;
            if (b[i] == '-')
            {
                negative = true;
                i++;
            }
            int intStart = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') i++;
            int intDigits = i - intStart;
            int fracStart = i;
            int fracDigits = 0;
            if (i < end && b[i] == '.')
            {
                i++;
                fracStart = i;
                while (i < end && b[i] >= '0' && b[i] <= '9') i++;
                fracDigits = i - fracStart;
            }
            long exponent = 0;
            if (i < end)
            {
                i++; // 'e' or 'E'
                bool negativeExponent = false;
                if (b[i] == '+')
                {
                    i++;
                }
                else if (b[i] == '-')
                {
                    negativeExponent = true;
                    i++;
                }
                for (; i < end; i++)
                {
                    if (exponent < 100000000L) exponent = exponent * 10 + (b[i] - '0');
                }
                if (negativeExponent) exponent = -exponent;
            }

            // Digit number p (0-based, integer digits then fraction digits) lives at Index(p).
            int total = intDigits + fracDigits;
            int first = 0;
            while (first < total && b[Index(first, intStart, intDigits, fracStart)] == '0') first++;
            if (first == total)
            {
                value = negative ? NegativeZero() : 0.0;
                return true;
            }
            int last = total - 1;
            while (b[Index(last, intStart, intDigits, fracStart)] == '0') last--;

            // value = D * 10^e10, D = digits first..last; value lies in [10^(magnitude-1), 10^magnitude).
            int n = last - first + 1;
            long e10 = exponent + intDigits - 1 - last;
            long magnitude = exponent + intDigits - first;
            if (magnitude >= 310)
            {
                value = 0;
                return false; // >= 10^309, beyond double.MaxValue
            }
            if (magnitude <= -324)
            {
                value = negative ? NegativeZero() : 0.0; // < 10^-324, below half the smallest subnormal
                return true;
            }

            if (n <= 19)
            {
                ulong d = 0;
                for (int p = first; p <= last; p++) d = d * 10 + (ulong)(b[Index(p, intStart, intDigits, fracStart)] - '0');
                if (d <= TwoTo53 && e10 >= -22 && e10 <= 22)
                {
                    // Both operands are exact, so one IEEE operation rounds correctly (Clinger's fast path).
                    double x = e10 >= 0 ? d * PowersOf10[(int)e10] : d / PowersOf10[(int)-e10];
                    value = negative ? -x : x;
                    return true;
                }
            }

            bool ok = SlowPath(b, intStart, intDigits, fracStart, first, n, (int)e10, out value);
            if (negative) value = -value;
            return ok;
        }

        private static int Index(int p, int intStart, int intDigits, int fracStart) =>
            p < intDigits ? intStart + p : fracStart + (p - intDigits);

        private static double NegativeZero() => BitConverter.Int64BitsToDouble(long.MinValue);

        /// <summary>Estimates the double, then walks it ulp by ulp until the exact comparisons agree.</summary>
        private static bool SlowPath(byte[] b, int intStart, int intDigits, int fracStart, int first, int n, int e10, out double value)
        {
            int kept = n > MaxDigits ? MaxDigits : n;
            BigUnsigned digits = new BigUnsigned(kept / 9 + 4);
            int chunkDigits = 0;
            uint chunk = 0;
            ulong leading = 0; // the first 19 significant digits, for the estimate
            for (int k = 0; k < kept; k++)
            {
                uint d = (uint)(b[Index(first + k, intStart, intDigits, fracStart)] - '0');
                if (k < 19) leading = leading * 10 + d;
                chunk = chunk * 10 + d;
                if (++chunkDigits == 9)
                {
                    digits.MultiplyAdd(1000000000, chunk);
                    chunk = 0;
                    chunkDigits = 0;
                }
            }
            if (chunkDigits > 0)
            {
                uint scale = 1;
                for (int k = 0; k < chunkDigits; k++) scale *= 10;
                digits.MultiplyAdd(scale, chunk);
            }
            int exponent = e10 + (n - kept);
            if (kept < n)
            {
                // The dropped tail is non-zero (its last digit is); one sticky digit keeps every comparison exact.
                digits.MultiplyAdd(10, 1);
                exponent--;
            }

            // Estimate: at most a few ulps away.
            int leadingDigits = kept < 19 ? kept : 19;
            long scaleExponent = (long)exponent + (n > kept ? 1 : 0) + (kept - leadingDigits);
            double x = leading;
            while (scaleExponent > 0 && !double.IsPositiveInfinity(x))
            {
                int k = scaleExponent > 22 ? 22 : (int)scaleExponent;
                x *= PowersOf10[k];
                scaleExponent -= k;
            }
            while (scaleExponent < 0 && x != 0)
            {
                int k = -scaleExponent > 22 ? 22 : (int)-scaleExponent;
                x /= PowersOf10[k];
                scaleExponent += k;
            }
            long bits = double.IsPositiveInfinity(x) ? MaxFiniteBits : BitConverter.DoubleToInt64Bits(x);

            // Exact sides of "D * 10^exponent  vs  h * 2^binaryExponent": scaled so both are integers.
            BigUnsigned valueSide = new BigUnsigned(8);
            valueSide.Set(digits);
            if (exponent > 0) valueSide.MultiplyByPowerOf10(exponent);
            BigUnsigned tenSide = new BigUnsigned(4);
            tenSide.Set(1);
            if (exponent < 0) tenSide.MultiplyByPowerOf10(-exponent);
            BigUnsigned left = new BigUnsigned(8);
            BigUnsigned right = new BigUnsigned(8);

            while (true)
            {
                int biased = (int)(bits >> 52);
                ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFFUL;
                ulong m = biased == 0 ? fraction : fraction | (1UL << 52);
                int k = biased == 0 ? -1074 : biased - 1075; // the double is m * 2^k

                // Above the midpoint to the next double (or on it with an odd m): go up.
                int c = CompareValue(valueSide, tenSide, 2 * m + 1, k - 1, left, right);
                if (c > 0 || (c == 0 && (m & 1) == 1))
                {
                    if (bits == MaxFiniteBits)
                    {
                        value = 0;
                        return false;
                    }
                    bits++;
                    continue;
                }
                if (m != 0)
                {
                    // Below the midpoint to the previous double (closer when m starts a binade): go down.
                    c = fraction == 0 && biased > 1
                        ? CompareValue(valueSide, tenSide, 4 * m - 1, k - 2, left, right)
                        : CompareValue(valueSide, tenSide, 2 * m - 1, k - 1, left, right);
                    if (c < 0 || (c == 0 && (m & 1) == 1))
                    {
                        bits--;
                        continue;
                    }
                }
                value = BitConverter.Int64BitsToDouble(bits);
                return true;
            }
        }

        /// <summary>Compares valueSide/tenSide (the decimal) with h * 2^binaryExponent, exactly.</summary>
        private static int CompareValue(BigUnsigned valueSide, BigUnsigned tenSide, ulong h, int binaryExponent,
                                        BigUnsigned left, BigUnsigned right)
        {
            left.Set(valueSide);
            right.Set(h);
            right.Multiply(tenSide);
            if (binaryExponent >= 0) right.ShiftLeft(binaryExponent);
            else left.ShiftLeft(-binaryExponent);
            return BigUnsigned.Compare(left, right);
        }
    }
}

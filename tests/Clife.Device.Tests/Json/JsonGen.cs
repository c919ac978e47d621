using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;

namespace Clife.Device.Tests.Json
{
    /// <summary>CsCheck generators of JSON text: random nesting, whitespace, strings with random unicode and escapes, numbers of every shape.</summary>
    internal static class JsonGen
    {
        public static readonly Gen<string> Whitespace = Gen.OneOf("", "", "", " ", "\n", "\t", "\r\n", "  \t ");

        /// <summary>A code point, biased to the boundaries of the UTF-8 lengths.</summary>
        public static readonly Gen<int> CodePoint = Gen.Frequency(
            (2, Gen.Int[0x00, 0x7F]),
            (2, Gen.Int[0x80, 0x7FF]),
            (3, Gen.Int[0x800, 0xD7FF]),
            (1, Gen.Int[0xE000, 0xFFFF]),
            (2, Gen.Int[0x10000, 0x10FFFF]),
            (1, Gen.OneOf(0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF)));

        /// <summary>One character of a JSON string as written: plain, short escape, \u escape (either hex case), or raw UTF-8.</summary>
        public static readonly Gen<string> StringPiece = Gen.Frequency(
            (6, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (2, Gen.OneOf("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t")),
            (3, Gen.Select(CodePoint, Gen.Bool, (cp, upper) => UnicodeEscape(cp, upper))),
            (3, CodePoint.Select(Raw)),
            (1, Gen.Char[' ', '~'].Select(c => c == '"' || c == '\\' ? "\\" + c : c.ToString())));

        /// <summary>A JSON string token, quotes included.</summary>
        public static readonly Gen<string> String = ArrayOf(StringPiece, 0, 8).Select(pieces => "\"" + string.Concat(pieces) + "\"");

        private static readonly Gen<string> Digits = ArrayOf(Gen.Char['0', '9'], 1, 24).Select(a => new string(a));

        /// <summary>A number literal: sign, zero or a digit run, optional fraction, optional exponent (any case and sign).</summary>
        public static readonly Gen<string> Number = Gen.Select(
            Gen.OneOf("", "", "-"),
            Gen.Frequency((1, Gen.Const("0")), (4, Gen.Select(Gen.Char['1', '9'], Digits, Gen.Bool, (d, rest, longer) => d + (longer ? rest : rest.Substring(0, System.Math.Min(rest.Length, 1 + rest.Length % 3)))))),
            Gen.Frequency((2, Gen.Const("")), (1, Digits.Select(d => "." + d))),
            Gen.Frequency((3, Gen.Const("")), (1, Gen.Select(Gen.OneOf("e", "E"), Gen.OneOf("", "+", "-"), Gen.Int[0, 400], Gen.Bool,
                (e, s, n, pad) => e + s + (pad ? "00" : "") + n.ToString(CultureInfo.InvariantCulture)))),
            (sign, integer, fraction, exponent) => sign + integer + fraction + exponent);

        private static readonly Gen<string> Scalar = Gen.Frequency(
            (3, String), (3, Number), (1, Gen.OneOf("true", "false", "null")));

        /// <summary>Any JSON value, nested up to about six levels.</summary>
        public static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) =>
            depth >= 6
                ? Scalar
                : Gen.Frequency(
                    (4, Scalar),
                    (1, Gen.Select(ArrayOf(self, 0, 5), ArrayOf(Whitespace, 12, 12), (items, ws) => Container('[', ']', items, ws))),
                    (1, Gen.Select(ArrayOf(Gen.Select(String, self, (n, v) => (n, v)), 0, 5), ArrayOf(Whitespace, 12, 12),
                        (members, ws) => Container('{', '}', members.Select((m, i) => m.n + ws[(i + 3) % 12] + ":" + ws[(i + 5) % 12] + m.v).ToArray(), ws)))));

        /// <summary>A whole document: a value with whitespace around it.</summary>
        public static readonly Gen<string> Document = Gen.Select(Whitespace, Value, Whitespace, (a, v, b) => a + v + b);

        /// <summary>Arrays of min..max elements (the static form of CsCheck's C# 14 extension property .Array).</summary>
        public static Gen<T[]> ArrayOf<T>(Gen<T> element, int min, int max) => new GenArray<T>(element)[min, max];

        private static string Container(char open, char close, string[] items, string[] ws)
        {
            var sb = new StringBuilder();
            sb.Append(open).Append(ws[0]);
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0) sb.Append(ws[(i + 1) % 12]).Append(',').Append(ws[(i + 2) % 12]);
                sb.Append(items[i]);
            }
            return sb.Append(ws[11]).Append(close).ToString();
        }

        private static string UnicodeEscape(int cp, bool upper)
        {
            string format = upper ? "X4" : "x4";
            if (cp < 0x10000) return "\\u" + cp.ToString(format, CultureInfo.InvariantCulture);
            string pair = char.ConvertFromUtf32(cp);
            return "\\u" + ((int)pair[0]).ToString(format, CultureInfo.InvariantCulture) + "\\u" + ((int)pair[1]).ToString(format, CultureInfo.InvariantCulture);
        }

        private static string Raw(int cp)
        {
            if (cp < 0x20 || cp == '"' || cp == '\\') return UnicodeEscape(cp, false);
            return char.ConvertFromUtf32(cp);
        }
    }
}

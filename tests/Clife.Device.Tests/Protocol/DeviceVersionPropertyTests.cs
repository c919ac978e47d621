using System;
using System.Linq;
using System.Text.RegularExpressions;
using Clife.Device.Protocol;
using Clife.Device.Text;
using CsCheck;
using Xunit;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>DeviceVersion against independent models: part tuples for order, base-100 numbers for increments, a regex for syntax.</summary>
    public sealed class DeviceVersionPropertyTests
    {
        private static readonly Gen<int[]> SoftwareParts = Gen.OneOf(Gen.Int[0, 99], Gen.OneOf(0, 1, 98, 99)).Array[4];
        private static readonly Gen<int[]> HardwareParts = Gen.OneOf(Gen.Int[0, 99], Gen.OneOf(0, 1, 98, 99)).Array[2];

        [Fact]
        public void Parsing_the_text_of_a_version_gives_an_equal_version()
        {
            SoftwareParts.Sample(parts =>
            {
                DeviceVersion v = Software(parts);
                DeviceVersion back = DeviceVersion.ParseSoftware(v.ToString());
                Assert.Equal(v, back);
                Assert.Equal(v.ToString(), back.ToString());
                Assert.Equal(string.Join(".", parts), v.ToString());
            });
            HardwareParts.Sample(parts =>
            {
                DeviceVersion v = DeviceVersion.Hardware(parts[0], parts[1]);
                Assert.Equal(v, DeviceVersion.ParseHardware(v.ToString()));
                Assert.Equal(parts[0] + "." + parts[1], v.ToString());
            });
        }

        [Fact]
        public void Leading_zeros_and_dropped_trailing_zero_parts_do_not_change_the_version()
        {
            Gen.Select(SoftwareParts, Gen.Int[0, 3].Array[4]).Sample((parts, zeros) =>
            {
                int kept = 4;
                while (kept > 1 && parts[kept - 1] == 0) kept--;
                string text = string.Join(".", parts.Take(kept).Select((p, i) => new string('0', zeros[i]) + p));
                DeviceVersion parsed = DeviceVersion.ParseSoftware(text);
                Assert.Equal(Software(parts), parsed);
                Assert.Equal(string.Join(".", parts), parsed.ToString());
            });
        }

        [Fact]
        public void CompareTo_agrees_with_comparing_the_part_tuples_and_equality_and_hash_agree()
        {
            Gen.Select(SoftwareParts, SoftwareParts).Sample((a, b) =>
            {
                DeviceVersion va = Software(a), vb = Software(b);
                int expected = Math.Sign((a[0], a[1], a[2], a[3]).CompareTo((b[0], b[1], b[2], b[3])));
                Assert.Equal(expected, Math.Sign(va.CompareTo(vb)));
                Assert.Equal(-expected, Math.Sign(vb.CompareTo(va)));
                Assert.Equal(expected == 0, va.Equals(vb));
                if (expected == 0) Assert.Equal(va.GetHashCode(), vb.GetHashCode());
            });
        }

        [Fact]
        public void Increment_adds_one_unit_of_its_level_in_base_100_after_clearing_the_lower_parts()
        {
            Gen.Select(SoftwareParts, Gen.Int[0, 3]).Sample((parts, level) =>
            {
                DeviceVersion v = Software(parts);
                long unit = (long)Math.Pow(100, 3 - level);
                long expected = Value(parts) / unit * unit + unit;
                if (expected >= 100_000_000)
                {
                    Assert.Throws<InvalidOperationException>(() => v.Increment(level));
                    Assert.All(parts.Take(level + 1), p => Assert.Equal(99, p));
                    return;
                }
                DeviceVersion next = v.Increment(level);
                Assert.Equal(expected, Value(Enumerable.Range(0, 4).Select(next.Part).ToArray()));
                Assert.True(next.CompareTo(v) > 0, next + " must be greater than " + v);
            });
        }

        [Fact]
        public void Any_text_either_parses_as_a_well_formed_version_or_throws_a_codec_exception()
        {
            var wellFormed = new Regex(@"^(0*[0-9]?[0-9])(\.0*[0-9]?[0-9]){0,3}$");
            var text = Gen.OneOf(Gen.String[Gen.Char["0123456789.a -"], 0, 14], Gen.String);
            text.Sample(s =>
            {
                bool valid = wellFormed.IsMatch(s);
                try
                {
                    DeviceVersion.ParseSoftware(s);
                    Assert.True(valid, "parsed malformed text \"" + s + "\"");
                }
                catch (CodecException)
                {
                    Assert.False(valid, "rejected well-formed text \"" + s + "\"");
                }
                Assert.Equal(valid, DeviceVersion.TryParseSoftware(s, out _));
            }, iter: 2000);
        }

        private static DeviceVersion Software(int[] p) => DeviceVersion.Software(p[0], p[1], p[2], p[3]);

        private static long Value(int[] p) => ((p[0] * 100L + p[1]) * 100 + p[2]) * 100 + p[3];
    }
}

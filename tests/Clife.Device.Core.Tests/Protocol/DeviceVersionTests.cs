using System;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>Version numbers of spec 5.1: parsing, canonical text, numerical ordering, increment with carry at 100.</summary>
    public sealed class DeviceVersionTests
    {
        public void A_software_version_has_four_parts_and_prints_them_all()
        {
            DeviceVersion v = DeviceVersion.ParseSoftware("1.2.3.4");
            Check.Equal(4L, v.PartCount, "parts");
            Check.False(v.IsHardware, "is hardware");
            Check.Equal(1L, v.Major, "major");
            Check.Equal(2L, v.Minor, "minor");
            Check.Equal(3L, v.Part(DeviceVersion.RevisionLevel), "revision");
            Check.Equal(4L, v.Part(DeviceVersion.FixLevel), "fix");
            Check.Equal("1.2.3.4", v.ToString());
        }

        public void Missing_software_parts_are_zero_in_the_canonical_text()
        {
            Check.Equal("1.0.0.0", DeviceVersion.ParseSoftware("1").ToString());
            Check.Equal("1.0.2.0", DeviceVersion.ParseSoftware("1.0.2").ToString());
        }

        public void A_hardware_version_has_two_parts()
        {
            DeviceVersion v = DeviceVersion.ParseHardware("02");
            Check.True(v.IsHardware, "is hardware");
            Check.Equal(2L, v.PartCount, "parts");
            Check.Equal("2.0", v.ToString());
            Check.Equal("1.5", DeviceVersion.ParseHardware("1.5").ToString());
            Check.Equal(0L, v.Part(DeviceVersion.FixLevel), "a level hardware does not have reads as 0");
        }

        public void Leading_zeros_do_not_count()
        {
            Check.True(DeviceVersion.ParseSoftware("01").Equals(DeviceVersion.ParseSoftware("1")), "01 equals 1");
            Check.Equal("1.2.0.7", DeviceVersion.ParseSoftware("001.02.00.0000007").ToString());
        }

        public void Missing_parts_compare_as_zero()
        {
            DeviceVersion shortForm = DeviceVersion.ParseSoftware("1.0");
            DeviceVersion longForm = DeviceVersion.ParseSoftware("1.0.0.0");
            Check.True(shortForm.Equals(longForm), "1.0 equals 1.0.0.0");
            Check.Equal(0L, shortForm.CompareTo(longForm), "compare");
            Check.Equal((long)longForm.GetHashCode(), shortForm.GetHashCode(), "hash codes");
        }

        public void Parts_compare_as_numbers_not_as_text()
        {
            Check.True(DeviceVersion.ParseSoftware("1.0.10.0").CompareTo(DeviceVersion.ParseSoftware("1.0.9.0")) > 0, "1.0.10.0 > 1.0.9.0");
            Check.True(DeviceVersion.ParseSoftware("1.0.9.0").CompareTo(DeviceVersion.ParseSoftware("1.0.10.0")) < 0, "1.0.9.0 < 1.0.10.0");
            Check.True(DeviceVersion.ParseSoftware("2").CompareTo(DeviceVersion.ParseSoftware("1.99.99.99")) > 0, "2 > 1.99.99.99");
        }

        public void Versions_sort_by_major_then_minor_then_revision_then_fix()
        {
            string[] ascending = { "0.0.0.0", "0.0.0.1", "0.0.1.0", "0.0.1.99", "0.1.0.0", "0.99.99.99", "1.0.0.0", "1.0.0.1", "10.0.0.0", "99.99.99.99" };
            for (int i = 0; i < ascending.Length; i++)
            {
                for (int j = 0; j < ascending.Length; j++)
                {
                    int expected = i < j ? -1 : i > j ? 1 : 0;
                    int actual = DeviceVersion.ParseSoftware(ascending[i]).CompareTo(DeviceVersion.ParseSoftware(ascending[j]));
                    Check.Equal(expected, actual, ascending[i] + " vs " + ascending[j]);
                }
            }
        }

        public void A_version_is_greater_than_null_and_not_equal_to_other_types()
        {
            DeviceVersion v = DeviceVersion.ParseSoftware("1");
            Check.Equal(1L, v.CompareTo((DeviceVersion?)null), "compare with null");
            Check.False(v.Equals("1.0.0.0"), "equals a string");
            Check.Throws(typeof(ArgumentException), () => v.CompareTo((object)"1.0.0.0"));
            Check.False(v.Equals(null), "equals null");
        }

        public void Increment_raises_the_part_at_the_level_and_resets_the_lower_parts()
        {
            DeviceVersion v = DeviceVersion.ParseSoftware("1.2.3.4");
            Check.Equal("2.0.0.0", v.Increment(DeviceVersion.MajorLevel).ToString(), "major");
            Check.Equal("1.3.0.0", v.Increment(DeviceVersion.MinorLevel).ToString(), "minor");
            Check.Equal("1.2.4.0", v.Increment(DeviceVersion.RevisionLevel).ToString(), "revision");
            Check.Equal("1.2.3.5", v.Increment(DeviceVersion.FixLevel).ToString(), "fix");
            Check.Equal("1.2.3.4", v.ToString(), "the original is unchanged");
        }

        public void Increment_carries_into_the_part_above_when_a_part_reaches_100()
        {
            Check.Equal("1.0.1.0", DeviceVersion.ParseSoftware("1.0.0.99").Increment(DeviceVersion.FixLevel).ToString(), "fix carry");
            Check.Equal("2.0.0.0", DeviceVersion.ParseSoftware("1.99.99.99").Increment(DeviceVersion.FixLevel).ToString(), "carry to major");
            Check.Equal("1.1.0.0", DeviceVersion.ParseSoftware("1.0.99.5").Increment(DeviceVersion.RevisionLevel).ToString(), "revision carry resets fix");
            Check.Equal("2.0", DeviceVersion.ParseHardware("1.99").Increment(DeviceVersion.MinorLevel).ToString(), "hardware carry");
        }

        public void Increment_beyond_major_99_is_an_error()
        {
            Exception e = Check.Throws(typeof(InvalidOperationException),
                () => DeviceVersion.ParseSoftware("99.99.99.99").Increment(DeviceVersion.FixLevel));
            Check.Contains("99.99.99.99", e.Message);
            Check.Throws(typeof(InvalidOperationException), () => DeviceVersion.ParseSoftware("99.5").Increment(DeviceVersion.MajorLevel));
            Check.Throws(typeof(InvalidOperationException), () => DeviceVersion.ParseHardware("99.99").Increment(DeviceVersion.MinorLevel));
        }

        public void Increment_at_a_level_the_kind_does_not_have_is_an_argument_error()
        {
            Check.Throws(typeof(ArgumentOutOfRangeException), () => DeviceVersion.ParseHardware("1.0").Increment(DeviceVersion.RevisionLevel));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => DeviceVersion.ParseSoftware("1").Increment(-1));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => DeviceVersion.ParseSoftware("1").Increment(4));
        }

        public void Malformed_software_versions_are_rejected_naming_the_text_and_the_problem()
        {
            string[] texts = { "", "1..2", ".1", "1.", "1.a", "1.-1", " 1", "1 ", "+1", "1,0", "1.100", "100", "1.2.3.4.5", "1.0.0.0.0", "v1.0" };
            string[] problems =
            {
                "it is empty", "part 2 is empty", "part 1 is empty", "part 2 is empty", "part 2 has a character that is not a digit",
                "part 2 has a character that is not a digit", "part 1 has a character that is not a digit",
                "part 1 has a character that is not a digit", "part 1 has a character that is not a digit",
                "part 1 has a character that is not a digit", "part 2 is greater than 99", "part 1 is greater than 99",
                "more than 4 parts", "more than 4 parts", "part 1 has a character that is not a digit",
            };
            for (int i = 0; i < texts.Length; i++)
            {
                Exception e = Check.Throws(typeof(CodecException), () => DeviceVersion.ParseSoftware(texts[i]));
                Check.Contains("software version \"" + texts[i] + "\"", e.Message);
                Check.Contains(problems[i], e.Message);
                DeviceVersion? parsed;
                Check.False(DeviceVersion.TryParseSoftware(texts[i], out parsed), "TryParse of \"" + texts[i] + "\"");
                Check.Null(parsed, "TryParse result of \"" + texts[i] + "\"");
            }
        }

        public void Malformed_hardware_versions_are_rejected()
        {
            Exception e = Check.Throws(typeof(CodecException), () => DeviceVersion.ParseHardware("1.2.3"));
            Check.Contains("hardware version \"1.2.3\"", e.Message);
            Check.Contains("more than 2 parts", e.Message);
            Check.Throws(typeof(CodecException), () => DeviceVersion.ParseHardware("1.x"));
            DeviceVersion? parsed;
            Check.False(DeviceVersion.TryParseHardware("1.0.0.0", out parsed), "four parts");
        }

        public void A_missing_version_is_rejected()
        {
            Exception e = Check.Throws(typeof(CodecException), () => DeviceVersion.ParseSoftware(null));
            Check.Contains("(null)", e.Message);
            Check.Contains("missing", e.Message);
            DeviceVersion? parsed;
            Check.False(DeviceVersion.TryParseHardware(null, out parsed), "TryParse of null");
        }

        public void Very_long_digit_runs_are_rejected_without_overflow_and_long_text_is_shortened()
        {
            string digits = TestData.Repeat("9", 60);
            Exception e = Check.Throws(typeof(CodecException), () => DeviceVersion.ParseSoftware(digits));
            Check.Contains("greater than 99", e.Message);
            Check.DoesNotContain(digits, e.Message);
            Check.Equal("0.0.0.0", DeviceVersion.ParseSoftware(TestData.Repeat("0", 60)).ToString(), "many zeros");
        }

        public void TryParse_gives_the_version_when_the_text_is_valid()
        {
            DeviceVersion? parsed;
            Check.True(DeviceVersion.TryParseSoftware("3.1", out parsed), "TryParseSoftware");
            Check.Equal("3.1.0.0", parsed!.ToString());
            Check.True(DeviceVersion.TryParseHardware("4", out parsed), "TryParseHardware");
            Check.Equal("4.0", parsed!.ToString());
        }

        public void Versions_built_from_parts_check_each_part()
        {
            Check.Equal("1.2.3.4", DeviceVersion.Software(1, 2, 3, 4).ToString());
            Check.Equal("5.6", DeviceVersion.Hardware(5, 6).ToString());
            Check.Throws(typeof(ArgumentOutOfRangeException), () => DeviceVersion.Software(1, 100, 0, 0));
            Check.Throws(typeof(ArgumentOutOfRangeException), () => DeviceVersion.Hardware(-1, 0));
        }
    }
}

using System;
using Clife.Device.Crypto;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>CRC-32/IEEE against its published check values, and the continue-from-previous convention.</summary>
    public sealed class Crc32Tests
    {
        public void Crc32_of_123456789_is_the_catalogue_check_value_cbf43926()
        {
            byte[] data = TestData.Ascii("123456789");
            Check.Equal(0xCBF43926L, Crc32.Compute(data, 0, data.Length));
        }

        public void Crc32_of_the_quick_brown_fox_is_414fa339()
        {
            byte[] data = TestData.Ascii("The quick brown fox jumps over the lazy dog");
            Check.Equal(0x414FA339L, Crc32.Compute(data, 0, data.Length));
        }

        public void Crc32_of_one_zero_byte_is_d202ef8d()
        {
            Check.Equal(0xD202EF8DL, Crc32.Compute(new byte[1], 0, 1));
        }

        public void Crc32_of_nothing_is_zero()
        {
            Check.Equal(0L, Crc32.Compute(new byte[0], 0, 0));
        }

        public void Crc32_continued_from_the_previous_value_at_any_split_equals_the_one_shot_value()
        {
            byte[] data = TestData.Ascii("123456789");
            for (int split = 0; split <= data.Length; split++)
            {
                uint crc = Crc32.Update(0, data, 0, split);
                crc = Crc32.Update(crc, data, split, data.Length - split);
                Check.Equal(0xCBF43926L, crc, "split at " + split.ToString());
            }
        }

        public void Crc32_of_a_range_ignores_the_bytes_around_it()
        {
            byte[] data = TestData.Ascii("xx123456789yy");
            Check.Equal(0xCBF43926L, Crc32.Compute(data, 2, 9));
        }

        public void Crc32_rejects_ranges_outside_the_array()
        {
            Check.Throws(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(new byte[4], 1, 4));
            Check.Throws(typeof(ArgumentNullException), () => Crc32.Update(0, null!, 0, 0));
        }
    }
}

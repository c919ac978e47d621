using System;
using Clife.Device.Text;

namespace Clife.Device.Protocol
{
    /// <summary>A software ("major.minor.revision.fix") or hardware ("major.minor") version number of the protocol (spec 5.1).</summary>
    /// <remarks>
    /// Each part counts 0..99. Text may give fewer parts than the kind has; missing parts are 0, and leading zeros are
    /// allowed, so "01" equals "1" and "1.0" equals "1.0.0.0". Comparison and equality are numerical, part by part,
    /// with missing parts 0; the kind (software or hardware) does not take part in them.
    /// </remarks>
    public sealed class DeviceVersion : IComparable
    {
        /// <summary>Number of parts of a software version.</summary>
        public const int SoftwarePartCount = 4;

        /// <summary>Number of parts of a hardware version.</summary>
        public const int HardwarePartCount = 2;

        /// <summary>Largest value of a part; one more carries into the part above.</summary>
        public const int MaxPart = 99;

        /// <summary>Level of the major part, for <see cref="Part"/> and <see cref="Increment"/>.</summary>
        public const int MajorLevel = 0;

        /// <summary>Level of the minor part.</summary>
        public const int MinorLevel = 1;

        /// <summary>Level of the revision part (software only).</summary>
        public const int RevisionLevel = 2;

        /// <summary>Level of the fix part (software only).</summary>
        public const int FixLevel = 3;

        private const int MaxPartCount = SoftwarePartCount;
        private const int MaxTextShown = 40;
        private const char Separator = '.';

        private readonly int[] _parts;

        private DeviceVersion(int[] parts)
        {
            _parts = parts;
        }

        /// <summary>Number of parts: 4 for software, 2 for hardware.</summary>
        public int PartCount => _parts.Length;

        /// <summary>True for a hardware version (2 parts).</summary>
        public bool IsHardware => _parts.Length == HardwarePartCount;

        /// <summary>The major part.</summary>
        public int Major => _parts[MajorLevel];

        /// <summary>The minor part.</summary>
        public int Minor => _parts[MinorLevel];

        /// <summary>The part at <paramref name="level"/> (0 = major); 0 for a level the kind does not have.</summary>
        public int Part(int level)
        {
            if (level < 0) throw new ArgumentOutOfRangeException(nameof(level), "version level must be 0 (major) or more");
            return level < _parts.Length ? _parts[level] : 0;
        }

        /// <summary>Returns the software version major.minor.revision.fix; each part must be 0..99.</summary>
        public static DeviceVersion Software(int major, int minor, int revision, int fix) =>
            new DeviceVersion(new int[] { CheckPart(major), CheckPart(minor), CheckPart(revision), CheckPart(fix) });

        /// <summary>Returns the hardware version major.minor; each part must be 0..99.</summary>
        public static DeviceVersion Hardware(int major, int minor) =>
            new DeviceVersion(new int[] { CheckPart(major), CheckPart(minor) });

        /// <summary>Parses a software version of 1 to 4 dot-separated parts.</summary>
        /// <exception cref="CodecException">The text is null, empty or malformed; the message names the text and the problem.</exception>
        public static DeviceVersion ParseSoftware(string? text) => Parse(text, SoftwarePartCount, "software");

        /// <summary>Parses a hardware version of 1 or 2 dot-separated parts.</summary>
        /// <exception cref="CodecException">The text is null, empty or malformed; the message names the text and the problem.</exception>
        public static DeviceVersion ParseHardware(string? text) => Parse(text, HardwarePartCount, "hardware");

        /// <summary>Parses a software version; returns false (and null) when the text is not one.</summary>
        public static bool TryParseSoftware(string? text, out DeviceVersion? version) => TryParse(text, SoftwarePartCount, out version);

        /// <summary>Parses a hardware version; returns false (and null) when the text is not one.</summary>
        public static bool TryParseHardware(string? text, out DeviceVersion? version) => TryParse(text, HardwarePartCount, out version);

        /// <summary>Returns the version one step up at <paramref name="level"/> (0 = major): that part plus one, the parts below it 0, and a part reaching 100 carried into the part above.</summary>
        /// <exception cref="InvalidOperationException">The major part would exceed 99.</exception>
        public DeviceVersion Increment(int level)
        {
            if (level < 0 || level >= _parts.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(level), "version level must be 0.." + (_parts.Length - 1).ToString()
                    + " for a version of " + _parts.Length.ToString() + " parts");
            }
            int[] parts = new int[_parts.Length];
            Array.Copy(_parts, parts, level + 1);
            for (; level >= 0; level--)
            {
                if (parts[level] < MaxPart)
                {
                    parts[level]++;
                    return new DeviceVersion(parts);
                }
                parts[level] = 0;
            }
            throw new InvalidOperationException("version " + ToString() + " cannot be incremented: the major part would exceed " + MaxPart.ToString());
        }

        /// <summary>Compares numerically part by part, missing parts being 0: negative when this is lower, 0 when equal, positive when higher.</summary>
        public int CompareTo(DeviceVersion? other)
        {
            if (other == null) return 1;
            for (int level = 0; level < MaxPartCount; level++)
            {
                int difference = Part(level) - other.Part(level);
                if (difference != 0) return difference < 0 ? -1 : 1;
            }
            return 0;
        }

        /// <summary>Compares with another <see cref="DeviceVersion"/> (see <see cref="CompareTo(DeviceVersion)"/>); null sorts first.</summary>
        public int CompareTo(object? other)
        {
            if (other != null && !(other is DeviceVersion))
                throw new ArgumentException("a DeviceVersion can only be compared with a DeviceVersion", nameof(other));
            return CompareTo((DeviceVersion?)other);
        }

        /// <summary>True when <paramref name="obj"/> is a version with the same numerical parts (missing parts 0).</summary>
        public override bool Equals(object? obj) => obj is DeviceVersion other && CompareTo(other) == 0;

        /// <summary>A hash consistent with <see cref="Equals(object)"/>.</summary>
        public override int GetHashCode()
        {
            int hash = 0;
            for (int level = 0; level < MaxPartCount; level++) hash = hash * (MaxPart + 1) + Part(level);
            return hash;
        }

        /// <summary>The canonical text with every part of the kind, e.g. "1.0.2.0" or "2.0".</summary>
        public override string ToString()
        {
            string text = _parts[0].ToString();
            for (int level = 1; level < _parts.Length; level++) text += Separator + _parts[level].ToString();
            return text;
        }

        private static DeviceVersion Parse(string? text, int partCount, string kind)
        {
            int[] parts = new int[partCount];
            string? problem = TryParseParts(text, parts);
            if (problem != null) throw new CodecException(kind + " version " + Show(text) + " is malformed: " + problem);
            return new DeviceVersion(parts);
        }

        private static bool TryParse(string? text, int partCount, out DeviceVersion? version)
        {
            int[] parts = new int[partCount];
            version = TryParseParts(text, parts) == null ? new DeviceVersion(parts) : null;
            return version != null;
        }

        /// <summary>Fills <paramref name="parts"/> from the text (missing parts stay 0); returns null, or what is wrong with the text.</summary>
        private static string? TryParseParts(string? text, int[] parts)
        {
            if (text == null) return "it is missing";
            if (text.Length == 0) return "it is empty";
            int part = 0, value = 0, digits = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == Separator)
                {
                    if (digits == 0) return "part " + (part + 1).ToString() + " is empty";
                    if (part == parts.Length) return "it has more than " + parts.Length.ToString() + " parts";
                    parts[part++] = value;
                    value = 0;
                    digits = 0;
                    continue;
                }
                char c = text[i];
                if (c < '0' || c > '9') return "part " + (part + 1).ToString() + " has a character that is not a digit 0-9";
                value = value * 10 + (c - '0');
                digits++;
                // Checked per digit so that long runs of digits cannot overflow int.
                if (value > MaxPart) return "part " + (part + 1).ToString() + " is greater than " + MaxPart.ToString();
            }
            return null;
        }

        private static int CheckPart(int value)
        {
            if (value < 0 || value > MaxPart)
                throw new ArgumentOutOfRangeException(nameof(value), "a version part must be 0.." + MaxPart.ToString() + ", not " + value.ToString());
            return value;
        }

        private static string Show(string? text)
        {
            if (text == null) return "(null)";
            if (text.Length > MaxTextShown) return "\"" + text.Substring(0, MaxTextShown) + "...\"";
            return "\"" + text + "\"";
        }
    }
}

using Clife.Device.Crypto;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Tests.Ota
{
    /// <summary>Image bundles for the OTA tests, and the digests the platform sends with them.</summary>
    public static class TestImages
    {
        /// <summary>Hardware version of the test board.</summary>
        public const string Hardware = "1.0";
        /// <summary>Entry point of a normal application image.</summary>
        public const string AppEntryPoint = "Clife.Device.Esp32.Program";
        /// <summary>Entry point of an image that starts but never gets a network (it cannot confirm itself).</summary>
        public const string NoNetworkEntryPoint = "Test.NoNetwork";
        /// <summary>Entry point of an image whose start fails (the loader reboots).</summary>
        public const string CrashingEntryPoint = "Test.CrashOnStart";

        /// <summary>A bundle of exactly <paramref name="totalBytes"/> bytes: one assembly filled with a pattern seeded by the version.</summary>
        public static byte[] Build(string software, int productVer, int totalBytes) => Build(software, productVer, totalBytes, AppEntryPoint);

        /// <summary>A bundle of exactly <paramref name="totalBytes"/> bytes with the given entry point.</summary>
        public static byte[] Build(string software, int productVer, int totalBytes, string entryPoint)
        {
            string name = "Clife.Device.App.pe";
            int header = BundleHeader.FixedSize + Utf8.GetBytes(entryPoint).Length + BundleHeader.EntryFixedSize + Utf8.GetBytes(name).Length;
            byte[] assembly = TestData.Pattern(totalBytes - header, Seed(software));
            return Bundle.Build(DeviceVersion.ParseSoftware(software), DeviceVersion.ParseHardware(Hardware), productVer, entryPoint,
                                new string[] { name }, new byte[][] { assembly });
        }

        /// <summary>A bundle with several assemblies of the given lengths.</summary>
        public static byte[] BuildMany(string software, int productVer, string[] names, int[] lengths)
        {
            byte[][] assemblies = new byte[names.Length][];
            for (int i = 0; i < names.Length; i++) assemblies[i] = TestData.Pattern(lengths[i], Seed(software) + i);
            return Bundle.Build(DeviceVersion.ParseSoftware(software), DeviceVersion.ParseHardware(Hardware), productVer, AppEntryPoint,
                                names, assemblies);
        }

        /// <summary>Lowercase hex MD5 of the bytes.</summary>
        public static string Md5Hex(byte[] data)
        {
            byte[] digest = Md5.Hash(data, 0, data.Length);
            return Hex.Encode(digest, 0, digest.Length);
        }

        /// <summary>The clife checkSum: sum of the bytes modulo 2^32.</summary>
        public static long Sum(byte[] data) => CheckSum.Compute(data, 0, data.Length);

        /// <summary>Header length as the bundle states it.</summary>
        public static int HeaderLength(byte[] bundle) => Get16(bundle, 6);

        /// <summary>Recomputes the header CRC after a test changed header bytes (over the header length the bundle states).</summary>
        public static void Reseal(byte[] bundle)
        {
            int length = HeaderLength(bundle);
            if (length > bundle.Length) length = bundle.Length;
            Put32(bundle, 28, 0);
            Put32(bundle, 28, Crc32.Compute(bundle, 0, length));
        }

        /// <summary>A copy of part of an array.</summary>
        public static byte[] Slice(byte[] data, int offset, int count)
        {
            byte[] copy = new byte[count];
            System.Array.Copy(data, offset, copy, 0, count);
            return copy;
        }

        /// <summary>A copy of the array.</summary>
        public static byte[] Copy(byte[] data) => Slice(data, 0, data.Length);

        /// <summary>The bytes with <paramref name="count"/> bytes inserted at <paramref name="at"/> (header surgery).</summary>
        public static byte[] Insert(byte[] data, int at, byte[] inserted)
        {
            byte[] result = new byte[data.Length + inserted.Length];
            System.Array.Copy(data, 0, result, 0, at);
            System.Array.Copy(inserted, 0, result, at, inserted.Length);
            System.Array.Copy(data, at, result, at + inserted.Length, data.Length - at);
            return result;
        }

        /// <summary>Reads a little-endian u16.</summary>
        public static int Get16(byte[] data, int at) => data[at] | (data[at + 1] << 8);

        /// <summary>Writes a little-endian u16.</summary>
        public static void Put16(byte[] data, int at, int value)
        {
            data[at] = (byte)value;
            data[at + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a little-endian u32.</summary>
        public static void Put32(byte[] data, int at, uint value)
        {
            for (int i = 0; i < 4; i++) data[at + i] = (byte)(value >> (8 * i));
        }

        private static int Seed(string software)
        {
            int seed = 17;
            for (int i = 0; i < software.Length; i++) seed = seed * 31 + software[i];
            return seed;
        }
    }
}

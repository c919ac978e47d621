using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Protocol;

namespace Clife.Device.Ota
{
    /// <summary>Builds image bundles and verifies them where they are stored.</summary>
    public static class Bundle
    {
        /// <summary>Packs assemblies into a bundle (header followed by the assemblies).</summary>
        public static byte[] Build(DeviceVersion software, DeviceVersion hardware, int productVer, string entryPoint,
                                   string[] names, byte[][] assemblies)
        {
            int[] lengths = new int[assemblies.Length];
            uint crc = 0;
            int payload = 0;
            for (int i = 0; i < assemblies.Length; i++)
            {
                lengths[i] = assemblies[i].Length;
                crc = Crc32.Update(crc, assemblies[i], 0, assemblies[i].Length);
                payload += assemblies[i].Length;
            }
            byte[] header = BundleHeader.Build(software, hardware, productVer, entryPoint, names, lengths, crc);
            byte[] bundle = new byte[header.Length + payload];
            System.Array.Copy(header, bundle, header.Length);
            int at = header.Length;
            for (int i = 0; i < assemblies.Length; i++)
            {
                System.Array.Copy(assemblies[i], 0, bundle, at, assemblies[i].Length);
                at += assemblies[i].Length;
            }
            return bundle;
        }

        /// <summary>
        /// Checks the bundle stored at the start of a flash area: a valid header, a size that fits the area (and
        /// equals <paramref name="expectedLength"/> when that is not -1), and the payload CRC. Reads through the
        /// scratch buffer (at least <see cref="BundleHeader.MaxHeaderSize"/> bytes), so memory use does not grow
        /// with the image. Throws a BundleException naming the problem.
        /// </summary>
        public static BundleHeader Verify(IFlashArea area, long expectedLength, byte[] scratch)
        {
            int first = scratch.Length < area.Size ? scratch.Length : area.Size;
            if (first > BundleHeader.MaxHeaderSize) first = BundleHeader.MaxHeaderSize;
            area.Read(0, scratch, 0, first);
            BundleHeader header = BundleHeader.Parse(scratch, 0, expectedLength >= 0 && expectedLength < first ? (int)expectedLength : first);
            if (expectedLength >= 0 && header.TotalLength != expectedLength)
                throw new BundleException("bundle says it is " + header.TotalLength.ToString() + " bytes but the file has " + expectedLength.ToString());
            if (header.TotalLength > area.Size)
                throw new BundleException("bundle of " + header.TotalLength.ToString() + " bytes does not fit a slot of " + area.Size.ToString());
            uint crc = 0;
            int at = header.HeaderLength;
            int end = header.TotalLength;
            while (at < end)
            {
                int n = end - at;
                if (n > scratch.Length) n = scratch.Length;
                area.Read(at, scratch, 0, n);
                crc = Crc32.Update(crc, scratch, 0, n);
                at += n;
            }
            if (crc != header.PayloadCrc) throw new BundleException("bundle payload is corrupt (CRC mismatch)");
            return header;
        }
    }
}

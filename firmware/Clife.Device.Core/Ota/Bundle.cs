using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Protocol;

namespace Clife.Device.Ota
{
    /// <summary>Builds image bundles and verifies them where they are stored.</summary>
    public static class Bundle
    {
        /// <summary>Packs assemblies into a bundle, stored as they are (hosts use a compressing builder on top of <see cref="Pack"/>).</summary>
        public static byte[] Build(DeviceVersion software, DeviceVersion hardware, int productVer, string entryPoint,
                                   string[] names, byte[][] assemblies)
        {
            int[] originals = new int[assemblies.Length];
            int[] methods = new int[assemblies.Length];
            uint[] crcs = new uint[assemblies.Length];
            for (int i = 0; i < assemblies.Length; i++)
            {
                originals[i] = assemblies[i].Length;
                methods[i] = BundleHeader.MethodStored;
                crcs[i] = Crc32.Compute(assemblies[i], 0, assemblies[i].Length);
            }
            return Pack(software, hardware, productVer, entryPoint, names, assemblies, originals, methods, crcs);
        }

        /// <summary>
        /// Packs assemblies as given (stored bytes, with their expanded lengths, methods and CRCs of the expanded bytes)
        /// into a bundle: the header, then the stored bytes.
        /// </summary>
        public static byte[] Pack(DeviceVersion software, DeviceVersion hardware, int productVer, string entryPoint,
                                  string[] names, byte[][] stored, int[] originalLengths, int[] methods, uint[] crcs)
        {
            int[] lengths = new int[stored.Length];
            uint crc = 0;
            int payload = 0;
            for (int i = 0; i < stored.Length; i++)
            {
                lengths[i] = stored[i].Length;
                crc = Crc32.Update(crc, stored[i], 0, stored[i].Length);
                payload += stored[i].Length;
            }
            byte[] header = BundleHeader.Build(software, hardware, productVer, entryPoint, names, lengths, originalLengths, methods, crcs, crc);
            byte[] bundle = new byte[header.Length + payload];
            System.Array.Copy(header, bundle, header.Length);
            int at = header.Length;
            for (int i = 0; i < stored.Length; i++)
            {
                System.Array.Copy(stored[i], 0, bundle, at, stored[i].Length);
                at += stored[i].Length;
            }
            return bundle;
        }

        /// <summary>
        /// Reads one assembly of a bundle stored in a flash area as the loader needs it: expanded (inflated when
        /// compressed) into a new array of its original length, with its CRC checked. Throws a BundleException when
        /// it does not expand or its CRC does not match.
        /// </summary>
        public static byte[] ReadAssembly(IFlashArea area, BundleHeader header, int index, Inflate inflater)
        {
            byte[] assembly = new byte[header.OriginalLengths[index]];
            int offset = header.OffsetOf(index);
            if (header.Methods[index] == BundleHeader.MethodDeflate) inflater.Decompress(area, offset, header.Lengths[index], assembly);
            else area.Read(offset, assembly, 0, assembly.Length);
            if (Crc32.Compute(assembly, 0, assembly.Length) != header.Crcs[index])
                throw new BundleException("assembly " + header.Names[index] + " is corrupt (CRC mismatch after expanding)");
            return assembly;
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

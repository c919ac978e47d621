using Clife.Device.Crypto;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Ota
{
    /// <summary>
    /// The header of an image bundle: what the firmware image is (versions, entry point) and the .pe assemblies it
    /// carries. protocol.md section 8. All integers little-endian:
    /// <code>
    ///  0 magic "CLIM"        4 format version u16   6 header length u16
    ///  8 software 4 x u8     12 hardware 2 x u8     14 productVer u16
    /// 16 assembly count u16  18 entry point length u16
    /// 20 payload length u32  24 payload CRC-32 u32  28 header CRC-32 u32 (computed with this field zero)
    /// 32 entry point (UTF-8), then per assembly:
    ///    stored length u32, original length u32, method u8 (0 stored, 8 DEFLATE), CRC-32 of the original u32,
    ///    name length u8, name (UTF-8)
    /// then the assemblies as stored (raw DEFLATE or as is), back to back, in the listed order (dependencies first).
    /// </code>
    /// Compression keeps two images of the application within the small storage of a 4 MB board; the loader inflates
    /// each assembly and checks its CRC before loading it.
    /// </summary>
    public sealed class BundleHeader
    {
        /// <summary>"CLIM" as a little-endian u32.</summary>
        public const uint Magic = 0x4D494C43;
        /// <summary>The format version this firmware reads and writes.</summary>
        public const int FormatVersion = 2;
        /// <summary>Assembly stored as is.</summary>
        public const int MethodStored = 0;
        /// <summary>Assembly stored as raw DEFLATE (RFC 1951).</summary>
        public const int MethodDeflate = 8;
        /// <summary>Largest assembly accepted once expanded, in bytes.</summary>
        public const int MaxAssemblyBytes = 4 * 1024 * 1024;
        /// <summary>Bytes before the entry point.</summary>
        public const int FixedSize = 32;
        /// <summary>Largest header accepted.</summary>
        public const int MaxHeaderSize = 4096;
        /// <summary>Most assemblies in a bundle.</summary>
        public const int MaxAssemblies = 32;
        /// <summary>Longest assembly name or entry point, in bytes.</summary>
        public const int MaxNameBytes = 128;

        /// <summary>Bytes of an assembly's entry in the header before its name.</summary>
        public const int EntryFixedSize = 14;

        private const int HeaderCrcOffset = 28;

        private BundleHeader(int headerLength, DeviceVersion software, DeviceVersion hardware, int productVer, string entryPoint,
                             string[] names, int[] lengths, int[] originalLengths, int[] methods, uint[] crcs, int payloadLength, uint payloadCrc)
        {
            OriginalLengths = originalLengths;
            Methods = methods;
            Crcs = crcs;
            HeaderLength = headerLength;
            Software = software;
            Hardware = hardware;
            ProductVer = productVer;
            EntryPoint = entryPoint;
            Names = names;
            Lengths = lengths;
            PayloadLength = payloadLength;
            PayloadCrc = payloadCrc;
        }

        /// <summary>Bytes of the header.</summary>
        public int HeaderLength { get; }
        /// <summary>Software version of the image.</summary>
        public DeviceVersion Software { get; }
        /// <summary>Hardware version the image is for.</summary>
        public DeviceVersion Hardware { get; }
        /// <summary>Overall product version.</summary>
        public int ProductVer { get; }
        /// <summary>Type whose static Main starts the application ("Namespace.Type").</summary>
        public string EntryPoint { get; }
        /// <summary>File names of the assemblies (".pe").</summary>
        public string[] Names { get; }
        /// <summary>Byte lengths of the assemblies as stored in the bundle.</summary>
        public int[] Lengths { get; }
        /// <summary>Byte lengths of the assemblies once expanded (the .pe files).</summary>
        public int[] OriginalLengths { get; }
        /// <summary>How each assembly is stored: <see cref="MethodStored"/> or <see cref="MethodDeflate"/>.</summary>
        public int[] Methods { get; }
        /// <summary>CRC-32 of each expanded assembly.</summary>
        public uint[] Crcs { get; }
        /// <summary>Bytes of all assemblies together.</summary>
        public int PayloadLength { get; }
        /// <summary>CRC-32 of the payload.</summary>
        public uint PayloadCrc { get; }
        /// <summary>Bytes of the whole bundle.</summary>
        public int TotalLength => HeaderLength + PayloadLength;

        /// <summary>Offset of an assembly from the start of the bundle.</summary>
        public int OffsetOf(int index)
        {
            int offset = HeaderLength;
            for (int i = 0; i < index; i++) offset += Lengths[i];
            return offset;
        }

        /// <summary>
        /// Reads a header from the first <paramref name="available"/> bytes of a bundle. Throws a BundleException
        /// naming the problem when they are not a complete, consistent header of this format.
        /// </summary>
        public static BundleHeader Parse(byte[] data, int offset, int available)
        {
            if (available < FixedSize) throw new BundleException("truncated bundle: " + available.ToString() + " bytes, the header alone needs " + FixedSize.ToString());
            if (LittleEndian.ReadUInt32(data, offset) != Magic) throw new BundleException("not an image bundle (wrong magic)");
            int format = LittleEndian.ReadUInt16(data, offset + 4);
            if (format != FormatVersion) throw new BundleException("bundle format " + format.ToString() + " is not supported (this firmware reads format " + FormatVersion.ToString() + ")");
            int headerLength = LittleEndian.ReadUInt16(data, offset + 6);
            if (headerLength < FixedSize || headerLength > MaxHeaderSize) throw new BundleException("bundle header length " + headerLength.ToString() + " is out of range");
            if (available < headerLength) throw new BundleException("truncated bundle: the header needs " + headerLength.ToString() + " bytes, only " + available.ToString() + " present");
            uint storedCrc = LittleEndian.ReadUInt32(data, offset + HeaderCrcOffset);
            uint crc = Crc32.Update(0, data, offset, HeaderCrcOffset);
            crc = Crc32.Update(crc, Zeros, 0, 4);
            crc = Crc32.Update(crc, data, offset + FixedSize, headerLength - FixedSize);
            if (crc != storedCrc) throw new BundleException("bundle header is corrupt (CRC mismatch)");

            DeviceVersion software = Version(data, offset + 8, DeviceVersion.SoftwarePartCount, "software");
            DeviceVersion hardware = Version(data, offset + 12, DeviceVersion.HardwarePartCount, "hardware");
            int productVer = LittleEndian.ReadUInt16(data, offset + 14);
            int count = LittleEndian.ReadUInt16(data, offset + 16);
            int entryLength = LittleEndian.ReadUInt16(data, offset + 18);
            long payloadLength = LittleEndian.ReadUInt32(data, offset + 20);
            uint payloadCrc = LittleEndian.ReadUInt32(data, offset + 24);
            if (count < 1 || count > MaxAssemblies) throw new BundleException("bundle lists " + count.ToString() + " assemblies (1.." + MaxAssemblies.ToString() + " allowed)");
            if (entryLength < 1 || entryLength > MaxNameBytes) throw new BundleException("bundle entry point length " + entryLength.ToString() + " is out of range");

            int at = FixedSize;
            string entryPoint = Name(data, offset, ref at, entryLength, headerLength, "entry point");
            string[] names = new string[count];
            int[] lengths = new int[count];
            int[] originals = new int[count];
            int[] methods = new int[count];
            uint[] crcs = new uint[count];
            long sum = 0;
            for (int i = 0; i < count; i++)
            {
                string which = "assembly " + (i + 1).ToString();
                if (at + EntryFixedSize > headerLength) throw new BundleException("bundle header ends inside the entry of " + which);
                long length = LittleEndian.ReadUInt32(data, offset + at);
                long original = LittleEndian.ReadUInt32(data, offset + at + 4);
                int method = data[offset + at + 8];
                crcs[i] = LittleEndian.ReadUInt32(data, offset + at + 9);
                int nameLength = data[offset + at + 13];
                at += EntryFixedSize;
                if (length < 1 || length > int.MaxValue) throw new BundleException(which + " has length " + length.ToString());
                if (original < 1 || original > MaxAssemblyBytes) throw new BundleException(which + " expands to " + original.ToString() + " bytes (1.." + MaxAssemblyBytes.ToString() + " allowed)");
                if (method != MethodStored && method != MethodDeflate) throw new BundleException(which + " uses unknown storage method " + method.ToString());
                if (method == MethodStored && original != length) throw new BundleException(which + " is stored as is but its lengths differ");
                if (nameLength < 1) throw new BundleException(which + " has no name");
                names[i] = Name(data, offset, ref at, nameLength, headerLength, "name of " + which);
                lengths[i] = (int)length;
                originals[i] = (int)original;
                methods[i] = method;
                sum += length;
            }
            if (at != headerLength) throw new BundleException("bundle header length " + headerLength.ToString() + " does not match its entries (" + at.ToString() + " bytes)");
            if (sum != payloadLength) throw new BundleException("assembly lengths add up to " + sum.ToString() + " but the payload length says " + payloadLength.ToString());
            if (payloadLength > int.MaxValue - headerLength) throw new BundleException("bundle payload is too large");
            return new BundleHeader(headerLength, software, hardware, productVer, entryPoint, names, lengths, originals, methods, crcs, (int)payloadLength, payloadCrc);
        }

        /// <summary>
        /// Writes the header for the given contents into a new array (used by the bundler and the tests): per assembly
        /// its stored length, expanded length, storage method and the CRC-32 of the expanded bytes.
        /// </summary>
        public static byte[] Build(DeviceVersion software, DeviceVersion hardware, int productVer, string entryPoint,
                                   string[] names, int[] lengths, int[] originalLengths, int[] methods, uint[] crcs, uint payloadCrc)
        {
            if (names.Length < 1 || names.Length > MaxAssemblies || names.Length != lengths.Length
                || originalLengths.Length != names.Length || methods.Length != names.Length || crcs.Length != names.Length)
                throw new BundleException("a bundle holds 1.." + MaxAssemblies.ToString() + " assemblies, each with a name, lengths, a method and a CRC");
            byte[] entry = Utf8.GetBytes(entryPoint);
            if (entry.Length < 1 || entry.Length > MaxNameBytes) throw new BundleException("entry point must be 1.." + MaxNameBytes.ToString() + " bytes");
            int headerLength = FixedSize + entry.Length;
            byte[][] encoded = new byte[names.Length][];
            long payload = 0;
            for (int i = 0; i < names.Length; i++)
            {
                encoded[i] = Utf8.GetBytes(names[i]);
                if (encoded[i].Length < 1 || encoded[i].Length > MaxNameBytes) throw new BundleException("assembly name \"" + names[i] + "\" must be 1.." + MaxNameBytes.ToString() + " bytes");
                if (lengths[i] < 1 || originalLengths[i] < 1) throw new BundleException("assembly \"" + names[i] + "\" is empty");
                if (methods[i] != MethodStored && methods[i] != MethodDeflate) throw new BundleException("unknown storage method " + methods[i].ToString());
                headerLength += EntryFixedSize + encoded[i].Length;
                payload += lengths[i];
            }
            if (headerLength > MaxHeaderSize) throw new BundleException("bundle header would exceed " + MaxHeaderSize.ToString() + " bytes");
            byte[] h = new byte[headerLength];
            LittleEndian.WriteUInt32(h, 0, Magic);
            LittleEndian.WriteUInt16(h, 4, FormatVersion);
            LittleEndian.WriteUInt16(h, 6, headerLength);
            for (int i = 0; i < DeviceVersion.SoftwarePartCount; i++) h[8 + i] = (byte)software.Part(i);
            for (int i = 0; i < DeviceVersion.HardwarePartCount; i++) h[12 + i] = (byte)hardware.Part(i);
            LittleEndian.WriteUInt16(h, 14, productVer);
            LittleEndian.WriteUInt16(h, 16, names.Length);
            LittleEndian.WriteUInt16(h, 18, entry.Length);
            LittleEndian.WriteUInt32(h, 20, (uint)payload);
            LittleEndian.WriteUInt32(h, 24, payloadCrc);
            int at = FixedSize;
            System.Array.Copy(entry, 0, h, at, entry.Length);
            at += entry.Length;
            for (int i = 0; i < names.Length; i++)
            {
                LittleEndian.WriteUInt32(h, at, (uint)lengths[i]);
                LittleEndian.WriteUInt32(h, at + 4, (uint)originalLengths[i]);
                h[at + 8] = (byte)methods[i];
                LittleEndian.WriteUInt32(h, at + 9, crcs[i]);
                h[at + 13] = (byte)encoded[i].Length;
                System.Array.Copy(encoded[i], 0, h, at + EntryFixedSize, encoded[i].Length);
                at += EntryFixedSize + encoded[i].Length;
            }
            LittleEndian.WriteUInt32(h, HeaderCrcOffset, Crc32.Compute(h, 0, headerLength));
            return h;
        }

        private static readonly byte[] Zeros = new byte[4];

        private static DeviceVersion Version(byte[] data, int at, int parts, string what)
        {
            for (int i = 0; i < parts; i++)
            {
                if (data[at + i] > DeviceVersion.MaxPart) throw new BundleException("bundle " + what + " version part " + (i + 1).ToString() + " is " + data[at + i].ToString() + " (0..99 allowed)");
            }
            return parts == DeviceVersion.SoftwarePartCount
                ? DeviceVersion.Software(data[at], data[at + 1], data[at + 2], data[at + 3])
                : DeviceVersion.Hardware(data[at], data[at + 1]);
        }

        private static string Name(byte[] data, int offset, ref int at, int length, int headerLength, string what)
        {
            if (at + length > headerLength) throw new BundleException("bundle header ends inside the " + what);
            if (!Utf8.IsValid(data, offset + at, length)) throw new BundleException("bundle " + what + " is not valid UTF-8");
            string text = Utf8.GetString(data, offset + at, length);
            at += length;
            return text;
        }
    }
}

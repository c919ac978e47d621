using System.IO;
using System.IO.Compression;
using Clife.Device.Crypto;
using Clife.Device.Ota;
using Clife.Device.Protocol;

namespace Clife.Device.Host.Ota;

/// <summary>Builds image bundles on a host, compressing each assembly with DEFLATE when that makes it smaller.</summary>
public static class BundleFactory
{
    /// <summary>
    /// Packs assemblies (in load order, dependencies first) into a bundle. With <paramref name="compress"/>, each
    /// assembly is stored as raw DEFLATE unless that is not smaller; the device's loader inflates it and checks its CRC.
    /// </summary>
    public static byte[] Build(string software, string hardware, int productVer, string entryPoint, string[] names, byte[][] assemblies,
                               bool compress = true)
    {
        var stored = new byte[assemblies.Length][];
        var originals = new int[assemblies.Length];
        var methods = new int[assemblies.Length];
        var crcs = new uint[assemblies.Length];
        for (int i = 0; i < assemblies.Length; i++)
        {
            byte[] pe = assemblies[i];
            originals[i] = pe.Length;
            crcs[i] = Crc32.Compute(pe, 0, pe.Length);
            byte[] deflated = compress ? Deflate(pe) : pe;
            bool smaller = compress && deflated.Length < pe.Length;
            stored[i] = smaller ? deflated : pe;
            methods[i] = smaller ? BundleHeader.MethodDeflate : BundleHeader.MethodStored;
        }
        return Bundle.Pack(DeviceVersion.ParseSoftware(software), DeviceVersion.ParseHardware(hardware), productVer, entryPoint,
                           names, stored, originals, methods, crcs);
    }

    private static byte[] Deflate(byte[] data)
    {
        var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) deflate.Write(data);
        return output.ToArray();
    }
}

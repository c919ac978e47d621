using System;
using System.Linq;
using System.Security.Cryptography;
using Clife.Device.Host;
using Clife.Device.Ota;
using Clife.Device.Protocol;

namespace Clife.Device.IntegrationTests.Ota;

/// <summary>Images for the OTA cases: bundles of an exact size, and the download progress they produce.</summary>
public static class OtaImages
{
    /// <summary>
    /// Default image size: ten 4 KiB chunks (the firmware moves one per poll), so the download reports exactly
    /// {1,10}, {1,20} ... {1,90} between {1,1} and {1,100}.
    /// </summary>
    public const int Size = 10 * Clife.Device.Ota.FileOperations.ChunkBytes;

    /// <summary>{1,1} {1,10} ... {1,90} {1,100}: a complete download of a <see cref="Size"/>-byte file.</summary>
    public static readonly string[] DownloadInTenths = ["{1,1}", .. Enumerable.Range(1, 10).Select(t => "{1," + t * 10 + "}")];

    /// <summary>A bundle of exactly <paramref name="size"/> bytes (one placeholder assembly fills it up).</summary>
    public static byte[] Bundle(string software, string hardware = "1.0", int productVer = 2, int size = Size,
                                string entryPoint = VirtualDevice.AppEntryPoint)
    {
        int header = Build(software, hardware, productVer, entryPoint, 1).Length - 1;
        return Build(software, hardware, productVer, entryPoint, size - header);
    }

    /// <summary>Deterministic pseudo-random bytes.</summary>
    public static byte[] RandomBytes(int size, int seed)
    {
        byte[] bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Lowercase hex MD5 (computed by .NET, independently of the firmware's MD5).</summary>
    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    private static byte[] Build(string software, string hardware, int productVer, string entryPoint, int assemblySize)
    {
        // A stable seed per image (string.GetHashCode differs between processes).
        int seed = software.Aggregate(entryPoint.Length, (h, c) => h * 31 + c);
        return Clife.Device.Ota.Bundle.Build(DeviceVersion.ParseSoftware(software), DeviceVersion.ParseHardware(hardware), productVer, entryPoint,
                                             ["Clife.Device.App.pe"], [RandomBytes(assemblySize, seed)]);
    }
}

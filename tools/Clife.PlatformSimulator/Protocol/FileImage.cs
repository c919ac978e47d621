using System;
using System.Security.Cryptography;

namespace Clife.Simulator.Protocol;

/// <summary>The integrity values a 2019 request carries for a file: md5 (hex) and checkSum (byte sum mod 2^32).</summary>
public static class FileImage
{
    /// <summary>Lowercase hex MD5 of the bytes.</summary>
    public static string Md5Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>The sum of all bytes modulo 2^32.</summary>
    public static uint CheckSum(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        foreach (byte b in bytes) sum += b;
        return sum;
    }
}

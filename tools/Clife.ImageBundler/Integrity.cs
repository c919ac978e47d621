using Clife.Device.Crypto;
using Clife.Device.Text;

namespace Clife.ImageBundler;

/// <summary>The integrity values of a 2019 fileInfo entry, computed with the device's own code.</summary>
internal static class Integrity
{
    /// <summary>Lowercase hex MD5 of the bytes.</summary>
    public static string Md5Hex(byte[] bytes)
    {
        byte[] digest = Md5.Hash(bytes, 0, bytes.Length);
        return Hex.Encode(digest, 0, digest.Length);
    }

    /// <summary>The protocol's checkSum: the sum of all bytes modulo 2^32.</summary>
    public static uint CheckSum(byte[] bytes) => Clife.Device.Crypto.CheckSum.Compute(bytes, 0, bytes.Length);
}

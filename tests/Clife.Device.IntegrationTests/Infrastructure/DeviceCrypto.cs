using System;
using System.Security.Cryptography;
using System.Text;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>
/// The device side of the HTTP data cipher, written here on purpose (not taken from the simulator), so the tests
/// compare two implementations: AES-128 ECB/CBC, PKCS7, standard base64; key = 32 hex digits or 16 characters.
/// </summary>
public static class DeviceCrypto
{
    /// <summary>16 key bytes from a devKey text.</summary>
    public static byte[] Key(string devKey)
        => devKey.Length == 32 ? Convert.FromHexString(devKey) : Encoding.ASCII.GetBytes(devKey);

    /// <summary>base64(AES(UTF-8 text)).</summary>
    public static string Encrypt(string plaintext, string devKey, string? iv = null)
    {
        using var aes = Aes.Create();
        aes.Key = Key(devKey);
        byte[] p = Encoding.UTF8.GetBytes(plaintext);
        byte[] c = iv is null ? aes.EncryptEcb(p, PaddingMode.PKCS7) : aes.EncryptCbc(p, Key(iv), PaddingMode.PKCS7);
        return Convert.ToBase64String(c);
    }

    /// <summary>UTF-8 text of AES⁻¹(base64 decode).</summary>
    public static string Decrypt(string base64, string devKey, string? iv = null)
    {
        using var aes = Aes.Create();
        aes.Key = Key(devKey);
        byte[] c = Convert.FromBase64String(base64);
        byte[] p = iv is null ? aes.DecryptEcb(c, PaddingMode.PKCS7) : aes.DecryptCbc(c, Key(iv), PaddingMode.PKCS7);
        return Encoding.UTF8.GetString(p);
    }
}

using System;
using System.Security.Cryptography;
using System.Text;

namespace Clife.Simulator.Protocol;

/// <summary>The HTTP data cipher: AES-128 (ECB or CBC), PKCS7, standard base64 (protocol.md section 5).</summary>
public sealed class DataCipher
{
    private readonly byte[] _key;
    private readonly byte[]? _iv;
    private readonly DataCipherMode _mode;

    /// <summary>Creates the cipher from a devKey (32 hex digits or 16 characters) and, for CBC, an IV in the same form.</summary>
    /// <exception cref="ArgumentException">The key or IV has the wrong form, or CBC has no IV.</exception>
    public DataCipher(string devKey, DataCipherMode mode = DataCipherMode.Ecb, string? iv = null)
    {
        _key = ParseKey(devKey, "devKey");
        _mode = mode;
        if (mode == DataCipherMode.Cbc)
        {
            if (string.IsNullOrEmpty(iv)) throw new ArgumentException("CBC needs an IV (32 hex digits or 16 characters)", nameof(iv));
            _iv = ParseKey(iv, "iv");
        }
    }

    /// <summary>Turns a key text into 16 bytes: 32 hex digits → their bytes; 16 characters → their ASCII bytes.</summary>
    /// <exception cref="ArgumentException">Any other form.</exception>
    public static byte[] ParseKey(string text, string what = "key")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 32 && IsHex(text)) return Convert.FromHexString(text);
        if (text.Length == 16 && IsAscii(text)) return Encoding.ASCII.GetBytes(text);
        throw new ArgumentException($"{what} must be 32 hex digits or 16 ASCII characters (got {text.Length} characters)", what);
    }

    /// <summary>Whether a key text has a valid form.</summary>
    public static bool IsValidKey(string? text)
        => text is not null && ((text.Length == 32 && IsHex(text)) || (text.Length == 16 && IsAscii(text)));

    /// <summary>Encrypts bytes and returns them base64-encoded.</summary>
    public string Encrypt(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = _key;
        byte[] c = _mode == DataCipherMode.Cbc ? aes.EncryptCbc(plaintext, _iv!, PaddingMode.PKCS7) : aes.EncryptEcb(plaintext, PaddingMode.PKCS7);
        return Convert.ToBase64String(c);
    }

    /// <summary>Encrypts UTF-8 text and returns it base64-encoded.</summary>
    public string EncryptText(string plaintext) => Encrypt(Encoding.UTF8.GetBytes(plaintext));

    /// <summary>Decodes base64 and decrypts.</summary>
    /// <exception cref="CryptographicException">Not base64, not whole blocks, or bad padding (a wrong key, usually).</exception>
    public byte[] Decrypt(string base64)
    {
        byte[] c;
        try
        {
            c = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("data is not valid base64", e);
        }
        if (c.Length == 0 || c.Length % 16 != 0) throw new CryptographicException($"ciphertext length {c.Length} is not a positive multiple of 16");
        using var aes = Aes.Create();
        aes.Key = _key;
        return _mode == DataCipherMode.Cbc ? aes.DecryptCbc(c, _iv!, PaddingMode.PKCS7) : aes.DecryptEcb(c, PaddingMode.PKCS7);
    }

    /// <summary>Decodes base64, decrypts and decodes UTF-8 (strictly: invalid UTF-8 is an error).</summary>
    /// <exception cref="CryptographicException">See <see cref="Decrypt"/>, or the plaintext is not UTF-8.</exception>
    public string DecryptText(string base64)
    {
        byte[] p = Decrypt(base64);
        try
        {
            return new UTF8Encoding(false, true).GetString(p);
        }
        catch (DecoderFallbackException e)
        {
            throw new CryptographicException("decrypted data is not UTF-8 (wrong devKey?)", e);
        }
    }

    private static bool IsHex(string s)
    {
        foreach (char c in s)
        {
            if (!Uri.IsHexDigit(c)) return false;
        }
        return true;
    }

    private static bool IsAscii(string s)
    {
        foreach (char c in s)
        {
            if (c < 0x20 || c > 0x7e) return false;
        }
        return true;
    }
}

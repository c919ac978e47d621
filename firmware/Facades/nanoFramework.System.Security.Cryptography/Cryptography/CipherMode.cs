// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Security.Cryptography:System.Security.Cryptography/CipherMode.cs@2e70fd46995b40d93266e436c6a77bd48d954fb1

namespace System.Security.Cryptography
{
    /// <summary>Block cipher mode.</summary>
    public enum CipherMode
    {
        None = 0,
        CBC = 1,
        ECB = 2
    }
}

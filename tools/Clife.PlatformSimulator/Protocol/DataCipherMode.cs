namespace Clife.Simulator.Protocol;

/// <summary>Block cipher mode for the HTTP data encryption (AES-128, PKCS7 padding).</summary>
public enum DataCipherMode
{
    /// <summary>ECB (the profile default).</summary>
    Ecb,
    /// <summary>CBC with a configured IV.</summary>
    Cbc,
}

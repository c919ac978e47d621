namespace Clife.Device.Crypto
{
    /// <summary>How <see cref="PayloadCipher"/> chains the blocks of a payload (protocol.md section 5).</summary>
    public enum CipherMode
    {
        /// <summary>Electronic codebook: each block on its own (the protocol's default).</summary>
        Ecb = 0,

        /// <summary>Cipher block chaining with a configured 16-byte IV.</summary>
        Cbc = 1,
    }
}

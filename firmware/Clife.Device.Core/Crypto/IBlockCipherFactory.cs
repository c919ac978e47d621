namespace Clife.Device.Crypto
{
    /// <summary>Makes the HAL's block cipher for a key, so the core can re-key when the devKey changes at runtime.</summary>
    public interface IBlockCipherFactory
    {
        /// <summary>Returns a block cipher keyed with <paramref name="key"/> (16, 24 or 32 bytes for AES); the key array may be reused by the caller afterwards.</summary>
        IBlockCipher Create(byte[] key);
    }
}

using Clife.Device.Crypto;

namespace Clife.Device.Esp32
{
    /// <summary>Makes AES block ciphers on nanoFramework's native Aes (ECB, no padding).</summary>
    public sealed class EspAesCipherFactory : IBlockCipherFactory
    {
        /// <inheritdoc/>
        public IBlockCipher Create(byte[] key) => new EspAesCipher(key);
    }
}

using Clife.Device.Crypto;

namespace Clife.Device.Host.Crypto
{
    /// <summary>Makes <see cref="AesBlockCipher"/>s: the HAL's cipher factory on .NET.</summary>
    public sealed class AesBlockCipherFactory : IBlockCipherFactory
    {
        /// <summary>Returns an AES block cipher keyed with a copy of <paramref name="key"/>.</summary>
        public IBlockCipher Create(byte[] key) => new AesBlockCipher(key);
    }
}

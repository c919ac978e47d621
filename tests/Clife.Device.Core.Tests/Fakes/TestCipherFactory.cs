using Clife.Device.Crypto;
using Clife.Device.Tests.Crypto;

namespace Clife.Device.Tests
{
    /// <summary>Creates the portable suite's test block cipher (a keyed permutation, not AES) for a key.</summary>
    public sealed class TestCipherFactory : IBlockCipherFactory
    {
        /// <inheritdoc/>
        public IBlockCipher Create(byte[] key) => new TestBlockCipher(key);
    }
}

namespace Clife.Device.Crypto
{
    /// <summary>The HAL's keyed block cipher (AES): transforms exactly one block, with no chaining and no padding.</summary>
    /// <remarks>
    /// On the device this is nanoFramework's native Aes in ECB mode without padding; on .NET it is .NET's Aes.
    /// Chaining modes and padding are done once, in <see cref="PayloadCipher"/>, so both behave identically.
    /// Implementations must accept input and output in the same array at the same offset (in place).
    /// </remarks>
    public interface IBlockCipher
    {
        /// <summary>Block size in bytes (16 for AES).</summary>
        int BlockSize { get; }

        /// <summary>Encrypts one block of <paramref name="input"/> at <paramref name="inputOffset"/> into <paramref name="output"/> at <paramref name="outputOffset"/>.</summary>
        void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset);

        /// <summary>Decrypts one block of <paramref name="input"/> at <paramref name="inputOffset"/> into <paramref name="output"/> at <paramref name="outputOffset"/>.</summary>
        void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset);
    }
}

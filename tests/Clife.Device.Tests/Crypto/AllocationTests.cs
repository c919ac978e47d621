using Clife.Device.Crypto;
using Clife.Device.Host.Crypto;
using Clife.Device.Text;
using Xunit;

namespace Clife.Device.Tests.Crypto
{
    /// <summary>The hot paths of the OTA and payload code allocate nothing once warmed up (the device has ~100 KB of heap).</summary>
    public sealed class AllocationTests
    {
        [Fact]
        public void Md5_update_final_save_and_restore_allocate_nothing()
        {
            var md5 = new Md5();
            byte[] data = new byte[4096];
            byte[] hash = new byte[Md5.HashSize];
            byte[] state = new byte[Md5.StateSize];
            Allocation.AssertAtMost(0, () =>
            {
                md5.Update(data, 1, 100);
                md5.Update(data, 0, data.Length);
                md5.SaveState(state, 0);
                md5.RestoreState(state, 0);
                md5.Final(hash, 0);
            });
        }

        [Fact]
        public void CheckSum_crc32_and_hex_compare_allocate_nothing()
        {
            var sum = new CheckSum();
            byte[] data = new byte[4096];
            Allocation.AssertAtMost(0, () =>
            {
                sum.Update(data, 3, 1000);
                Crc32.Compute(data, 0, 100);
                Hex.Matches("00000000000000000000000000000000", data, 0, 16);
            });
        }

        [Fact]
        public void Payload_encrypt_and_decrypt_into_caller_buffers_allocate_nothing()
        {
            using var aes = new AesBlockCipher(new byte[16]);
            byte[] iv = new byte[16];
            byte[] plain = new byte[100];
            byte[] buffer = new byte[PayloadCipher.PaddedLength(plain.Length)];
            byte[] output = new byte[buffer.Length];
            Allocation.AssertAtMost(0, () =>
            {
                int n = PayloadCipher.Encrypt(aes, CipherMode.Cbc, iv, plain, 0, plain.Length, buffer, 0);
                PayloadCipher.Decrypt(aes, CipherMode.Cbc, iv, buffer, 0, n, output, 0);
                n = PayloadCipher.Encrypt(aes, CipherMode.Ecb, null, plain, 0, plain.Length, buffer, 0);
                PayloadCipher.Decrypt(aes, CipherMode.Ecb, null, buffer, 0, n, buffer, 0);
            });
        }
    }
}

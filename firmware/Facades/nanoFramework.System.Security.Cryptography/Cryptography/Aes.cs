// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Security.Cryptography:System.Security.Cryptography/Aes.cs@1487c6d131ecda00b48b453a0ac8c80934c58dd0 (no GenerateIV in this version; the API doc lists one at HEAD 04ba752)

using System;

namespace System.Security.Cryptography
{
    /// <summary>AES in ECB or CBC mode, no padding: data must be a multiple of 16 bytes.</summary>
    public class Aes
    {
        public Aes(CipherMode mode) => throw new NotSupportedException("compile-only facade");

        public CipherMode Mode { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public byte[] Key { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public byte[] IV { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public byte[] Encrypt(byte[] data) => throw new NotSupportedException("compile-only facade");

        public byte[] Decrypt(byte[] data) => throw new NotSupportedException("compile-only facade");
    }
}

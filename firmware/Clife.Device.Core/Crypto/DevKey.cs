using System;
using Clife.Device.Text;

namespace Clife.Device.Crypto
{
    /// <summary>The configured devKey text as the 16-byte AES key of the payload cipher, and masking of secrets for display.</summary>
    /// <remarks>Messages name lengths and positions only: a devKey is never echoed, not even in part.</remarks>
    public static class DevKey
    {
        /// <summary>Length of the AES key in bytes.</summary>
        public const int KeySize = 16;

        /// <summary>Length of a devKey written as hex.</summary>
        public const int HexLength = KeySize * 2;

        /// <summary>Length of a devKey taken as its ASCII bytes.</summary>
        public const int TextLength = KeySize;

        /// <summary>What <see cref="Mask"/> shows for a secret that is set: always the same, so it gives away neither
        /// a character nor the length.</summary>
        public const string Hidden = "********";

        /// <summary>What <see cref="Mask"/> shows for a secret that is not set.</summary>
        public const string NotSet = "(not set)";

        private const char FirstPrintable = ' ';
        private const char LastPrintable = '~';

        /// <summary>Returns the AES key of <paramref name="devKey"/>: 32 hex characters give 16 bytes, 16 printable ASCII characters are taken as they are.</summary>
        /// <exception cref="CodecException">The devKey has another length, or a character that its format does not allow.</exception>
        public static byte[] ToKey(string devKey)
        {
            byte[] key = new byte[KeySize];
            ToKey(devKey, key, 0);
            return key;
        }

        /// <summary>Writes the 16-byte AES key of <paramref name="devKey"/> to <paramref name="key"/> at <paramref name="offset"/> (see <see cref="ToKey(string)"/>).</summary>
        /// <exception cref="CodecException">The devKey has another length, or a character that its format does not allow.</exception>
        public static void ToKey(string devKey, byte[] key, int offset)
        {
            ByteRange.Check(key, offset, KeySize, nameof(key));
            int length = devKey == null ? 0 : devKey.Length;
            if (devKey == null || (length != HexLength && length != TextLength))
            {
                throw new CodecException("devKey must be " + HexLength.ToString() + " hex characters or " + TextLength.ToString()
                    + " ASCII characters; the configured devKey has " + length.ToString());
            }
            if (length == HexLength)
            {
                for (int i = 0; i < length; i++)
                {
                    if (!Hex.IsHexDigit(devKey[i]))
                        throw new CodecException("devKey has " + HexLength.ToString() + " characters but character " + (i + 1).ToString() + " is not a hex digit (0-9, a-f, A-F)");
                }
                Hex.Decode(devKey, key, offset);
                return;
            }
            for (int i = 0; i < length; i++)
            {
                char c = devKey[i];
                if (c < FirstPrintable || c > LastPrintable)
                    throw new CodecException("devKey has " + TextLength.ToString() + " characters but character " + (i + 1).ToString() + " is not printable ASCII");
            }
            for (int i = 0; i < length; i++) key[offset + i] = (byte)devKey[i];
        }

        /// <summary>Returns a secret fit for logs and the console: <see cref="Hidden"/> when it is set, whatever it is,
        /// and <see cref="NotSet"/> when it is not. No part of a secret is ever shown.</summary>
        public static string Mask(string? secret) => secret == null || secret.Length == 0 ? NotSet : Hidden;
    }
}

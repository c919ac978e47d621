using Clife.Device.Text;

namespace Clife.Device.Runtime
{
    /// <summary>Percent-encoding of query parameter values (RFC 3986 unreserved characters stay as they are).</summary>
    public static class UrlEncoding
    {
        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>Encodes a value for a URL query.</summary>
        public static string Encode(string value)
        {
            byte[] bytes = Utf8.GetBytes(value);
            int length = 0;
            for (int i = 0; i < bytes.Length; i++) length += IsUnreserved(bytes[i]) ? 1 : 3;
            char[] chars = new char[length];
            int n = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                if (IsUnreserved(b))
                {
                    chars[n++] = (char)b;
                    continue;
                }
                chars[n++] = '%';
                chars[n++] = HexDigits[b >> 4];
                chars[n++] = HexDigits[b & 0xF];
            }
            return new string(chars);
        }

        private static bool IsUnreserved(byte b) =>
            (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'0' && b <= (byte)'9')
            || b == (byte)'-' || b == (byte)'_' || b == (byte)'.' || b == (byte)'~';
    }
}

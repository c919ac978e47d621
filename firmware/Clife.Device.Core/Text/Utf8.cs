using System;

namespace Clife.Device.Text
{
    /// <summary>
    /// UTF-8 encoding and strict decoding of strings (nanoFramework's mscorlib has no Encoding). Encoding turns lone
    /// UTF-16 surrogates into U+FFFD; decoding rejects every ill-formed sequence with a <see cref="CodecException"/>.
    /// </summary>
    public static class Utf8
    {
        /// <summary>Returns how many bytes the UTF-8 form of the text takes (a lone surrogate counts as U+FFFD).</summary>
        public static int GetByteCount(string text)
        {
            if (text == null) throw new ArgumentNullException("text");
            int count = 0;
            for (int i = 0; i < text.Length; i++) count += text[i] < 0x80 ? 1 : Put(CodePointAt(text, ref i), null, 0);
            return count;
        }

        /// <summary>Writes the UTF-8 form of the text at dest[destOffset] and returns the number of bytes written.</summary>
        /// <exception cref="ArgumentException">The destination has too little room; nothing useful was written.</exception>
        public static int Encode(string text, byte[] dest, int destOffset)
        {
            if (text == null) throw new ArgumentNullException("text");
            if (dest == null) throw new ArgumentNullException("dest");
            if (destOffset < 0 || destOffset > dest.Length) throw new ArgumentOutOfRangeException("destOffset");
            int n = text.Length;
            int room = dest.Length - destOffset;
            if (room < n * 3)
            {
                int needed = GetByteCount(text);
                if (room < needed)
                {
                    throw new ArgumentException("destination too small: the text needs " + needed.ToString()
                                                + " bytes of UTF-8, " + room.ToString() + " are free", "dest");
                }
            }
            int p = destOffset;
            for (int i = 0; i < n; i++)
            {
                int c = text[i];
                if (c < 0x80) dest[p++] = (byte)c;
                else p += Put(CodePointAt(text, ref i), dest, p);
            }
            return p - destOffset;
        }

        /// <summary>Returns the UTF-8 form of the text in a new array of exactly the right size.</summary>
        public static byte[] GetBytes(string text)
        {
            byte[] bytes = new byte[GetByteCount(text)];
            Encode(text, bytes, 0);
            return bytes;
        }

        /// <summary>Decodes count bytes of UTF-8 starting at offset.</summary>
        /// <exception cref="CodecException">The bytes are not well-formed UTF-8; the message and Offset say where.</exception>
        public static string GetString(byte[] bytes, int offset, int count)
        {
            CheckRange(bytes, offset, count);
            int end = offset + count;
            int units = 0;
            int i = offset;
            while (i < end)
            {
                int runStart = i;
                while (i < end && bytes[i] < 0x80) i++;
                units += i - runStart;
                if (i >= end) break;
                int len = SequenceLength(bytes, i, end);
                if (len == 0)
                {
                    int at;
                    string why = Describe(bytes, i, end, out at);
                    throw new CodecException("invalid UTF-8 at byte " + (at - offset).ToString() + ": " + why, at - offset);
                }
                units += len == 4 ? 2 : 1;
                i += len;
            }
            if (units == 0) return string.Empty;
            char[] chars = new char[units];
            DecodeValid(bytes, offset, end, chars, 0);
            return new string(chars, 0, units);
        }

        /// <summary>Tells whether count bytes starting at offset are well-formed UTF-8.</summary>
        public static bool IsValid(byte[] bytes, int offset, int count)
        {
            CheckRange(bytes, offset, count);
            return FirstInvalid(bytes, offset, offset + count) < 0;
        }

        /// <summary>Tells whether the whole array is well-formed UTF-8.</summary>
        public static bool IsValid(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            return FirstInvalid(bytes, 0, bytes.Length) < 0;
        }

        /// <summary>Index of the first byte that starts an ill-formed sequence in [start, end), or -1.</summary>
        internal static int FirstInvalid(byte[] bytes, int start, int end)
        {
            int i = start;
            while (i < end)
            {
                if (bytes[i] < 0x80)
                {
                    i++;
                    continue;
                }
                int len = SequenceLength(bytes, i, end);
                if (len == 0) return i;
                i += len;
            }
            return -1;
        }

        /// <summary>
        /// Length (2, 3 or 4) of the well-formed multi-byte sequence whose lead byte (>= 0x80) is at i, or 0 when the
        /// sequence is ill-formed (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
        /// </summary>
        internal static int SequenceLength(byte[] b, int i, int end)
        {
            int lead = b[i];
            if (lead < 0xC2) return 0; // continuation byte, or C0/C1 (always overlong)
            if (lead < 0xE0)
            {
                return i + 1 < end && (b[i + 1] & 0xC0) == 0x80 ? 2 : 0;
            }
            if (lead < 0xF0)
            {
                if (i + 2 >= end) return 0;
                int b1 = b[i + 1];
                if ((b1 & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) return 0;
                if (lead == 0xE0 && b1 < 0xA0) return 0;  // overlong
                if (lead == 0xED && b1 >= 0xA0) return 0; // U+D800..U+DFFF
                return 3;
            }
            if (lead < 0xF5)
            {
                if (i + 3 >= end) return 0;
                int b1 = b[i + 1];
                if ((b1 & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 || (b[i + 3] & 0xC0) != 0x80) return 0;
                if (lead == 0xF0 && b1 < 0x90) return 0;  // overlong
                if (lead == 0xF4 && b1 >= 0x90) return 0; // above U+10FFFF
                return 4;
            }
            return 0;
        }

        /// <summary>Says why the sequence at i is ill-formed, and at which byte (absolute index) the problem is.</summary>
        internal static string Describe(byte[] b, int i, int end, out int at)
        {
            at = i;
            int lead = b[i];
            if (lead < 0xC0) return "stray continuation byte 0x" + lead.ToString("X2") + " without a lead byte";
            if (lead < 0xC2) return "overlong encoding (lead byte 0x" + lead.ToString("X2") + ")";
            if (lead >= 0xF5) return "byte 0x" + lead.ToString("X2") + " never appears in UTF-8 (code point above U+10FFFF)";
            int need = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            for (int k = 1; k < need; k++)
            {
                if (i + k >= end) return "truncated " + need.ToString() + "-byte sequence at the end of the input";
                int c = b[i + k];
                if ((c & 0xC0) != 0x80)
                {
                    at = i + k;
                    return "expected a continuation byte of the " + need.ToString() + "-byte sequence starting at 0x"
                           + lead.ToString("X2") + ", found 0x" + c.ToString("X2");
                }
                if (k == 1)
                {
                    if ((lead == 0xE0 && c < 0xA0) || (lead == 0xF0 && c < 0x90)) return "overlong encoding (bytes 0x" + lead.ToString("X2") + " 0x" + c.ToString("X2") + ")";
                    if (lead == 0xED && c >= 0xA0) return "encoded UTF-16 surrogate (bytes 0xED 0x" + c.ToString("X2") + ")";
                    if (lead == 0xF4 && c >= 0x90) return "code point above U+10FFFF (bytes 0xF4 0x" + c.ToString("X2") + ")";
                }
            }
            return "ill-formed sequence";
        }

        /// <summary>Length of the sequence that the valid lead byte (>= 0xC2) starts.</summary>
        internal static int LengthFromLead(int lead) => lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

        /// <summary>Code point of the valid sequence of the given length at i.</summary>
        internal static int CodePointAt(byte[] b, int i, int len)
        {
            switch (len)
            {
                case 2: return ((b[i] & 0x1F) << 6) | (b[i + 1] & 0x3F);
                case 3: return ((b[i] & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
                default: return ((b[i] & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
            }
        }

        /// <summary>
        /// Code point of the UTF-16 text at text[i]: a surrogate pair gives one code point and leaves i on its low half,
        /// a lone surrogate gives U+FFFD (what the encoder writes for it).
        /// </summary>
        internal static int CodePointAt(string text, ref int i)
        {
            int c = text[i];
            if (c < 0xD800 || c > 0xDFFF) return c;
            if (c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
            {
                i++;
                return 0x10000 + ((c - 0xD800) << 10) + (text[i] - 0xDC00);
            }
            return 0xFFFD;
        }

        /// <summary>Writes the code point as UTF-8 at dest[p] (when dest is not null) and returns its length.</summary>
        internal static int Put(int cp, byte[]? dest, int p)
        {
            if (cp < 0x80)
            {
                if (dest != null) dest[p] = (byte)cp;
                return 1;
            }
            if (cp < 0x800)
            {
                if (dest != null)
                {
                    dest[p] = (byte)(0xC0 | (cp >> 6));
                    dest[p + 1] = (byte)(0x80 | (cp & 0x3F));
                }
                return 2;
            }
            if (cp < 0x10000)
            {
                if (dest != null)
                {
                    dest[p] = (byte)(0xE0 | (cp >> 12));
                    dest[p + 1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    dest[p + 2] = (byte)(0x80 | (cp & 0x3F));
                }
                return 3;
            }
            if (dest != null)
            {
                dest[p] = (byte)(0xF0 | (cp >> 18));
                dest[p + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                dest[p + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                dest[p + 3] = (byte)(0x80 | (cp & 0x3F));
            }
            return 4;
        }

        /// <summary>Writes the code point as UTF-16 at dest[j] (when dest is not null), a surrogate pair above U+FFFF, and returns its length in chars.</summary>
        internal static int PutUtf16(int cp, char[]? dest, int j)
        {
            if (cp < 0x10000)
            {
                if (dest != null) dest[j] = (char)cp;
                return 1;
            }
            if (dest != null)
            {
                cp -= 0x10000;
                dest[j] = (char)(0xD800 + (cp >> 10));
                dest[j + 1] = (char)(0xDC00 + (cp & 0x3FF));
            }
            return 2;
        }

        /// <summary>Decodes the already validated UTF-8 in [start, end) into dest from index j; returns the index after the last char.</summary>
        private static int DecodeValid(byte[] b, int start, int end, char[] dest, int j)
        {
            int i = start;
            while (i < end)
            {
                int c = b[i];
                if (c < 0x80)
                {
                    dest[j++] = (char)c;
                    i++;
                    continue;
                }
                int len = LengthFromLead(c);
                j += PutUtf16(CodePointAt(b, i, len), dest, j);
                i += len;
            }
            return j;
        }

        private static void CheckRange(byte[] bytes, int offset, int count)
        {
            if (bytes == null) throw new ArgumentNullException("bytes");
            if (offset < 0 || offset > bytes.Length) throw new ArgumentOutOfRangeException("offset");
            if (count < 0 || count > bytes.Length - offset) throw new ArgumentOutOfRangeException("count");
        }
    }
}

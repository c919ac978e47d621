// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/StringContent.cs@631b8101367c639035f132992da59bb200d9ba24

using System;
using System.Text;

namespace System.Net.Http
{
    /// <summary>HTTP content from a string (UTF-8; media type text/plain unless given).</summary>
    public class StringContent : ByteArrayContent
    {
        public StringContent(string content) : base((byte[])null) => throw new NotSupportedException("compile-only facade");

        public StringContent(string content, Encoding encoding) : base((byte[])null) => throw new NotSupportedException("compile-only facade");

        public StringContent(string content, Encoding encoding, string mediaType) : base((byte[])null) => throw new NotSupportedException("compile-only facade");
    }
}

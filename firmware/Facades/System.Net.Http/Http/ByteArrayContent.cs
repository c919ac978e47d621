// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/ByteArrayContent.cs@304d2093a51043a2a4b3461f1ebe301e967adf8a

using System;
using System.IO;

namespace System.Net.Http
{
    /// <summary>HTTP content from a byte array.</summary>
    public class ByteArrayContent : HttpContent
    {
        public ByteArrayContent(byte[] content) => throw new NotSupportedException("compile-only facade");

        public ByteArrayContent(byte[] content, int offset, int count) => throw new NotSupportedException("compile-only facade");

        protected override void SerializeToStream(Stream stream) => throw new NotSupportedException("compile-only facade");

        protected internal override bool TryComputeLength(out long length) => throw new NotSupportedException("compile-only facade");
    }
}

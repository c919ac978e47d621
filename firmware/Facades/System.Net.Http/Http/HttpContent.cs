// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpContent.cs@b1901fba43ed4d5d12b3ef8f30ddac923e0e2e58 (matches the API doc at HEAD a37532d: void LoadIntoBuffer, protected virtual CreateContentReadStream; the older @08acff6 had Stream LoadIntoBuffer and no CreateContentReadStream)

using System;
using System.IO;
using System.Net.Http.Headers;

namespace System.Net.Http
{
    /// <summary>An HTTP entity body and its content headers.</summary>
    public abstract class HttpContent : IDisposable
    {
        protected HttpContent() => throw new NotSupportedException("compile-only facade");

        public HttpContentHeaders Headers { get => throw new NotSupportedException("compile-only facade"); }

        public void CopyTo(Stream stream) => throw new NotSupportedException("compile-only facade");

        public void LoadIntoBuffer() => throw new NotSupportedException("compile-only facade");

        public Stream ReadAsStream() => throw new NotSupportedException("compile-only facade");

        public byte[] ReadAsByteArray() => throw new NotSupportedException("compile-only facade");

        public string ReadAsString() => throw new NotSupportedException("compile-only facade");

        protected internal abstract bool TryComputeLength(out long length);

        public void Dispose() => throw new NotSupportedException("compile-only facade");

        protected virtual void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");

        protected abstract void SerializeToStream(Stream stream);

        protected virtual Stream CreateContentReadStream() => throw new NotSupportedException("compile-only facade");
    }
}

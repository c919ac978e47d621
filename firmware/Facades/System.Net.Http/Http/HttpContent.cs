// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpContent.cs@08acff6ce702313aeac3c6ffc0dcc85f904209b8 (LoadIntoBuffer returns Stream here; the API doc says void)

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

        protected int TotalBytesRead { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public void CopyTo(Stream stream) => throw new NotSupportedException("compile-only facade");

        public Stream LoadIntoBuffer() => throw new NotSupportedException("compile-only facade");

        public Stream ReadAsStream() => throw new NotSupportedException("compile-only facade");

        public byte[] ReadAsByteArray() => throw new NotSupportedException("compile-only facade");

        public string ReadAsString() => throw new NotSupportedException("compile-only facade");

        protected internal abstract bool TryComputeLength(out long length);

        public void Dispose() => throw new NotSupportedException("compile-only facade");

        protected virtual void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");

        protected abstract void SerializeToStream(Stream stream);
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpRequestMessage.cs@73eba39e6f09c38d19e8e6416ed596a7a17f8270 (RequestUri omitted: System.Uri lives in this assembly and is not mirrored)

using System;
using System.Net.Http.Headers;

namespace System.Net.Http
{
    /// <summary>An HTTP request.</summary>
    public class HttpRequestMessage : IDisposable
    {
        public HttpRequestMessage() => throw new NotSupportedException("compile-only facade");

        public HttpRequestMessage(HttpMethod method, string requestUri) => throw new NotSupportedException("compile-only facade");

        public Version Version { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public HttpMethod Method { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public HttpRequestHeaders Headers => throw new NotSupportedException("compile-only facade");

        public HttpContent Content { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        protected virtual void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");
    }
}

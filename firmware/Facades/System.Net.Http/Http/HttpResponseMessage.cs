// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpResponseMessage.cs@2b672deaad4f08c1a8a3b3ca0eed031a5d0663a6

using System;
using System.Net.Http.Headers;

namespace System.Net.Http
{
    /// <summary>An HTTP response; must be disposed.</summary>
    public class HttpResponseMessage : IDisposable
    {
        public HttpResponseMessage() => throw new NotSupportedException("compile-only facade");

        public HttpResponseMessage(HttpStatusCode statusCode) => throw new NotSupportedException("compile-only facade");

        public HttpContent Content { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public HttpResponseHeaders Headers { get => throw new NotSupportedException("compile-only facade"); }

        public bool IsSuccessStatusCode { get => throw new NotSupportedException("compile-only facade"); }

        public string ReasonPhrase { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public HttpRequestMessage RequestMessage { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public HttpStatusCode StatusCode { get => throw new NotSupportedException("compile-only facade"); }

        public Version Version { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public HttpResponseMessage EnsureSuccessStatusCode() => throw new NotSupportedException("compile-only facade");

        protected virtual void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");
    }
}

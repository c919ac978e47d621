// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpMessageHandler.cs@853ea7f2481d8c78645569a6a1fc23afe9d4e03f

using System;

namespace System.Net.Http
{
    /// <summary>Base type of HTTP message handlers.</summary>
    public abstract class HttpMessageHandler : IDisposable
    {
        protected HttpMessageHandler() => throw new NotSupportedException("compile-only facade");

        protected internal abstract HttpResponseMessage Send(HttpRequestMessage request);

        protected virtual void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");
    }
}

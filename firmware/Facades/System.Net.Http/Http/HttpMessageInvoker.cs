// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpMessageInvoker.cs@1fc60ebbeb3963b8365f382916051bc35016ede7

using System;

namespace System.Net.Http
{
    /// <summary>Sends requests through an HttpMessageHandler.</summary>
    public class HttpMessageInvoker : IDisposable
    {
        public HttpMessageInvoker(HttpMessageHandler handler) => throw new NotSupportedException("compile-only facade");

        public HttpMessageInvoker(HttpMessageHandler handler, bool disposeHandler) => throw new NotSupportedException("compile-only facade");

        public virtual HttpResponseMessage Send(HttpRequestMessage request) => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");

        protected virtual void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");
    }
}

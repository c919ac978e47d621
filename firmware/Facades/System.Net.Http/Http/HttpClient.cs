// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpClient.cs@0071c4405fdb59bf162e3f0683e0f567f49b854a (no SendAsync, no Send(HttpRequestMessage) override and no SslVerification property in this version)

using System;
using System.IO;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace System.Net.Http
{
    /// <summary>Synchronous HTTP client (nanoFramework's equivalent of the Async methods).</summary>
    public partial class HttpClient : HttpMessageInvoker
    {
        public HttpClient() : base(null, true) => throw new NotSupportedException("compile-only facade");

        public HttpRequestHeaders DefaultRequestHeaders { get => throw new NotSupportedException("compile-only facade"); }

        public TimeSpan Timeout { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public X509Certificate HttpsAuthentCert { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public SslProtocols SslProtocols { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public HttpResponseMessage Delete(string requestUri) => throw new NotSupportedException("compile-only facade");

        public HttpResponseMessage Get(string requestUri) => throw new NotSupportedException("compile-only facade");

        public HttpResponseMessage Get(string requestUri, HttpCompletionOption completionOption) => throw new NotSupportedException("compile-only facade");

        public HttpResponseMessage Patch(string requestUri, HttpContent content) => throw new NotSupportedException("compile-only facade");

        public HttpResponseMessage Post(string requestUri, HttpContent content) => throw new NotSupportedException("compile-only facade");

        public HttpResponseMessage Put(string requestUri, HttpContent content) => throw new NotSupportedException("compile-only facade");

        public byte[] GetByteArray(string requestUri) => throw new NotSupportedException("compile-only facade");

        public Stream GetStream(string requestUri) => throw new NotSupportedException("compile-only facade");

        public string GetString(string requestUri) => throw new NotSupportedException("compile-only facade");

        public HttpResponseMessage Send(HttpRequestMessage request, HttpCompletionOption completionOption) => throw new NotSupportedException("compile-only facade");
    }
}

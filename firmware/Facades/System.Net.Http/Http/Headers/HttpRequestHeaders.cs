// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/Headers/HttpRequestHeaders.cs@304d2093a51043a2a4b3461f1ebe301e967adf8a (ConnectionClose and TransferEncodingChunked setters throw NotImplementedException in the real package)

using System;

namespace System.Net.Http.Headers
{
    /// <summary>Request headers.</summary>
    public sealed class HttpRequestHeaders : HttpHeaders
    {
        internal HttpRequestHeaders() => throw new NotSupportedException("compile-only facade");

        public string Connection { get => throw new NotSupportedException("compile-only facade"); }

        public bool ConnectionClose { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public bool TransferEncodingChunked { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }
    }
}

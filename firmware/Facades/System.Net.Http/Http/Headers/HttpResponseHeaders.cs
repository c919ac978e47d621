// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/Headers/HttpResponseHeaders.cs@853ea7f2481d8c78645569a6a1fc23afe9d4e03f

using System;

namespace System.Net.Http.Headers
{
    /// <summary>Response headers.</summary>
    public sealed class HttpResponseHeaders : HttpHeaders
    {
        internal HttpResponseHeaders() => throw new NotSupportedException("compile-only facade");
    }
}

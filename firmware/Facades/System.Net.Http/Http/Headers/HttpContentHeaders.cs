// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/Headers/HttpContentHeaders.cs@0f8b6677a57f3855745097f2594bedddfbec4fd0 (ContentLength setter throws PlatformNotSupportedException in the real package)

using System;
using System.Net.Http.Http.Headers;

namespace System.Net.Http.Headers
{
    /// <summary>Content headers: Content-Length and Content-Type.</summary>
    public sealed class HttpContentHeaders : HttpHeaders
    {
        internal HttpContentHeaders() => throw new NotSupportedException("compile-only facade");

        public long ContentLength { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public MediaTypeHeaderValue ContentType { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }
    }
}

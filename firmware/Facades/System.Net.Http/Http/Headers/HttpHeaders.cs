// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/Headers/HttpHeaders.cs@3a77d8076dd0af7c3f18a31ff23bcb273815d332

using System;

namespace System.Net.Http.Headers
{
    /// <summary>A collection of HTTP headers; Add takes any name, e.g. "Range".</summary>
    public abstract class HttpHeaders
    {
        protected HttpHeaders() => throw new NotSupportedException("compile-only facade");

        public void Add(string name, string value) => throw new NotSupportedException("compile-only facade");
    }
}

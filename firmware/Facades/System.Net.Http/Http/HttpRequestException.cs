// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpRequestException.cs@853ea7f2481d8c78645569a6a1fc23afe9d4e03f

using System;

namespace System.Net.Http
{
    /// <summary>A request failed (network, DNS, TLS) or the status was not a success.</summary>
    [Serializable]
    public class HttpRequestException : Exception
    {
        public HttpRequestException() => throw new NotSupportedException("compile-only facade");

        public HttpRequestException(string message) => throw new NotSupportedException("compile-only facade");

        public HttpRequestException(string message, Exception inner) => throw new NotSupportedException("compile-only facade");
    }
}

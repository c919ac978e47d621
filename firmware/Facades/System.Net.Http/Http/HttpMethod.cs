// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpMethod.cs@304d2093a51043a2a4b3461f1ebe301e967adf8a

using System;

namespace System.Net.Http
{
    /// <summary>An HTTP method.</summary>
    public partial class HttpMethod
    {
        public HttpMethod(string method) => throw new NotSupportedException("compile-only facade");

        public static HttpMethod Get => throw new NotSupportedException("compile-only facade");

        public static HttpMethod Put => throw new NotSupportedException("compile-only facade");

        public static HttpMethod Post => throw new NotSupportedException("compile-only facade");

        public static HttpMethod Delete => throw new NotSupportedException("compile-only facade");

        public static HttpMethod Head => throw new NotSupportedException("compile-only facade");

        public static HttpMethod Options => throw new NotSupportedException("compile-only facade");

        public static HttpMethod Patch => throw new NotSupportedException("compile-only facade");

        public string Method => throw new NotSupportedException("compile-only facade");
    }
}

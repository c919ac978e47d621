// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/Headers/MediaTypeHeaderValue.cs@3a77990ba781c4d185ade3902e5969198b537008 (namespace really is System.Net.Http.Http.Headers)

using System;

namespace System.Net.Http.Http.Headers
{
    /// <summary>A media type with an optional charset, as in Content-Type.</summary>
    public class MediaTypeHeaderValue
    {
        public MediaTypeHeaderValue(string mediaType) => throw new NotSupportedException("compile-only facade");

        public string CharSet { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public string MediaType { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public static MediaTypeHeaderValue Parse(string input) => throw new NotSupportedException("compile-only facade");

        public override string ToString() => throw new NotSupportedException("compile-only facade");
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net.Http:nanoFramework.System.Net.Http/Http/HttpCompletionOption.cs@304d2093a51043a2a4b3461f1ebe301e967adf8a

namespace System.Net.Http
{
    /// <summary>When a send completes: after the whole body is buffered, or as soon as the headers are read.</summary>
    public enum HttpCompletionOption
    {
        ResponseContentRead = 0,
        ResponseHeadersRead,
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.FileSystem:System.IO.FileSystem/FileAccess.cs@cddbb0b2a5fbe5f7064661c4485bea9b408fcc5c

using System;

namespace System.IO
{
    /// <summary>Read and/or write access to a file.</summary>
    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Streams:System.IO.Streams/SeekOrigin.cs@cf6e5f7b7ac9e040de13e7a6cc77f90028afcbd6

using System;

namespace System.IO
{
    /// <summary>Reference point of Stream.Seek.</summary>
    [Serializable]
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }
}

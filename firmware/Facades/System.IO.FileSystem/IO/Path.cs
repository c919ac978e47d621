// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.FileSystem:System.IO.FileSystem/Path.cs@04e7da49d49434b8dc6971b9188ac38f4b5bd892

using System;

namespace System.IO
{
    /// <summary>Path string helpers.</summary>
    public static class Path
    {
        public static string Combine(string path1, string path2) => throw new NotSupportedException("compile-only facade");

        public static string GetDirectoryName(string path) => throw new NotSupportedException("compile-only facade");

        public static string GetExtension(string path) => throw new NotSupportedException("compile-only facade");

        public static string GetFileName(string path) => throw new NotSupportedException("compile-only facade");

        public static string GetFileNameWithoutExtension(string path) => throw new NotSupportedException("compile-only facade");
    }
}

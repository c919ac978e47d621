// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.FileSystem:System.IO.FileSystem/Directory.cs@04d0c3fa17d80da3a9cface43c65aa0ebbf6eed3

using System;

namespace System.IO
{
    /// <summary>Directory management.</summary>
    public static class Directory
    {
        public static void CreateDirectory(string path) => throw new NotSupportedException("compile-only facade");

        public static void Delete(string path, bool recursive = false) => throw new NotSupportedException("compile-only facade");

        public static bool Exists(string path) => throw new NotSupportedException("compile-only facade");

        public static void Move(string sourcePath, string destinationPath) => throw new NotSupportedException("compile-only facade");

        public static string[] GetFiles(string path) => throw new NotSupportedException("compile-only facade");

        public static string[] GetDirectories(string path) => throw new NotSupportedException("compile-only facade");
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.FileSystem:System.IO.FileSystem/File.cs@05510a72dae6e0dd64d0c7e0e5f8aa7f0f79f5ef (only members also listed by the API doc at HEAD 434b26c; ReadAllBytes/WriteAllBytes/Open* are in the doc but not in this version)

using System;

namespace System.IO
{
    /// <summary>File management: create, delete, exists, move, copy.</summary>
    public static class File
    {
        public static void Copy(string sourceFileName, string destFileName) => throw new NotSupportedException("compile-only facade");

        public static void Copy(string sourceFileName, string destFileName, bool overwrite) => throw new NotSupportedException("compile-only facade");

        public static FileStream Create(string path) => throw new NotSupportedException("compile-only facade");

        public static void Delete(string path) => throw new NotSupportedException("compile-only facade");

        public static bool Exists(string path) => throw new NotSupportedException("compile-only facade");

        public static void Move(string sourceFileName, string destFileName) => throw new NotSupportedException("compile-only facade");
    }
}

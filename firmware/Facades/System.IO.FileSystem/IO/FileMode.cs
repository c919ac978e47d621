// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.FileSystem:System.IO.FileSystem/FileMode.cs@0b4543a44fbe993cd1aec2311f1690d6760efe54

namespace System.IO
{
    /// <summary>How a file is opened or created.</summary>
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Ports:System.IO.Ports/StopBits.cs@339c73f794e5f4b1d1665b2c69ab4f3a535ff30b

namespace System.IO.Ports
{
    /// <summary>Number of stop bits.</summary>
    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3
    }
}

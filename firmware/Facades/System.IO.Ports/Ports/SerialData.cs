// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Ports:System.IO.Ports/SerialData.cs@04e9eab8ffe1d337ac4f18cdc8827988dbd3e46c

namespace System.IO.Ports
{
    /// <summary>What a DataReceived event reports.</summary>
    public enum SerialData
    {
        Chars = 1,
        WatchChar = 2
    }
}

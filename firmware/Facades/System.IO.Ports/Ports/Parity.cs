// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Ports:System.IO.Ports/Parity.cs@04e9eab8ffe1d337ac4f18cdc8827988dbd3e46c

namespace System.IO.Ports
{
    /// <summary>Parity bit.</summary>
    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }
}

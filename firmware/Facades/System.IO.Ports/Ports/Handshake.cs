// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Ports:System.IO.Ports/Handshake.cs@04e9eab8ffe1d337ac4f18cdc8827988dbd3e46c

namespace System.IO.Ports
{
    /// <summary>Flow control.</summary>
    public enum Handshake
    {
        None,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff
    }
}

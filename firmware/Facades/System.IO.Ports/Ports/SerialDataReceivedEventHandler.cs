// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Ports:System.IO.Ports/SerialDataReceivedEventHandler.cs@0a65d4d5048924014beb6da2a9dff53c5c3dd79a

namespace System.IO.Ports
{
    /// <summary>Handler of SerialPort.DataReceived.</summary>
    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);
}

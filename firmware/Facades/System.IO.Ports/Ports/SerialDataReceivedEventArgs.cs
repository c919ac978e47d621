// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Ports:System.IO.Ports/SerialDataReceivedEventArgs.cs@4a625310afa23d40b383f2737d7d82183d814529

using System;

namespace System.IO.Ports
{
    /// <summary>Event data of SerialPort.DataReceived.</summary>
    public class SerialDataReceivedEventArgs : EventArgs
    {
        internal SerialDataReceivedEventArgs(SerialData eventCode) => throw new NotSupportedException("compile-only facade");

        public SerialData EventType { get => throw new NotSupportedException("compile-only facade"); }
    }
}

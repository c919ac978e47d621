// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Ports:System.IO.Ports/SerialPort.cs@04e9eab8ffe1d337ac4f18cdc8827988dbd3e46c (portName must be "COMn")

using System;

namespace System.IO.Ports
{
    /// <summary>A UART (COMn); on ESP32 assign its pins with Configuration.SetPinFunction first.</summary>
    public sealed class SerialPort : IDisposable
    {
        public const int InfiniteTimeout = -1;

        public const string DefaultNewLine = "\r\n";

        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) => throw new NotSupportedException("compile-only facade");

        public event SerialDataReceivedEventHandler DataReceived { add => throw new NotSupportedException("compile-only facade"); remove => throw new NotSupportedException("compile-only facade"); }

        public int BaudRate { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public Handshake Handshake { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public int DataBits { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public Parity Parity { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public StopBits StopBits { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public string PortName { get => throw new NotSupportedException("compile-only facade"); }

        public bool IsOpen { get => throw new NotSupportedException("compile-only facade"); }

        public string NewLine { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public int ReadTimeout { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public int WriteTimeout { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public int ReceivedBytesThreshold { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public int BytesToRead { get => throw new NotSupportedException("compile-only facade"); }

        public static string[] GetPortNames() => throw new NotSupportedException("compile-only facade");

        public void Open() => throw new NotSupportedException("compile-only facade");

        public void Close() => throw new NotSupportedException("compile-only facade");

        public int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("compile-only facade");

        public int ReadByte() => throw new NotSupportedException("compile-only facade");

        public string ReadExisting() => throw new NotSupportedException("compile-only facade");

        public string ReadLine() => throw new NotSupportedException("compile-only facade");

        public void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("compile-only facade");

        public void Write(string text) => throw new NotSupportedException("compile-only facade");

        public void Write(char[] buffer, int offset, int count) => throw new NotSupportedException("compile-only facade");

        public void WriteLine(string text) => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");
    }
}

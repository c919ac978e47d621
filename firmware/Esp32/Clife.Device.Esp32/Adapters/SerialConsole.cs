using System;
using System.IO.Ports;
using Clife.Device.Hal;
using nanoFramework.Hardware.Esp32;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// The technician's console on a UART (COM2 by default: COM1 carries nanoFramework's debugger/wire protocol and
    /// Console output). The board file gives its pins; on the ESP32 they must be assigned before the port is opened.
    /// Reads never wait; a write that the UART cannot take within a second is dropped rather than stalling the device.
    /// </summary>
    public sealed class SerialConsole : IByteStream
    {
        private const int WriteTimeoutMs = 1000;
        private readonly SerialPort _port;

        /// <summary>Assigns the board's console pins and opens the port.</summary>
        public SerialConsole(BoardSettings board)
        {
            int index = PortIndex(board.ConsoleUart);
            if (board.ConsoleRxPin >= 0) Configuration.SetPinFunction(board.ConsoleRxPin, RxFunction(index));
            if (board.ConsoleTxPin >= 0) Configuration.SetPinFunction(board.ConsoleTxPin, TxFunction(index));
            _port = new SerialPort(board.ConsoleUart, board.ConsoleBaudRate);
            _port.WriteTimeout = WriteTimeoutMs;
            _port.Open();
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available <= 0) return 0;
            return _port.Read(buffer, offset, available < count ? available : count);
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _port.Write(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                // Nobody reads the UART fast enough (no terminal attached): the console output is best effort.
            }
        }

        private static int PortIndex(string uart)
        {
            if (uart.Length != 4 || uart.Substring(0, 3) != "COM" || uart[3] < '2' || uart[3] > '4')
                throw new ArgumentException("console UART must be COM2, COM3 or COM4 (COM1 is the debugger's), not " + uart);
            return uart[3] - '0';
        }

        private static DeviceFunction RxFunction(int port) =>
            port == 2 ? DeviceFunction.COM2_RX : port == 3 ? DeviceFunction.COM3_RX : DeviceFunction.COM4_RX;

        private static DeviceFunction TxFunction(int port) =>
            port == 2 ? DeviceFunction.COM2_TX : port == 3 ? DeviceFunction.COM3_TX : DeviceFunction.COM4_TX;
    }
}

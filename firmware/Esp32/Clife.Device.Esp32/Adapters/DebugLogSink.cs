using Clife.Device.Hal;

namespace Clife.Device.Esp32
{
    /// <summary>Mirrors log lines to nanoFramework's Console, i.e. the debugger channel on COM1 (the technician reads them with the console's log command).</summary>
    public sealed class DebugLogSink : ILogSink
    {
        /// <inheritdoc/>
        public void WriteLine(string line) => System.Console.WriteLine(line);
    }
}

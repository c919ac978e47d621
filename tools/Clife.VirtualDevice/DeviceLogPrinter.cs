using System.IO;
using Clife.Device.Hal;

namespace Clife.DeviceCli;

/// <summary>Prints the virtual device's log lines to a writer, each marked "device".</summary>
internal sealed class DeviceLogPrinter(TextWriter output) : ILogSink
{
    /// <inheritdoc/>
    public void WriteLine(string line) => output.WriteLine("  device " + line);
}

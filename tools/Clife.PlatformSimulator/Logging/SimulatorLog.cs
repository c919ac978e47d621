using System;
using System.Globalization;
using Clife.Simulator.Protocol;

namespace Clife.Simulator.Logging;

/// <summary>The simulator's readable log: one line per event (what arrived, what was sent), never a secret.</summary>
public sealed class SimulatorLog
{
    private readonly Action<string>? _sink;
    private readonly object _gate = new();

    /// <summary>Creates a log writing lines to the sink; null writes nothing.</summary>
    public SimulatorLog(Action<string>? sink) => _sink = sink;

    /// <summary>Logs an informational line under an area ("http", "mqtt", "files", ...).</summary>
    public void Info(string area, string message) => Write(area, message);

    /// <summary>Logs a problem under an area.</summary>
    public void Warn(string area, string message) => Write(area, "WARN " + message);

    /// <summary>Logs a frame that arrived from (inbound) or was sent to a device; secrets are masked.</summary>
    public void Frame(bool inbound, string devId, string channel, Frame frame)
    {
        if (_sink is null) return;
        string arrow = inbound ? "<-" : "->";
        string data = Redactor.ToSafeJson(frame.Data);
        if (data.Length > 400) data = data[..400] + "...";
        Write(channel, $"{arrow} {devId} {frame.Cmd} {PlatformCmd.Name(frame.Cmd)} #{frame.MsgId} {data}");
    }

    private void Write(string area, string message)
    {
        if (_sink is null) return;
        string line = $"{DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} [sim/{area}] {message}";
        lock (_gate)
        {
            _sink(line);
        }
    }
}

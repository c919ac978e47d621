using System.Collections.Generic;
using System.Text;

namespace Clife.Device.Host.Console;

/// <summary>
/// Records everything a console writes, for in-process drivers (the demo, the tests) that type lines and read back
/// the answers. Opt-in: a long-running device does not keep its whole console output.
/// </summary>
public sealed class ConsoleTranscript
{
    private readonly List<byte> _bytes = new();
    private readonly object _lock = new();

    /// <summary>Records what the console writes from now on.</summary>
    public ConsoleTranscript(ConsoleStreams console)
    {
        console.Output += bytes =>
        {
            lock (_lock) _bytes.AddRange(bytes);
        };
    }

    /// <summary>Bytes recorded so far: a mark to pass to <see cref="Since"/>.</summary>
    public int Length
    {
        get
        {
            lock (_lock) return _bytes.Count;
        }
    }

    /// <summary>Everything recorded so far, as text.</summary>
    public string Text => Since(0);

    /// <summary>What was recorded after a mark taken from <see cref="Length"/>, as text.</summary>
    public string Since(int mark)
    {
        lock (_lock) return Encoding.UTF8.GetString(_bytes.GetRange(mark, _bytes.Count - mark).ToArray());
    }
}

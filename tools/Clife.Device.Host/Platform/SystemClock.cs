using System.Diagnostics;
using Clife.Device.Hal;

namespace Clife.Device.Host.Platform;

/// <summary>The host's clocks: a stopwatch for monotonic time and the system clock for wall-clock time.</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    /// <inheritdoc/>
    public long NowMs => _watch.ElapsedMilliseconds;

    /// <inheritdoc/>
    public long WallClockMs => System.DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}

namespace Clife.Device.Hal
{
    /// <summary>Time for the core: a monotonic millisecond counter and the host's best idea of wall-clock time.</summary>
    /// <remarks>
    /// The core never sleeps and never starts timers itself. It compares <see cref="NowMs"/> against deadlines
    /// each time the host polls it, so a fake clock drives every timer in tests.
    /// </remarks>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards.</summary>
        long NowMs { get; }

        /// <summary>Local wall-clock time in milliseconds since the Unix epoch; may be wrong until synced.</summary>
        long WallClockMs { get; }
    }
}

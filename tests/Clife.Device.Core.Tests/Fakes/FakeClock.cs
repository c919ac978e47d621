using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>A clock that only moves when the test moves it.</summary>
    public sealed class FakeClock : IClock
    {
        /// <summary>Starts at the given monotonic and wall-clock times.</summary>
        public FakeClock(long nowMs, long wallClockMs)
        {
            NowMs = nowMs;
            WallStartMs = wallClockMs - nowMs;
        }

        /// <summary>Wall-clock time minus monotonic time.</summary>
        public long WallStartMs { get; set; }

        /// <inheritdoc/>
        public long NowMs { get; private set; }

        /// <inheritdoc/>
        public long WallClockMs => WallStartMs + NowMs;

        /// <summary>Moves time forward.</summary>
        public void Advance(long milliseconds) => NowMs += milliseconds;
    }
}

using Clife.Device.Hal;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// Platform time, learned from the timestamps of 2001 and 2005 and held as an offset from the monotonic clock.
    /// Until the first sync it is the local wall clock (the first registration uses local time, per the seed).
    /// </summary>
    public sealed class PlatformClock
    {
        private readonly IClock _clock;
        private long _offsetMs;

        /// <summary>Creates an unsynced clock.</summary>
        public PlatformClock(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>True once a platform timestamp has been applied.</summary>
        public bool IsSynced { get; private set; }

        /// <summary>Milliseconds since the Unix epoch: platform time when synced, else the local wall clock.</summary>
        public long NowMs => IsSynced ? _clock.NowMs + _offsetMs : _clock.WallClockMs;

        /// <summary>Adopts a platform timestamp (ms since the epoch) as the current time; ignores non-positive values.</summary>
        public void Sync(long platformMs)
        {
            if (platformMs <= 0) return;
            _offsetMs = platformMs - _clock.NowMs;
            IsSynced = true;
        }
    }
}

using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>Platform time is the local clock until a platform timestamp is applied, then follows the monotonic clock.</summary>
    public sealed class PlatformClockTests
    {
        public void Unsynced_clock_reads_the_local_wall_clock()
        {
            FakeClock clock = new FakeClock(1000, 1617787651542);
            PlatformClock platform = new PlatformClock(clock);
            Check.False(platform.IsSynced, "synced");
            Check.Equal(1617787651542, platform.NowMs, "now");
        }

        public void Synced_clock_follows_monotonic_time_from_the_platform_timestamp()
        {
            FakeClock clock = new FakeClock(1000, 5);
            PlatformClock platform = new PlatformClock(clock);
            platform.Sync(1700000000000);
            clock.Advance(2500);
            Check.Equal(1700000002500, platform.NowMs, "now");
            Check.True(platform.IsSynced, "synced");
        }

        public void Non_positive_timestamps_are_ignored()
        {
            FakeClock clock = new FakeClock(0, 42);
            PlatformClock platform = new PlatformClock(clock);
            platform.Sync(0);
            platform.Sync(-5);
            Check.False(platform.IsSynced, "synced");
            Check.Equal(42, platform.NowMs, "now");
        }
    }
}

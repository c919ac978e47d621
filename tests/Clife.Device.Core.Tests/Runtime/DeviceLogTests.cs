using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>The RAM log keeps the most recent lines with their uptime, and the last error.</summary>
    public sealed class DeviceLogTests
    {
        public void Recent_lines_come_oldest_first_with_uptime_and_level()
        {
            FakeClock clock = new FakeClock(1500, 0);
            DeviceLog log = new DeviceLog(clock, null, 4);
            log.Write("boot");
            clock.Advance(2034);
            log.Fail("registration failed");
            LogEntry[] lines = log.Recent(10);
            Check.Equal(2, lines.Length, "count");
            Check.Equal("1.500 INFO boot", lines[0].ToString(), "first");
            Check.Equal("3.534 ERROR registration failed", lines[1].ToString(), "second");
            Check.Equal("registration failed", log.LastError, "last error");
        }

        public void Ring_keeps_only_the_last_lines()
        {
            DeviceLog log = new DeviceLog(new FakeClock(0, 0), null, 3);
            for (int i = 1; i <= 5; i++) log.Write("line " + i.ToString());
            LogEntry[] lines = log.Recent(10);
            Check.Equal(3, lines.Length, "count");
            Check.Equal("line 3", lines[0].Text, "oldest kept");
            Check.Equal("line 5", lines[2].Text, "newest");
            Check.Equal(2, log.Recent(2).Length, "limited");
            Check.Equal("line 4", log.Recent(2)[0].Text, "last two");
        }

        public void Lines_are_mirrored_to_the_sink()
        {
            RecordingSink sink = new RecordingSink();
            DeviceLog log = new DeviceLog(new FakeClock(0, 0), sink, 3);
            log.Warn("weak signal");
            Check.Equal("0.000 WARN weak signal", sink.Last, "sink line");
        }

        private sealed class RecordingSink : Clife.Device.Hal.ILogSink
        {
            public string Last = "";
            public void WriteLine(string line) => Last = line;
        }
    }
}

namespace Clife.Device.Runtime
{
    /// <summary>One line of the device log.</summary>
    public sealed class LogEntry
    {
        /// <summary>Creates an entry.</summary>
        public LogEntry(long uptimeMs, int level, string text)
        {
            UptimeMs = uptimeMs;
            Level = level;
            Text = text;
        }

        /// <summary>Monotonic time of the entry, in milliseconds since boot.</summary>
        public long UptimeMs { get; }

        /// <summary>Severity (<see cref="DeviceLog.Info"/>, <see cref="DeviceLog.Warning"/>, <see cref="DeviceLog.Error"/>).</summary>
        public int Level { get; }

        /// <summary>The message.</summary>
        public string Text { get; }

        /// <summary>The line as shown on the console: uptime, level, message.</summary>
        public override string ToString() => DeviceLog.FormatUptime(UptimeMs) + " " + DeviceLog.LevelName(Level) + " " + Text;
    }
}

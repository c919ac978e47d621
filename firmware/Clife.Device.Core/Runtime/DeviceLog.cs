using Clife.Device.Hal;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// The device log: a RAM ring of the most recent lines (for the console's <c>log</c> command), mirrored to the
    /// host's sink. Callers never pass secrets; the console and status never print them either.
    /// </summary>
    public sealed class DeviceLog
    {
        /// <summary>Severity: information.</summary>
        public const int Info = 0;
        /// <summary>Severity: something went wrong but the device carries on.</summary>
        public const int Warning = 1;
        /// <summary>Severity: an operation failed.</summary>
        public const int Error = 2;

        private static readonly string[] LevelNames = { "INFO", "WARN", "ERROR" };

        private readonly IClock _clock;
        private readonly ILogSink? _sink;
        private readonly LogEntry?[] _entries;
        private int _next;
        private int _count;

        /// <summary>Creates a log that keeps the last <paramref name="capacity"/> lines.</summary>
        public DeviceLog(IClock clock, ILogSink? sink, int capacity)
        {
            _clock = clock;
            _sink = sink;
            _entries = new LogEntry?[capacity];
        }

        /// <summary>The message of the last error, or an empty string.</summary>
        public string LastError { get; private set; } = "";

        /// <summary>Lines kept in the ring.</summary>
        public int Count => _count;

        /// <summary>Logs information.</summary>
        public void Write(string message) => Add(Info, message);

        /// <summary>Logs a warning.</summary>
        public void Warn(string message) => Add(Warning, message);

        /// <summary>Logs an error and remembers it as the last error.</summary>
        public void Fail(string message)
        {
            LastError = message;
            Add(Error, message);
        }

        /// <summary>The most recent entries, oldest first, at most <paramref name="max"/>.</summary>
        public LogEntry[] Recent(int max)
        {
            int n = max < _count ? max : _count;
            if (n < 0) n = 0;
            LogEntry[] result = new LogEntry[n];
            int start = _next - n;
            if (start < 0) start += _entries.Length;
            for (int i = 0; i < n; i++) result[i] = _entries[(start + i) % _entries.Length]!;
            return result;
        }

        /// <summary>Name of a severity level.</summary>
        public static string LevelName(int level) => level >= 0 && level < LevelNames.Length ? LevelNames[level] : "?";

        private void Add(int level, string message)
        {
            LogEntry entry = new LogEntry(_clock.NowMs, level, message);
            _entries[_next] = entry;
            _next = (_next + 1) % _entries.Length;
            if (_count < _entries.Length) _count++;
            if (_sink != null) _sink.WriteLine(entry.ToString());
        }

        /// <summary>Formats milliseconds of uptime as seconds with three decimals, e.g. "12.034".</summary>
        public static string FormatUptime(long ms)
        {
            long seconds = ms / 1000;
            long millis = ms % 1000;
            return seconds.ToString() + "." + millis.ToString("D3");
        }
    }
}

using System;
using Clife.Device.Hal;

namespace Clife.Device.Esp32
{
    /// <summary>Time on the ESP32: the system tick counter (monotonic) and the RTC, which SNTP sets once Wi-Fi is up.</summary>
    public sealed class EspClock : IClock
    {
        private const long UnixEpochTicks = 621355968000000000;

        /// <inheritdoc/>
        public long NowMs => Environment.TickCount64;

        /// <inheritdoc/>
        public long WallClockMs => (DateTime.UtcNow.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;
    }
}

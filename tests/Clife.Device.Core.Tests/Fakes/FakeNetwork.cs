using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>A network that is up unless a test takes it down.</summary>
    public sealed class FakeNetwork : INetwork
    {
        /// <summary>Whether EnsureUp succeeds.</summary>
        public bool Available = true;
        /// <summary>Calls of EnsureUp.</summary>
        public int EnsureCalls;
        /// <summary>SSID passed last.</summary>
        public string LastSsid = "";

        /// <inheritdoc/>
        public bool EnsureUp(string ssid, string password, int timeoutMs)
        {
            EnsureCalls++;
            LastSsid = ssid;
            return Available;
        }

        /// <inheritdoc/>
        public bool IsUp => Available;
        /// <inheritdoc/>
        public string IpAddress => Available ? "192.168.1.50" : "";
        /// <inheritdoc/>
        public int Rssi => -48;
        /// <inheritdoc/>
        public string MacAddress => "24d7eb0a1b2c";
    }
}

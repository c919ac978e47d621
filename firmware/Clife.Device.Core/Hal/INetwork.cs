namespace Clife.Device.Hal
{
    /// <summary>The device's IP network (Wi-Fi on the ESP32).</summary>
    public interface INetwork
    {
        /// <summary>
        /// Brings the network up with the given Wi-Fi credentials if it is not up yet, waiting at most timeoutMs.
        /// Returns true when the device has an IP address. Hosts without Wi-Fi ignore the credentials.
        /// </summary>
        bool EnsureUp(string ssid, string password, int timeoutMs);

        /// <summary>True while the device has an IP address.</summary>
        bool IsUp { get; }

        /// <summary>The device's IP address as text, or an empty string.</summary>
        string IpAddress { get; }

        /// <summary>Received signal strength in dBm, or 0 when unknown.</summary>
        int Rssi { get; }

        /// <summary>MAC address as 12 lowercase hex digits.</summary>
        string MacAddress { get; }
    }
}

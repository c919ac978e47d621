using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using Clife.Device.Hal;
using Clife.Device.Text;
using nanoFramework.Networking;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// Wi-Fi station through nanoFramework's WifiNetworkHelper (DHCP, automatic reconnection by the driver, and the
    /// clock set by SNTP, which TLS certificate checks need), and the address facts from the Wi-Fi interface.
    /// </summary>
    public sealed class EspNetwork : INetwork
    {
        private const string NoAddress = "0.0.0.0";
        private string _ssid = "";

        /// <inheritdoc/>
        public bool EnsureUp(string ssid, string password, int timeoutMs)
        {
            if (IsUp && ssid == _ssid) return true;
            try
            {
                using (CancellationTokenSource cs = new CancellationTokenSource(timeoutMs))
                {
                    bool ok = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, true, 0, cs.Token);
                    if (ok) _ssid = ssid;
                    // Without SNTP the helper reports failure although DHCP worked: the address is what counts here.
                    return ok || IsUp;
                }
            }
            catch (Exception)
            {
                return IsUp;
            }
        }

        /// <inheritdoc/>
        public bool IsUp
        {
            get
            {
                string ip = IpAddress;
                return ip.Length > 0 && ip != NoAddress;
            }
        }

        /// <inheritdoc/>
        public string IpAddress
        {
            get
            {
                NetworkInterface? wifi = Wifi();
                string? ip = wifi == null ? null : wifi.IPv4Address;
                return ip ?? "";
            }
        }

        /// <summary>The station's signal strength needs a scan on nanoFramework; the status shows 0 (unknown) instead.</summary>
        public int Rssi => 0;

        /// <inheritdoc/>
        public string MacAddress
        {
            get
            {
                NetworkInterface? wifi = Wifi();
                if (wifi == null) return "";
                byte[] mac = wifi.PhysicalAddress;
                return Hex.Encode(mac, 0, mac.Length);
            }
        }

        private static NetworkInterface? Wifi()
        {
            NetworkInterface[] all = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211) return all[i];
            }
            return null;
        }
    }
}

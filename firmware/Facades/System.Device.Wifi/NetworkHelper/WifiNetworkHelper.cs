// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Device.Wifi:System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs@606f5099248125d454c45136bd2ac75db0c74191

using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    /// <summary>Connects the Wi-Fi station (and stores the credentials on the device).</summary>
    public static class WifiNetworkHelper
    {
        public static ManualResetEvent NetworkReady => throw new NotSupportedException("compile-only facade");

        public static NetworkHelperStatus Status => throw new NotSupportedException("compile-only facade");

        public static Exception HelperException { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }

        public static WifiAdapter WifiAdapter { get => throw new NotSupportedException("compile-only facade"); }

        public static void SetupNetworkHelper(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false) => throw new NotSupportedException("compile-only facade");

        public static void Disconnect() => throw new NotSupportedException("compile-only facade");

        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw new NotSupportedException("compile-only facade");

        public static bool ScanAndConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) => throw new NotSupportedException("compile-only facade");

        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw new NotSupportedException("compile-only facade");
    }
}

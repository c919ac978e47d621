// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Device.Wifi:System.Device.Wifi/WifiAdapter.cs@8ee54687cb11116901fa820a1b0cc87ef702931e (RSSI is only available from a scan: ScanAsync, then NetworkReport.AvailableNetworks)

using System;

namespace System.Device.Wifi
{
    /// <summary>Raised when a scan completes.</summary>
    public delegate void AvailableNetworksChangedEventHandler(WifiAdapter sender, Object e);

    /// <summary>A Wi-Fi adapter: scan, connect, disconnect.</summary>
    public sealed class WifiAdapter : IDisposable
    {
        internal WifiAdapter() => throw new NotSupportedException("compile-only facade");

        public event AvailableNetworksChangedEventHandler AvailableNetworksChanged { add => throw new NotSupportedException("compile-only facade"); remove => throw new NotSupportedException("compile-only facade"); }

        public int NetworkInterface { get => throw new NotSupportedException("compile-only facade"); }

        public WifiNetworkReport NetworkReport { get => throw new NotSupportedException("compile-only facade"); }

        public void Disconnect() => throw new NotSupportedException("compile-only facade");

        public static WifiAdapter[] FindAllAdapters() => throw new NotSupportedException("compile-only facade");

        public void ScanAsync() => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");
    }
}

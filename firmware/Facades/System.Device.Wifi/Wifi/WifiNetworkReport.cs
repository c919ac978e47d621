// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Device.Wifi:System.Device.Wifi/WifiNetworkReport.cs@fdb9461b91f9d4ae401b594729ba6468f7354c0f

using System;

namespace System.Device.Wifi
{
    /// <summary>Result of a scan.</summary>
    public class WifiNetworkReport
    {
        internal WifiNetworkReport() => throw new NotSupportedException("compile-only facade");

        public WifiAvailableNetwork[] AvailableNetworks { get => throw new NotSupportedException("compile-only facade"); }
    }
}

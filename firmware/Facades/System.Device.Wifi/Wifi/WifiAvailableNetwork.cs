// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Device.Wifi:System.Device.Wifi/WifiAvailableNetwork.cs@dc9aa1db40235786c74a1c17f3643f29fb4a3588

using System;

namespace System.Device.Wifi
{
    /// <summary>A network seen by a scan, with its signal strength.</summary>
    public class WifiAvailableNetwork
    {
        public WifiAvailableNetwork() => throw new NotSupportedException("compile-only facade");

        public string Bsid { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }

        public string Ssid { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }

        public double NetworkRssiInDecibelMilliwatts { get => throw new NotSupportedException("compile-only facade"); }

        public byte SignalBars { get => throw new NotSupportedException("compile-only facade"); }
    }
}

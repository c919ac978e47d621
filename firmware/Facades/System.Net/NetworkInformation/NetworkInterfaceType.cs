// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Net:nanoFramework.System.Net/NetworkInformation/NetworkInterfaceType.cs@a86584d2c88b6d206cb61ee1bce85a8f88784e6e

namespace System.Net.NetworkInformation
{
    /// <summary>Kind of network interface.</summary>
    public enum NetworkInterfaceType
    {
        Unknown = 1,
        Ethernet = 6,
        Wireless80211 = 71,
        WirelessAP = 72,
    }
}

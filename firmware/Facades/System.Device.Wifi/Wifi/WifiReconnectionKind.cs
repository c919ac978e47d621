// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Device.Wifi:System.Device.Wifi/WifiReconnectionKind.cs@dc9aa1db40235786c74a1c17f3643f29fb4a3588

namespace System.Device.Wifi
{
    /// <summary>Whether to reconnect automatically.</summary>
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual
    }
}

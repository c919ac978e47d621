using Clife.Device.Hal;

namespace Clife.Device.Host.Platform;

/// <summary>
/// The virtual device's network: the host's own network stands in for Wi-Fi. It can be switched off to test how the
/// device behaves without a network. The MAC address is fixed per virtual device.
/// </summary>
public sealed class HostNetwork : INetwork
{
    /// <summary>Creates a network with the given MAC (12 hex digits).</summary>
    public HostNetwork(string mac) => MacAddress = mac;

    /// <summary>Whether the "Wi-Fi" is reachable.</summary>
    public volatile bool Available = true;

    /// <summary>Set while the running image is one whose networking is broken (a test image), so it never connects.</summary>
    public volatile bool BrokenByImage;

    /// <inheritdoc/>
    public bool EnsureUp(string ssid, string password, int timeoutMs) => IsUp;

    /// <inheritdoc/>
    public bool IsUp => Available && !BrokenByImage;

    /// <inheritdoc/>
    public string IpAddress => IsUp ? "127.0.0.1" : "";

    /// <summary>Simulated signal strength.</summary>
    public int SimulatedRssi { get; set; } = -52;

    /// <inheritdoc/>
    public int Rssi => IsUp ? SimulatedRssi : 0;

    /// <inheritdoc/>
    public string MacAddress { get; }
}

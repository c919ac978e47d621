using Clife.Device.Hal;

namespace Clife.Device.Host.Platform;

/// <summary>
/// Reboot on a host: the runtime asks, and the virtual device's loop notices <see cref="RebootRequested"/>, stops the
/// runtime and starts a new one from the flash image. Memory figures are unknown on a host (the device's heap is not
/// the host process's).
/// </summary>
public sealed class HostSystem : ISystemControl
{
    /// <summary>Set by <see cref="Reboot"/>; cleared by the host loop when it restarts the runtime.</summary>
    public volatile bool RebootRequested;

    /// <inheritdoc/>
    public void Reboot() => RebootRequested = true;

    /// <inheritdoc/>
    public long FreeMemory => -1;

    /// <inheritdoc/>
    public long LargestFreeBlock => -1;
}

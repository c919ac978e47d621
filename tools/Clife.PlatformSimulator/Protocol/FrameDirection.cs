namespace Clife.Simulator.Protocol;

/// <summary>Values of the frame's "dir" field: two digits, sender then receiver (0 = device, 3 = platform).</summary>
public static class FrameDirection
{
    /// <summary>Platform to device.</summary>
    public const string PlatformToDevice = "30";
    /// <summary>Device to platform.</summary>
    public const string DeviceToPlatform = "03";
}

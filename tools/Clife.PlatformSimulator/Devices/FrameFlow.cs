
namespace Clife.Simulator.Devices;

/// <summary>Which way a frame went.</summary>
public enum FrameFlow
{
    /// <summary>Device → platform.</summary>
    Up,
    /// <summary>Platform → device.</summary>
    Down,
}

using System;
using Clife.Device.Hal;

namespace Clife.Device.Host.Platform;

/// <summary>The virtual device's profile handler: keeps the profile it applied; a test can make it refuse the next one.</summary>
public sealed class RecordingProfileHandler : IProfileHandler
{
    /// <summary>The last applied profile, or null.</summary>
    public byte[]? Applied { get; private set; }

    /// <summary>When set, the next profile is refused with this reason.</summary>
    public string? RefuseNext { get; set; }

    /// <inheritdoc/>
    public string? Apply(byte[] profile, int length)
    {
        if (RefuseNext is string reason)
        {
            RefuseNext = null;
            return reason;
        }
        Applied = profile.AsSpan(0, length).ToArray();
        return null;
    }
}

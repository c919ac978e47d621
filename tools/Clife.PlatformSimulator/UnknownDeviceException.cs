using System.Collections.Generic;

namespace Clife.Simulator;

/// <summary>An operator action named a device the platform does not know.</summary>
public sealed class UnknownDeviceException : KeyNotFoundException
{
    /// <summary>Creates the exception for a devId.</summary>
    public UnknownDeviceException(string devId) : base($"unknown device '{devId}'") => DevId = devId;

    /// <summary>The devId that was asked for.</summary>
    public string DevId { get; }
}

namespace Clife.Simulator.Devices;

/// <summary>One entry of a devVer list: software/hardware versions of devNum (0 = the module).</summary>
public sealed record DeviceVersion(string? Software, string? Hardware, int? DevNum);

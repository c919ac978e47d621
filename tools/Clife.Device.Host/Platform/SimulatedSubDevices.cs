using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Clife.Device.Hal;
using Clife.Device.Protocol;

namespace Clife.Device.Host.Platform;

/// <summary>
/// Sub-devices (plug-ins) of the virtual device: each has versions and accepts a firmware image over its "link".
/// A test can make the next update fail at a chosen step. The received image's MD5 is kept so tests can check it.
/// </summary>
public sealed class SimulatedSubDevices : ISubDevices
{
    private readonly object _lock = new();
    private readonly List<DevVersion> _devices = new();
    private IncrementalHash? _md5;
    private int _expected;
    private int _received;
    private string _software = "";

    /// <summary>Adds a sub-device.</summary>
    public SimulatedSubDevices Add(int devNum, string software, string hardware)
    {
        lock (_lock) _devices.Add(new DevVersion(devNum, software, hardware));
        return this;
    }

    /// <summary>Makes the next update fail at "begin", "write" or "finish" (null: none).</summary>
    public string? FailAt { get; set; }

    /// <summary>MD5 (hex) of the last image a sub-device accepted.</summary>
    public string LastImageMd5 { get; private set; } = "";

    /// <summary>Images installed so far.</summary>
    public int Updates { get; private set; }

    /// <inheritdoc/>
    public DevVersion[] Versions()
    {
        lock (_lock)
        {
            var copy = new DevVersion[_devices.Count];
            for (int i = 0; i < copy.Length; i++) copy[i] = new DevVersion(_devices[i].DevNum, _devices[i].Software, _devices[i].Hardware);
            return copy;
        }
    }

    /// <inheritdoc/>
    public string? Begin(int devNum, int size, string software)
    {
        if (Find(devNum) is null) return "no sub-device " + devNum;
        if (Fails("begin")) return "the sub-device refused the update";
        _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        _expected = size;
        _received = 0;
        _software = software;
        return null;
    }

    /// <inheritdoc/>
    public string? Write(int devNum, byte[] buffer, int offset, int count)
    {
        if (_md5 is null) return "no update in progress";
        if (Fails("write")) return "the link to the sub-device broke";
        _md5.AppendData(buffer, offset, count);
        _received += count;
        return _received > _expected ? "more bytes than announced" : null;
    }

    /// <inheritdoc/>
    public string? Finish(int devNum)
    {
        if (_md5 is null) return "no update in progress";
        if (_received != _expected) return "image incomplete: " + _received + " of " + _expected + " bytes";
        if (Fails("finish")) return "the sub-device rejected the image";
        LastImageMd5 = Convert.ToHexStringLower(_md5.GetHashAndReset());
        _md5 = null;
        lock (_lock)
        {
            DevVersion d = Find(devNum)!;
            d.Software = _software;
        }
        Updates++;
        return null;
    }

    private DevVersion? Find(int devNum)
    {
        lock (_lock) return _devices.Find(d => d.DevNum == devNum);
    }

    private bool Fails(string step)
    {
        if (FailAt != step) return false;
        FailAt = null;
        return true;
    }
}

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Devices;
using Clife.Simulator.Protocol;

namespace Clife.Simulator;

/// <summary>Operator actions: requests the platform sends to a device. Each returns the msgId it used.</summary>
public sealed partial class PlatformSimulator
{
    /// <summary>Sends any platform→device request (dir "30", a fresh msgId) to a known device.</summary>
    /// <exception cref="UnknownDeviceException">The device is not known.</exception>
    public async Task<long> SendAsync(string devId, int cmd, JsonNode? data, int? prio = null, CancellationToken cancellationToken = default)
    {
        RequireDevice(devId);
        long msgId = NextMsgId();
        var frame = new Frame
        {
            Cmd = cmd,
            Dir = FrameDirection.PlatformToDevice,
            MsgId = msgId,
            Prio = prio,
            Timestamp = Time.GetUtcNow().ToUnixTimeMilliseconds(),
            Data = data?.DeepClone() ?? new JsonObject(),
        };
        await PublishFrameAsync(devId, frame, cancellationToken).ConfigureAwait(false);
        return msgId;
    }

    /// <summary>Publishes any text on the device's down topic, as is (for malformed-input tests).</summary>
    /// <exception cref="UnknownDeviceException">The device is not known.</exception>
    public async Task SendRawAsync(string devId, string payload, CancellationToken cancellationToken = default)
    {
        DeviceInfo device = RequireDevice(devId);
        var link = _link ?? throw new InvalidOperationException("the simulator is not started");
        Registry.RecordFrame(devId, device.ProductCode, FrameFlow.Down, MqttChannel, payload, null, "raw payload sent by the operator");
        Log.Info(MqttChannel, $"-> {devId} raw {Truncate(payload)}");
        await link.PublishAsync(DownTopic.Format(device.ProductCode, devId), Encoding.UTF8.GetBytes(payload), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>2009 data query: all points, or the named ones ({"name":null,...}).</summary>
    public Task<long> QueryAsync(string devId, params string[] points) => QueryAsync(devId, (IEnumerable<string>)points);

    /// <summary>2009 data query of the named points (all when none are named).</summary>
    public Task<long> QueryAsync(string devId, IEnumerable<string> points, CancellationToken cancellationToken = default)
    {
        var data = new JsonObject();
        foreach (string p in points) data[p] = null;
        return SendAsync(devId, PlatformCmd.Query, data, null, cancellationToken);
    }

    /// <summary>2011 data control with the given point values.</summary>
    public Task<long> ControlAsync(string devId, JsonObject points, CancellationToken cancellationToken = default)
        => SendAsync(devId, PlatformCmd.Control, points, null, cancellationToken);

    /// <summary>2013 unbind.</summary>
    public Task<long> UnbindAsync(string devId, CancellationToken cancellationToken = default)
        => SendAsync(devId, PlatformCmd.Unbind, new JsonObject(), null, cancellationToken);

    /// <summary>2017 forced offline, optionally for a number of seconds.</summary>
    public Task<long> ForceOfflineAsync(string devId, int? seconds = null, CancellationToken cancellationToken = default)
    {
        var data = new JsonObject();
        if (seconds is int s) data[Fields.Seconds] = s;
        return SendAsync(devId, PlatformCmd.ForceOffline, data, null, cancellationToken);
    }

    /// <summary>2019 file operation with any data object (see <see cref="FileOperations"/> for builders).</summary>
    public Task<long> SendFileOperationAsync(string devId, JsonObject data, CancellationToken cancellationToken = default)
        => SendAsync(devId, PlatformCmd.File, data, null, cancellationToken);

    /// <summary>
    /// Hosts an image and sends a 2019 DOWN for it (FIRM for devNum 0, else SUBFIRM) with its md5 and checkSum.
    /// Returns the msgId; progress events arrive as 2018 with that msgId.
    /// </summary>
    public Task<long> SendFirmwareAsync(string devId, string fileName, byte[] image, string software, string hardware, int productVer,
        int devNum = 0, int startTime = 0, int stopTime = 600, CancellationToken cancellationToken = default)
    {
        if (Files.Find(fileName)?.Md5 != FileImage.Md5Hex(image)) AddFile(fileName, image);
        JsonObject data = FileOperations.Down(productVer, [FileOperations.Firmware(FileUrl(fileName), image, software, hardware, devNum)], startTime, stopTime);
        return SendFileOperationAsync(devId, data, cancellationToken);
    }
}

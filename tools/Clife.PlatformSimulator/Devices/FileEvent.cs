using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Clife.Simulator.Devices;

/// <summary>One 2018 frame from a device: progress, failure, upgrade request or version report.</summary>
public sealed class FileEvent
{
    /// <summary>Sequence of the frame record.</summary>
    public required long Sequence { get; init; }
    /// <summary>When it arrived.</summary>
    public required DateTimeOffset Time { get; init; }
    /// <summary>The frame's msgId (a 2019's msgId for progress; the device's own otherwise).</summary>
    public required long MsgId { get; init; }
    /// <summary>Whether the msgId is one of the platform's 2019 requests to this device.</summary>
    public required bool Solicited { get; init; }
    /// <summary>respCode, when it is a number.</summary>
    public int? RespCode { get; init; }
    /// <summary>respCont as text (numbers turned into text).</summary>
    public string? RespCont { get; init; }
    /// <summary>productVer (respCode 3).</summary>
    public int? ProductVer { get; init; }
    /// <summary>devVer (respCode 3).</summary>
    public IReadOnlyList<DeviceVersion> DevVer { get; init; } = [];
    /// <summary>The whole data object.</summary>
    public JsonObject? Data { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{{{RespCode},{RespCont}}} #{MsgId}";
}

using System;
using System.Text.Json.Serialization;
using Clife.Simulator.Protocol;

namespace Clife.Simulator.Devices;

/// <summary>One frame seen by the platform, in either direction, with when and how.</summary>
public sealed class FrameRecord
{
    /// <summary>Simulator-wide increasing number; use it as a cursor for waits.</summary>
    public required long Sequence { get; init; }
    /// <summary>When the platform saw or sent it.</summary>
    public required DateTimeOffset Time { get; init; }
    /// <summary>The device.</summary>
    public required string DevId { get; init; }
    /// <summary>Up (device→platform) or down.</summary>
    public required FrameFlow Flow { get; init; }
    /// <summary>"mqtt" or "http".</summary>
    public required string Channel { get; init; }
    /// <summary>The parsed frame, null when it could not be parsed.</summary>
    [JsonIgnore]
    public Frame? Frame { get; init; }
    /// <summary>The frame's cmd, when parsed.</summary>
    public int? Cmd => Frame?.Cmd;
    /// <summary>The frame's msgId, when parsed.</summary>
    public long? MsgId => Frame?.MsgId;
    /// <summary>The message exactly as it travelled.</summary>
    public required string Raw { get; init; }
    /// <summary>Why it could not be parsed or was not accepted; null when fine.</summary>
    public string? Error { get; init; }
}

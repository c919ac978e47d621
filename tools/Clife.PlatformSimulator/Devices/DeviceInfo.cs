using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Clife.Simulator.Devices;

/// <summary>A snapshot of what the platform knows about one device.</summary>
public sealed record DeviceInfo
{
    /// <summary>The device id.</summary>
    public required string DevId { get; init; }
    /// <summary>Its product.</summary>
    public required string ProductCode { get; init; }
    /// <summary>MAC address from registration.</summary>
    public string? Mac { get; init; }
    /// <summary>The current MQTT password. Not shown by the admin API.</summary>
    [JsonIgnore]
    public string? DevSecret { get; init; }
    /// <summary>authLevel of the last registration.</summary>
    public int? AuthLevel { get; init; }
    /// <summary>Platform view of the device.</summary>
    public required DeviceState State { get; init; }
    /// <summary>Whether it is online (2005 sent, no will/offline since).</summary>
    public bool Online => State == DeviceState.Online;
    /// <summary>Why it went offline last.</summary>
    public string? OfflineReason { get; init; }
    /// <summary>Number of successful registrations.</summary>
    public int Registrations { get; init; }
    /// <summary>Number of 2005 (respCode 0) sent.</summary>
    public int Connects { get; init; }
    /// <summary>Last registration time.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }
    /// <summary>Last time any frame came from the device.</summary>
    public DateTimeOffset? LastSeen { get; init; }
    /// <summary>Module software version (2004 / registration / version report).</summary>
    public string? Software { get; init; }
    /// <summary>Module hardware version.</summary>
    public string? Hardware { get; init; }
    /// <summary>Overall product version.</summary>
    public int? ProductVer { get; init; }
    /// <summary>Versions of the module and sub-devices.</summary>
    public IReadOnlyList<DeviceVersion> DevVer { get; init; } = [];
    /// <summary>IP address from 2004.</summary>
    public string? Ip { get; init; }
    /// <summary>RSSI from 2004.</summary>
    public int? Rssi { get; init; }
    /// <summary>The last 2006 report's data points.</summary>
    public JsonObject? LastReport { get; init; }
    /// <summary>When the last report arrived.</summary>
    public DateTimeOffset? LastReportAt { get; init; }
    /// <summary>Number of 2006 reports.</summary>
    public int Reports { get; init; }
}

using System;
using System.Text.Json.Serialization;

namespace Clife.Simulator.Files;

/// <summary>A file a device uploaded.</summary>
public sealed record UploadRecord(
    string Name,
    DateTimeOffset Time,
    string Method,
    string? ContentType,
    string? FileName,
    long Size,
    string Md5,
    uint CheckSum)
{
    /// <summary>The uploaded bytes.</summary>
    [JsonIgnore]
    public byte[] Content { get; init; } = [];
}

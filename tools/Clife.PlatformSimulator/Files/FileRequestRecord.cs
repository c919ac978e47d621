using System;

namespace Clife.Simulator.Files;

/// <summary>One request the file server answered for a hosted file.</summary>
public sealed record FileRequestRecord(
    DateTimeOffset Time,
    string Method,
    string? Range,
    int Status,
    long BytesSent,
    string? Fault);

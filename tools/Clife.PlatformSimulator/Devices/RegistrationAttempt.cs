using System;

namespace Clife.Simulator.Devices;

/// <summary>One POST /device/register the platform answered (or was told to leave hanging).</summary>
public sealed record RegistrationAttempt(
    DateTimeOffset Time,
    string? AuthLevel,
    string? ProductCode,
    string? DevId,
    string? Mac,
    int HttpStatus,
    int RespCode,
    string Reason,
    string? IssuedDevId);

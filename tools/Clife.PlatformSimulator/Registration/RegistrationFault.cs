using System;
using Clife.Simulator.Protocol;

namespace Clife.Simulator.Registration;

/// <summary>How the register endpoint misbehaves on purpose, for tests.</summary>
public enum RegistrationFaultKind
{
    /// <summary>Behave normally.</summary>
    None,
    /// <summary>Answer HTTP 500 with a plain error frame.</summary>
    Http500,
    /// <summary>Send nothing for a while, then drop the connection (a time-out on the device).</summary>
    Hang,
    /// <summary>Answer HTTP 200 with an encrypted reply whose respCode is not 0.</summary>
    Refuse,
}

/// <summary>A registration fault and how many requests it applies to.</summary>
public sealed record RegistrationFault
{
    /// <summary>What to do.</summary>
    public RegistrationFaultKind Kind { get; init; }
    /// <summary>How many requests it applies to; null = until cleared.</summary>
    public int? Times { get; init; }
    /// <summary>For Hang: how long to stay silent before dropping the connection.</summary>
    public TimeSpan HangFor { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>For Refuse: the respCode sent.</summary>
    public int RespCode { get; init; } = Protocol.RespCode.Refused;
    /// <summary>For Refuse: the respCont sent.</summary>
    public string RespCont { get; init; } = "registration refused by the simulator";

    /// <summary>No fault.</summary>
    public static RegistrationFault None { get; } = new() { Kind = RegistrationFaultKind.None };

    /// <summary>HTTP 500 for the next requests.</summary>
    public static RegistrationFault Http500(int? times = null) => new() { Kind = RegistrationFaultKind.Http500, Times = times };

    /// <summary>Hang (no answer) for the next requests.</summary>
    public static RegistrationFault Hang(TimeSpan hangFor, int? times = null) => new() { Kind = RegistrationFaultKind.Hang, HangFor = hangFor, Times = times };

    /// <summary>Encrypted refusal (respCode != 0) for the next requests.</summary>
    public static RegistrationFault Refuse(int respCode = Protocol.RespCode.Refused, string respCont = "registration refused by the simulator", int? times = null)
        => respCode == Protocol.RespCode.Ok
            ? throw new ArgumentException("a refusal needs a respCode other than 0", nameof(respCode))
            : new() { Kind = RegistrationFaultKind.Refuse, RespCode = respCode, RespCont = respCont, Times = times };
}

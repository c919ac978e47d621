namespace Clife.Simulator.Mqtt;

/// <summary>How the platform answers 2004 connect requests, for tests.</summary>
public enum ConnectFaultKind
{
    /// <summary>Reply 2005 respCode 0.</summary>
    None,
    /// <summary>Reply 2005 with a respCode other than 0.</summary>
    Refuse,
    /// <summary>Do not answer at all.</summary>
    Ignore,
}

/// <summary>A 2004 fault, optionally for one device, and how many requests it applies to.</summary>
public sealed record ConnectFault
{
    /// <summary>What to do.</summary>
    public ConnectFaultKind Kind { get; init; }
    /// <summary>Only for this device; null = every device.</summary>
    public string? DevId { get; init; }
    /// <summary>How many 2004s it applies to; null = until cleared.</summary>
    public int? Times { get; init; }
    /// <summary>For Refuse: the respCode sent.</summary>
    public int RespCode { get; init; } = Protocol.RespCode.ConnectRefused;
    /// <summary>For Refuse: the respCont sent.</summary>
    public string RespCont { get; init; } = "connect refused by the simulator";

    /// <summary>No fault.</summary>
    public static ConnectFault None { get; } = new() { Kind = ConnectFaultKind.None };

    /// <summary>Refuse the next 2004s.</summary>
    public static ConnectFault Refuse(int respCode = Protocol.RespCode.ConnectRefused, int? times = null, string? devId = null)
        => new() { Kind = ConnectFaultKind.Refuse, RespCode = respCode, Times = times, DevId = devId };

    /// <summary>Leave the next 2004s unanswered.</summary>
    public static ConnectFault Ignore(int? times = null, string? devId = null) => new() { Kind = ConnectFaultKind.Ignore, Times = times, DevId = devId };
}

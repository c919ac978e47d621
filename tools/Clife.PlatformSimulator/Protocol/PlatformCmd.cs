namespace Clife.Simulator.Protocol;

/// <summary>Function IDs (cmd) of the clife protocol, table 5.3, and the reply rule.</summary>
public static class PlatformCmd
{
    /// <summary>Register request (device→platform, HTTP).</summary>
    public const int Register = 2000;
    /// <summary>Register reply.</summary>
    public const int RegisterReply = 2001;
    /// <summary>Connect request (device→platform, MQTT).</summary>
    public const int Connect = 2004;
    /// <summary>Connect reply.</summary>
    public const int ConnectReply = 2005;
    /// <summary>Data report (device→platform).</summary>
    public const int Report = 2006;
    /// <summary>Data report acknowledgement (platform→device).</summary>
    public const int ReportAck = 2007;
    /// <summary>Data query reply (device→platform).</summary>
    public const int QueryReply = 2008;
    /// <summary>Data query (platform→device).</summary>
    public const int Query = 2009;
    /// <summary>Data control reply (device→platform).</summary>
    public const int ControlReply = 2010;
    /// <summary>Data control (platform→device).</summary>
    public const int Control = 2011;
    /// <summary>Unbind reply (device→platform).</summary>
    public const int UnbindReply = 2012;
    /// <summary>Unbind (platform→device).</summary>
    public const int Unbind = 2013;
    /// <summary>Last will, published by the broker for the device.</summary>
    public const int Will = 2014;
    /// <summary>Forced offline reply (device→platform).</summary>
    public const int ForceOfflineReply = 2016;
    /// <summary>Forced offline (platform→device).</summary>
    public const int ForceOffline = 2017;
    /// <summary>File operation response and progress events (device→platform).</summary>
    public const int FileReply = 2018;
    /// <summary>File operation request (platform→device).</summary>
    public const int File = 2019;

    /// <summary>The reply code of a request code: request XOR 1.</summary>
    public static int ReplyOf(int requestCmd) => requestCmd ^ 1;

    /// <summary>A short English name of a cmd, for logs.</summary>
    public static string Name(int cmd) => cmd switch
    {
        Register => "register",
        RegisterReply => "register-reply",
        Connect => "connect",
        ConnectReply => "connect-reply",
        Report => "report",
        ReportAck => "report-ack",
        QueryReply => "query-reply",
        Query => "query",
        ControlReply => "control-reply",
        Control => "control",
        UnbindReply => "unbind-reply",
        Unbind => "unbind",
        Will => "will",
        ForceOfflineReply => "offline-reply",
        ForceOffline => "offline",
        FileReply => "file-reply",
        File => "file",
        _ => "cmd",
    };
}

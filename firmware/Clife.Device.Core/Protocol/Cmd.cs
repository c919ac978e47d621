namespace Clife.Device.Protocol
{
    /// <summary>Function IDs (cmd) of the platform protocol, seed table 5.3 plus the replies of the profile's reply rule.</summary>
    public static class Cmd
    {
        /// <summary>Register request (device → platform, HTTP).</summary>
        public const int Register = 2000;
        /// <summary>Register reply.</summary>
        public const int RegisterReply = 2001;
        /// <summary>Connect request (device → platform, MQTT).</summary>
        public const int Connect = 2004;
        /// <summary>Connect reply.</summary>
        public const int ConnectReply = 2005;
        /// <summary>Data report.</summary>
        public const int Report = 2006;
        /// <summary>Data report acknowledgement (profile: 2006 XOR 1).</summary>
        public const int ReportAck = 2007;
        /// <summary>Data query reply (profile: 2009 XOR 1).</summary>
        public const int QueryReply = 2008;
        /// <summary>Data query (platform → device).</summary>
        public const int Query = 2009;
        /// <summary>Data control reply (profile: 2011 XOR 1).</summary>
        public const int ControlReply = 2010;
        /// <summary>Data control (platform → device).</summary>
        public const int Control = 2011;
        /// <summary>Unbind reply.</summary>
        public const int UnbindReply = 2012;
        /// <summary>Device unbind (platform → device).</summary>
        public const int Unbind = 2013;
        /// <summary>Last will, published by the broker for the device.</summary>
        public const int Will = 2014;
        /// <summary>Forced offline reply (profile: 2017 XOR 1).</summary>
        public const int ForceOfflineReply = 2016;
        /// <summary>Forced offline (platform → device).</summary>
        public const int ForceOffline = 2017;
        /// <summary>File operation response and progress events.</summary>
        public const int FileReply = 2018;
        /// <summary>File operation request (platform → device).</summary>
        public const int File = 2019;

        /// <summary>Lowest function ID used between device and platform; lower ones are for local links.</summary>
        public const int FirstPlatformCmd = 2000;

        /// <summary>The reply to a request (profile: the request code XOR 1).</summary>
        public static int ReplyTo(int request) => request ^ 1;

        /// <summary>True for the requests the platform sends to a device over MQTT.</summary>
        public static bool IsPlatformRequest(int cmd) =>
            cmd == Query || cmd == Control || cmd == Unbind || cmd == ForceOffline || cmd == File;

        /// <summary>Codes below 2000 belong to local links (provisioning, gateway) and are ignored on the platform channel.</summary>
        public static bool IsLocal(int cmd) => cmd < FirstPlatformCmd;

        /// <summary>Name of a function ID for logs and the console.</summary>
        public static string Name(int cmd)
        {
            switch (cmd)
            {
                case Register: return "register";
                case RegisterReply: return "register reply";
                case Connect: return "connect";
                case ConnectReply: return "connect reply";
                case Report: return "report";
                case ReportAck: return "report ack";
                case QueryReply: return "query reply";
                case Query: return "query";
                case ControlReply: return "control reply";
                case Control: return "control";
                case UnbindReply: return "unbind reply";
                case Unbind: return "unbind";
                case Will: return "will";
                case ForceOfflineReply: return "forced offline reply";
                case ForceOffline: return "forced offline";
                case FileReply: return "file reply";
                case File: return "file request";
                default: return "cmd " + cmd.ToString();
            }
        }
    }
}

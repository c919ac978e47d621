namespace Clife.Device.Runtime
{
    /// <summary>States of the device runtime, with their names for the console and logs.</summary>
    public static class DeviceState
    {
        /// <summary>Not started yet.</summary>
        public const int Starting = 0;
        /// <summary>Configuration is incomplete for registration; waiting for a technician.</summary>
        public const int Unconfigured = 1;
        /// <summary>No login: registering (now or after a backoff).</summary>
        public const int Unregistered = 2;
        /// <summary>Has a login, not connected: connecting now or after a backoff.</summary>
        public const int Registered = 3;
        /// <summary>MQTT connected, 2004 sent, waiting for 2005.</summary>
        public const int Handshaking = 4;
        /// <summary>Online: 2005 received.</summary>
        public const int Connected = 5;
        /// <summary>Deliberately offline: forced by the platform (2017) or disconnected from the console.</summary>
        public const int Offline = 6;
        /// <summary>Rebooting or reset; the runtime does nothing more.</summary>
        public const int Stopped = 7;

        private static readonly string[] StateNames =
        {
            "starting", "unconfigured", "unregistered", "registered", "handshaking", "connected", "offline", "stopped",
        };

        /// <summary>Name of a state.</summary>
        public static string Name(int state) => state >= 0 && state < StateNames.Length ? StateNames[state] : "?";
    }
}

namespace Clife.Device.Hal
{
    /// <summary>Result codes of <see cref="IMqttLink.Connect"/>: MQTT 3.1.1 CONNACK codes, and negative transport failures.</summary>
    public static class MqttConnectResult
    {
        /// <summary>Connection accepted.</summary>
        public const int Accepted = 0;
        /// <summary>CONNACK 1: unacceptable protocol version.</summary>
        public const int UnacceptableProtocol = 1;
        /// <summary>CONNACK 2: client identifier rejected.</summary>
        public const int IdentifierRejected = 2;
        /// <summary>CONNACK 3: server unavailable.</summary>
        public const int ServerUnavailable = 3;
        /// <summary>CONNACK 4: bad user name or password.</summary>
        public const int BadCredentials = 4;
        /// <summary>CONNACK 5: not authorized.</summary>
        public const int NotAuthorized = 5;
        /// <summary>The network connection could not be opened (DNS, TCP, refused).</summary>
        public const int TransportError = -1;
        /// <summary>TLS failed, e.g. the server certificate is not signed by the configured CA.</summary>
        public const int TlsError = -2;
        /// <summary>No CONNACK within the timeout.</summary>
        public const int Timeout = -3;

        /// <summary>Short text for a result code, for status and logs.</summary>
        public static string Describe(int code)
        {
            switch (code)
            {
                case Accepted: return "accepted";
                case UnacceptableProtocol: return "refused: unacceptable protocol version";
                case IdentifierRejected: return "refused: client id rejected";
                case ServerUnavailable: return "refused: server unavailable";
                case BadCredentials: return "refused: bad user name or password";
                case NotAuthorized: return "refused: not authorized";
                case TransportError: return "network error";
                case TlsError: return "TLS error";
                case Timeout: return "timed out";
                default: return "refused: code " + code.ToString();
            }
        }

        /// <summary>True when the broker refused the credentials (the login is no longer valid).</summary>
        public static bool IsAuthRefusal(int code) => code == BadCredentials || code == NotAuthorized;
    }
}

namespace Clife.Device.Hal
{
    /// <summary>Everything an MQTT CONNECT needs, including transport security and the last will.</summary>
    public sealed class MqttConnectOptions
    {
        /// <summary>Broker host name or address.</summary>
        public string Host = "";

        /// <summary>Broker TCP port.</summary>
        public int Port;

        /// <summary>Use TLS, verifying the server against <see cref="CaPem"/> only.</summary>
        public bool Tls;

        /// <summary>PEM text of the CA certificate that must have signed the broker's certificate (TLS only).</summary>
        public string CaPem = "";

        /// <summary>MQTT client identifier.</summary>
        public string ClientId = "";

        /// <summary>MQTT user name.</summary>
        public string Username = "";

        /// <summary>MQTT password (a secret: never logged).</summary>
        public string Password = "";

        /// <summary>Keep-alive interval in seconds.</summary>
        public int KeepAliveSeconds;

        /// <summary>Ask the broker for a clean session (false keeps QoS 1 messages while offline).</summary>
        public bool CleanSession;

        /// <summary>Topic of the last will, or an empty string for none.</summary>
        public string WillTopic = "";

        /// <summary>Payload of the last will.</summary>
        public byte[] WillPayload = new byte[0];

        /// <summary>QoS of the last will.</summary>
        public int WillQos;

        /// <summary>Retain flag of the last will.</summary>
        public bool WillRetain;

        /// <summary>How long to wait for the connection and CONNACK, in milliseconds.</summary>
        public int TimeoutMs;
    }
}

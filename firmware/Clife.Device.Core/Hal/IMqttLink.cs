namespace Clife.Device.Hal
{
    /// <summary>
    /// An MQTT 3.1.1 client connection (M2Mqtt on the device, MQTTnet on a host). Failures are returned as values,
    /// never thrown: the adapter catches its library's exceptions and explains them in <see cref="LastError"/>.
    /// </summary>
    /// <remarks>
    /// The link has no automatic reconnect; the core decides when to reconnect. Calls come from the core's
    /// single thread. The listener may be called from the adapter's own thread.
    /// </remarks>
    public interface IMqttLink
    {
        /// <summary>
        /// Opens the network connection (TLS when the options say so) and sends CONNECT, waiting for CONNACK at most
        /// options.TimeoutMs. Returns an <see cref="MqttConnectResult"/> code. Messages and connection loss are
        /// reported to the listener from then on.
        /// </summary>
        int Connect(MqttConnectOptions options, IMqttListener listener);

        /// <summary>Subscribes to one topic and waits for SUBACK. Returns false on failure (see LastError).</summary>
        bool Subscribe(string topic, int qos);

        /// <summary>
        /// Publishes a message. With QoS 1 it returns once the broker acknowledged it or the wait timed out.
        /// Returns false when the message could not be handed over (see LastError).
        /// </summary>
        bool Publish(string topic, byte[] payload, int offset, int count, int qos);

        /// <summary>Sends DISCONNECT (so the broker discards the will) and closes the connection. Never throws.</summary>
        void Disconnect();

        /// <summary>True while the connection is up.</summary>
        bool IsConnected { get; }

        /// <summary>Human-readable cause of the last failure, or an empty string.</summary>
        string LastError { get; }
    }

    /// <summary>Receives what arrives on an MQTT link. Implementations must be thread-safe and return quickly.</summary>
    public interface IMqttListener
    {
        /// <summary>A message arrived on a subscribed topic. The payload array is owned by the listener afterwards.</summary>
        void OnMessage(string topic, byte[] payload);

        /// <summary>The connection dropped without the core asking for it.</summary>
        void OnConnectionLost(string reason);
    }
}

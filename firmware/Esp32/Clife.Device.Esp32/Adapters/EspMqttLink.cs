using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Clife.Device.Hal;
using Clife.Device.Text;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// The MQTT 3.1.1 link on nanoFramework's M2Mqtt (5.1.220: the Last Will on 3.1.1, the reconnect and the leak fixes).
    /// A new client is built at every connect, when the network is up (its constructor resolves the broker's name);
    /// M2Mqtt has no automatic reconnect, the core decides when to connect again and subscribes again itself.
    /// Every M2Mqtt exception is caught here and explained in <see cref="LastError"/>.
    /// </summary>
    public sealed class EspMqttLink : IMqttLink
    {
        private const int AckTimeoutMs = 10000;
        private const byte GrantedFailure = 0x80;

        private readonly object _lock = new object();
        private readonly AutoResetEvent _acked = new AutoResetEvent(false);
        private MqttClient? _client;
        private IMqttListener? _listener;
        private bool _closing;
        private ushort _waitingFor;
        private bool _ackOk;
        private string _lastError = "";

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                MqttClient? c = _client;
                return c != null && c.IsConnected;
            }
        }

        /// <inheritdoc/>
        public string LastError => _lastError;

        /// <inheritdoc/>
        public int Connect(MqttConnectOptions options, IMqttListener listener)
        {
            Drop();
            _listener = listener;
            _lastError = "";
            MqttClient client;
            try
            {
                X509Certificate? ca = options.Tls ? new X509Certificate(options.CaPem) : null;
                client = new MqttClient(options.Host, options.Port, options.Tls, ca, null, options.Tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception e)
            {
                _lastError = "cannot reach " + options.Host + ": " + e.Message;
                return MqttConnectResult.TransportError;
            }
            client.MqttMsgPublishReceived += OnMessage;
            client.MqttMsgPublished += OnPublished;
            client.MqttMsgSubscribed += OnSubscribed;
            client.ConnectionClosed += OnClosed;
            lock (_lock)
            {
                _client = client;
                _closing = false;
            }

            // M2Mqtt takes the will as a string; the core's will payload is UTF-8 JSON. With no will, M2Mqtt wants
            // willRetain false (else MqttClientException WillWrong).
            bool will = options.WillTopic.Length > 0;
            string? willMessage = will ? Utf8.GetString(options.WillPayload, 0, options.WillPayload.Length) : null;
            MqttReasonCode code;
            try
            {
                code = client.Connect(options.ClientId, options.Username, options.Password, will && options.WillRetain, Qos(options.WillQos),
                                      will, will ? options.WillTopic : null, willMessage, options.CleanSession, (ushort)options.KeepAliveSeconds);
            }
            catch (MqttConnectionException e)
            {
                Drop();
                _lastError = Describe(e);
                return options.Tls && !IsSocketFailure(e) ? MqttConnectResult.TlsError : MqttConnectResult.TransportError;
            }
            catch (MqttTimeoutException)
            {
                Drop();
                _lastError = "no CONNACK in time";
                return MqttConnectResult.Timeout;
            }
            catch (Exception e)
            {
                Drop();
                _lastError = Describe(e);
                return MqttConnectResult.TransportError;
            }
            if (code == MqttReasonCode.Success) return MqttConnectResult.Accepted;
            Drop();
            int value = (int)code;
            _lastError = "CONNACK " + value.ToString();
            return value >= MqttConnectResult.UnacceptableProtocol && value <= MqttConnectResult.NotAuthorized ? value : MqttConnectResult.TransportError;
        }

        /// <inheritdoc/>
        public bool Subscribe(string topic, int qos)
        {
            MqttClient? client = _client;
            if (client == null || !client.IsConnected) return Fail("not connected");
            try
            {
                lock (_lock)
                {
                    _acked.Reset();
                    _waitingFor = client.Subscribe(new string[] { topic }, new MqttQoSLevel[] { Qos(qos) });
                }
                if (!_acked.WaitOne(AckTimeoutMs, false)) return Fail("no SUBACK for " + topic + " within " + AckTimeoutMs.ToString() + " ms");
                return _ackOk || Fail("the broker refused the subscription to " + topic);
            }
            catch (Exception e)
            {
                return Fail("subscribe failed: " + Describe(e));
            }
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            MqttClient? client = _client;
            if (client == null || !client.IsConnected) return Fail("not connected");
            byte[] message = payload;
            if (offset != 0 || count != payload.Length)
            {
                message = new byte[count];
                Array.Copy(payload, offset, message, 0, count);
            }
            try
            {
                lock (_lock)
                {
                    _acked.Reset();
                    _waitingFor = client.Publish(topic, message, null, null, Qos(qos), false);
                }
                if (qos == 0) return true;
                if (!_acked.WaitOne(AckTimeoutMs, false)) return Fail("no PUBACK within " + AckTimeoutMs.ToString() + " ms");
                return _ackOk || Fail("the broker did not acknowledge the message");
            }
            catch (Exception e)
            {
                return Fail("publish failed: " + Describe(e));
            }
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            MqttClient? client;
            lock (_lock)
            {
                client = _client;
                _closing = true;
            }
            if (client == null) return;
            try
            {
                if (client.IsConnected) client.Disconnect();
            }
            catch (Exception e)
            {
                _lastError = "disconnect: " + Describe(e);
            }
            Drop();
        }

        private void Drop()
        {
            MqttClient? client;
            lock (_lock)
            {
                client = _client;
                _client = null;
                _closing = true;
            }
            if (client == null) return;
            client.MqttMsgPublishReceived -= OnMessage;
            client.MqttMsgPublished -= OnPublished;
            client.MqttMsgSubscribed -= OnSubscribed;
            client.ConnectionClosed -= OnClosed;
            try
            {
                client.Close();
            }
            catch (Exception e)
            {
                _lastError = "close: " + Describe(e);
            }
            try
            {
                client.Dispose();
            }
            catch (Exception e)
            {
                _lastError = "dispose: " + Describe(e);
            }
        }

        private void OnMessage(object sender, MqttMsgPublishEventArgs e)
        {
            IMqttListener? listener = _listener;
            if (listener != null) listener.OnMessage(e.Topic, e.Message);
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e) => Acknowledge(e.MessageId, e.IsPublished);

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            MqttQoSLevel[] granted = e.GrantedQoSLevels;
            bool ok = granted != null && granted.Length > 0 && (byte)granted[0] != GrantedFailure;
            Acknowledge(e.MessageId, ok);
        }

        private void Acknowledge(ushort messageId, bool ok)
        {
            lock (_lock)
            {
                if (messageId != _waitingFor) return;
                _ackOk = ok;
            }
            _acked.Set();
        }

        private void OnClosed(object sender, EventArgs e)
        {
            bool requested;
            lock (_lock) requested = _closing || sender != _client;
            IMqttListener? listener = _listener;
            if (!requested && listener != null) listener.OnConnectionLost("the broker closed the connection or the network dropped");
        }

        private bool Fail(string why)
        {
            _lastError = why;
            return false;
        }

        private static MqttQoSLevel Qos(int qos) => qos <= 0 ? MqttQoSLevel.AtMostOnce : qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.ExactlyOnce;

        // MqttConnectionException says "Socket exception connecting to the broker: <code>" when TCP failed, and
        // "Exception connecting to the broker" when the TLS handshake (or anything else) did (M2Mqtt/MqttClient.cs).
        private static bool IsSocketFailure(Exception e) => e.Message.IndexOf("Socket") >= 0;

        private static string Describe(Exception e)
        {
            string text = e.Message;
            Exception? inner = e.InnerException;
            if (inner != null && inner.Message.Length > 0) text += ": " + inner.Message;
            return text;
        }
    }
}

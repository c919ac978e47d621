// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/MqttClient.cs@0191675688e9f0a518668a5342b192a861aab9f3 (public API identical to the API doc at HEAD 8208787 for the members declared here)

using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>MQTT client (v3.1, v3.1.1, v5) over TCP or TLS.</summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName) => throw new NotSupportedException("compile-only facade");

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) => throw new NotSupportedException("compile-only facade");

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived { add => throw new NotSupportedException("compile-only facade"); remove => throw new NotSupportedException("compile-only facade"); }

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished { add => throw new NotSupportedException("compile-only facade"); remove => throw new NotSupportedException("compile-only facade"); }

        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed { add => throw new NotSupportedException("compile-only facade"); remove => throw new NotSupportedException("compile-only facade"); }

        public event IMqttClient.MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed { add => throw new NotSupportedException("compile-only facade"); remove => throw new NotSupportedException("compile-only facade"); }

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed { add => throw new NotSupportedException("compile-only facade"); remove => throw new NotSupportedException("compile-only facade"); }

        public bool IsConnected { get => throw new NotSupportedException("compile-only facade"); private set => throw new NotSupportedException("compile-only facade"); }

        public string ClientId { get => throw new NotSupportedException("compile-only facade"); private set => throw new NotSupportedException("compile-only facade"); }

        public bool CleanSession { get => throw new NotSupportedException("compile-only facade"); private set => throw new NotSupportedException("compile-only facade"); }

        public bool WillFlag { get => throw new NotSupportedException("compile-only facade"); private set => throw new NotSupportedException("compile-only facade"); }

        public MqttQoSLevel WillQosLevel { get => throw new NotSupportedException("compile-only facade"); private set => throw new NotSupportedException("compile-only facade"); }

        public string WillTopic { get => throw new NotSupportedException("compile-only facade"); private set => throw new NotSupportedException("compile-only facade"); }

        public string WillMessage { get => throw new NotSupportedException("compile-only facade"); private set => throw new NotSupportedException("compile-only facade"); }

        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol) => throw new NotSupportedException("compile-only facade");

        public MqttReasonCode Connect(string clientId) => throw new NotSupportedException("compile-only facade");

        public MqttReasonCode Connect(string clientId, bool cleanSession) => throw new NotSupportedException("compile-only facade");

        public MqttReasonCode Connect(string clientId, string username, string password) => throw new NotSupportedException("compile-only facade");

        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) => throw new NotSupportedException("compile-only facade");

        public MqttReasonCode Connect(
            string clientId,
            string username,
            string password,
            bool willRetain,
            MqttQoSLevel willQosLevel,
            bool willFlag,
            string willTopic,
            string willMessage,
            bool cleanSession,
            ushort keepAlivePeriod) => throw new NotSupportedException("compile-only facade");

        public void Disconnect() => throw new NotSupportedException("compile-only facade");

        public void Close() => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw new NotSupportedException("compile-only facade");

        public ushort Unsubscribe(string[] topics) => throw new NotSupportedException("compile-only facade");

        public ushort Publish(string topic, byte[] message) => throw new NotSupportedException("compile-only facade");

        public ushort Publish(string topic, byte[] message, string contentType) => throw new NotSupportedException("compile-only facade");

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) => throw new NotSupportedException("compile-only facade");

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw new NotSupportedException("compile-only facade");
    }
}

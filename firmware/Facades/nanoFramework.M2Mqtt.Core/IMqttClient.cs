// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/IMqttClient.cs@4bb3c9a6ef7a604f8bba41e8cf028ffd3c23545a (stored under the fork name eclipse/paho.mqtt.m2mqtt)

using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>MQTT client contract implemented by MqttClient.</summary>
    public interface IMqttClient
    {
        public bool IsConnected { get; }

        void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol);

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
            ushort keepAlivePeriod);

        public void Disconnect();

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        public ushort Unsubscribe(string[] topics);

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        public ushort Publish(string topic, byte[] message, string contentType);

        public ushort Publish(string topic, byte[] message);

        public void Close();

        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        public event MqttMsgPublishedEventHandler MqttMsgPublished;

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        public event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        public event MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        public event ConnectionClosedEventHandler ConnectionClosed;
    }
}

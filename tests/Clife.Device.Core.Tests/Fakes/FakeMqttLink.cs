using System.Collections;
using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>One message the device published.</summary>
    public sealed class PublishedMessage
    {
        /// <summary>Creates the record.</summary>
        public PublishedMessage(string topic, byte[] payload, int qos)
        {
            Topic = topic;
            Payload = payload;
            Qos = qos;
        }

        /// <summary>Topic.</summary>
        public string Topic { get; }
        /// <summary>Payload bytes.</summary>
        public byte[] Payload { get; }
        /// <summary>QoS.</summary>
        public int Qos { get; }
    }

    /// <summary>Called with every message the device publishes (the fake platform listens here).</summary>
    public delegate void PublishHandler(string topic, byte[] payload);

    /// <summary>Decides the CONNACK of a connect that no scripted result covers (the fake broker's authentication).</summary>
    public delegate int ConnectHandler(MqttConnectOptions options);

    /// <summary>A scripted MQTT link: tests choose CONNACK results, deliver messages and drop the connection.</summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        private readonly ArrayList _connectResults = new ArrayList();
        private IMqttListener? _listener;

        /// <summary>Every message published, in order.</summary>
        public readonly ArrayList Published = new ArrayList();
        /// <summary>Every topic subscribed, in order.</summary>
        public readonly ArrayList Subscriptions = new ArrayList();
        /// <summary>Options of the last Connect.</summary>
        public MqttConnectOptions? LastOptions;
        /// <summary>Connect calls.</summary>
        public int Connects;
        /// <summary>Disconnect calls.</summary>
        public int Disconnects;
        /// <summary>When true, Subscribe fails.</summary>
        public bool SubscribeFails;
        /// <summary>When true, Publish fails.</summary>
        public bool PublishFails;
        /// <summary>Receives every published message.</summary>
        public PublishHandler? OnPublish;
        /// <summary>Decides connects that no scripted result covers; null accepts them.</summary>
        public ConnectHandler? OnConnect;

        /// <summary>Queues the result of a future Connect call (the default is Accepted).</summary>
        public void NextConnect(int result) => _connectResults.Add(result);

        /// <inheritdoc/>
        public bool IsConnected { get; private set; }

        /// <inheritdoc/>
        public string LastError { get; private set; } = "";

        /// <inheritdoc/>
        public int Connect(MqttConnectOptions options, IMqttListener listener)
        {
            Connects++;
            LastOptions = options;
            int result = MqttConnectResult.Accepted;
            if (_connectResults.Count > 0)
            {
                result = (int)_connectResults[0]!;
                _connectResults.RemoveAt(0);
            }
            else if (OnConnect != null)
            {
                result = OnConnect(options);
            }
            LastError = result == MqttConnectResult.Accepted ? "" : "scripted failure";
            if (result != MqttConnectResult.Accepted) return result;
            _listener = listener;
            IsConnected = true;
            return result;
        }

        /// <inheritdoc/>
        public bool Subscribe(string topic, int qos)
        {
            if (!IsConnected || SubscribeFails)
            {
                LastError = "subscribe failed";
                return false;
            }
            Subscriptions.Add(topic);
            return true;
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            if (!IsConnected || PublishFails)
            {
                LastError = "not connected";
                return false;
            }
            byte[] copy = new byte[count];
            System.Array.Copy(payload, offset, copy, 0, count);
            Published.Add(new PublishedMessage(topic, copy, qos));
            if (OnPublish != null) OnPublish(topic, copy);
            return true;
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            Disconnects++;
            IsConnected = false;
        }

        /// <summary>Delivers a message to the device as the broker would.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            if (_listener != null) _listener.OnMessage(topic, payload);
        }

        /// <summary>Drops the connection without the device asking (broker gone).</summary>
        public void Drop(string reason)
        {
            IsConnected = false;
            if (_listener != null) _listener.OnConnectionLost(reason);
        }
    }
}

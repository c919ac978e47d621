using Clife.Device.Hal;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// Hands what the MQTT adapter receives on its own thread to the core's single thread: a bounded, locked queue
    /// of messages plus a connection-lost flag.
    /// </summary>
    public sealed class MqttInbox : IMqttListener
    {
        private static readonly byte[] NoBytes = new byte[0];
        private readonly object _lock = new object();
        private readonly string?[] _topics;
        private readonly byte[]?[] _payloads;
        private int _head;
        private int _count;
        private bool _lost;
        private string _lostReason = "";

        /// <summary>Creates an inbox holding at most the given number of messages.</summary>
        public MqttInbox(int capacity)
        {
            _topics = new string[capacity];
            _payloads = new byte[capacity][];
        }

        /// <summary>Messages dropped because the inbox was full.</summary>
        public int Dropped { get; private set; }

        /// <inheritdoc/>
        public void OnMessage(string topic, byte[] payload)
        {
            lock (_lock)
            {
                if (_count == _payloads.Length)
                {
                    Dropped++;
                    return;
                }
                int tail = (_head + _count) % _payloads.Length;
                _topics[tail] = topic;
                _payloads[tail] = payload;
                _count++;
            }
        }

        /// <inheritdoc/>
        public void OnConnectionLost(string reason)
        {
            lock (_lock)
            {
                _lost = true;
                _lostReason = reason;
            }
        }

        /// <summary>Takes the oldest message; false when there is none.</summary>
        public bool TryTake(out string topic, out byte[] payload)
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    topic = "";
                    payload = NoBytes;
                    return false;
                }
                topic = _topics[_head]!;
                payload = _payloads[_head]!;
                _topics[_head] = null;
                _payloads[_head] = null;
                _head = (_head + 1) % _payloads.Length;
                _count--;
                return true;
            }
        }

        /// <summary>Returns and clears the connection-lost flag; the reason comes out when it was set.</summary>
        public bool TakeConnectionLost(out string reason)
        {
            lock (_lock)
            {
                reason = _lostReason;
                bool lost = _lost;
                _lost = false;
                _lostReason = "";
                return lost;
            }
        }
    }
}

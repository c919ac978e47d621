using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>Messages cross from the adapter's thread in order; a full inbox drops new ones and counts them.</summary>
    public sealed class MqttInboxTests
    {
        public void Messages_come_out_in_arrival_order()
        {
            MqttInbox inbox = new MqttInbox(4);
            inbox.OnMessage("a", new byte[] { 1 });
            inbox.OnMessage("b", new byte[] { 2 });
            Check.True(inbox.TryTake(out string topic, out byte[] payload), "first");
            Check.Equal("a", topic, "topic");
            Check.Equal(1, payload[0], "payload");
            Check.True(inbox.TryTake(out topic, out payload), "second");
            Check.Equal("b", topic, "topic");
            Check.False(inbox.TryTake(out topic, out payload), "empty");
        }

        public void Full_inbox_drops_and_counts()
        {
            MqttInbox inbox = new MqttInbox(2);
            for (int i = 0; i < 5; i++) inbox.OnMessage("t", new byte[] { (byte)i });
            Check.Equal(3, inbox.Dropped, "dropped");
            inbox.TryTake(out string topic, out byte[] payload);
            Check.Equal(0, payload[0], "oldest kept");
        }

        public void Connection_lost_is_reported_once_with_its_reason()
        {
            MqttInbox inbox = new MqttInbox(2);
            Check.False(inbox.TakeConnectionLost(out string reason), "not lost yet");
            inbox.OnConnectionLost("keep-alive timeout");
            Check.True(inbox.TakeConnectionLost(out reason), "lost");
            Check.Equal("keep-alive timeout", reason, "reason");
            Check.False(inbox.TakeConnectionLost(out reason), "reported once");
        }
    }
}

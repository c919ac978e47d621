// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishedEventArgs.cs@4bb3c9a6ef7a604f8bba41e8cf028ffd3c23545a (stored under eclipse/paho.mqtt.m2mqtt)

using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>Event data of a published (or failed) message.</summary>
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId) => throw new NotSupportedException("compile-only facade");

        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) => throw new NotSupportedException("compile-only facade");

        public ushort MessageId { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public bool IsPublished { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }
    }
}

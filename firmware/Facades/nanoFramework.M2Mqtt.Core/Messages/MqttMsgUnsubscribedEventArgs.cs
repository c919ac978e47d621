// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Messages/MqttMsgUnsubscribedEventArgs.cs@199ed684705012daf806f9e17a27f42d30a9660c (stored under eclipse/paho.mqtt.m2mqtt; moved to nanoFramework.M2Mqtt.Core per its .nfproj@4bb3c9a6ef7a604f8bba41e8cf028ffd3c23545a)

using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>Event data of an UNSUBACK.</summary>
    public class MqttMsgUnsubscribedEventArgs : EventArgs
    {
        public MqttMsgUnsubscribedEventArgs(ushort messageId) => throw new NotSupportedException("compile-only facade");

        public ushort MessageId { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }
    }
}

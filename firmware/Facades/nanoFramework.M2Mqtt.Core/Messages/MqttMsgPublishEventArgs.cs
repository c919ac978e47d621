// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishEventArgs.cs@8208787 (API doc HEAD; file not in the index: checked against the doc and the call in M2Mqtt/MqttClient.cs@0191675688e9f0a518668a5342b192a861aab9f3)

using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>Event data of a received PUBLISH message.</summary>
    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw new NotSupportedException("compile-only facade");

        public string Topic { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }

        public byte[] Message { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }

        public bool DupFlag { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }

        public MqttQoSLevel QosLevel { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }

        public bool Retain { get => throw new NotSupportedException("compile-only facade"); internal set => throw new NotSupportedException("compile-only facade"); }
    }
}

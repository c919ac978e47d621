// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttMsgSubscribedEventArgs.cs@8208787 (API doc HEAD; file not in the index: checked against the doc and the call in M2Mqtt/MqttClient.cs@0191675688e9f0a518668a5342b192a861aab9f3)

using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>Event data of a SUBACK.</summary>
    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels) => throw new NotSupportedException("compile-only facade");

        public ushort MessageId { get => throw new NotSupportedException("compile-only facade"); }

        public MqttQoSLevel[] GrantedQoSLevels { get => throw new NotSupportedException("compile-only facade"); }
    }
}

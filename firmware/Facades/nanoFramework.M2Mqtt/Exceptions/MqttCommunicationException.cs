// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttCommunicationException.cs@8208787 (API doc HEAD) (file not in the index under nanoframework/nanoFramework.m2mqtt; shape from the fork eclipse/paho.mqtt.m2mqtt:M2Mqtt/Exceptions/MqttCommunicationException.cs@ccc7340c4bd1c4e3e32e539d1dee85f8c40ddaaa and the use in M2Mqtt/MqttClient.cs@0191675688e9f0a518668a5342b192a861aab9f3)

using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Socket-level communication error with the broker.</summary>
    public class MqttCommunicationException : Exception
    {
        public MqttCommunicationException() => throw new NotSupportedException("compile-only facade");

        public MqttCommunicationException(Exception e) => throw new NotSupportedException("compile-only facade");
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttClientException.cs@8208787 (API doc HEAD) (file not in the index under nanoframework/nanoFramework.m2mqtt; shape from the fork eclipse/paho.mqtt.m2mqtt:M2Mqtt/Exceptions/MqttClientException.cs@87ec8ea781019a270bd5d32f2843cede334200ed and the use in M2Mqtt/MqttClient.cs@0191675688e9f0a518668a5342b192a861aab9f3)

using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>MQTT client error with an error code.</summary>
    public class MqttClientException : Exception
    {
        public MqttClientException(MqttClientErrorCode errorCode) => throw new NotSupportedException("compile-only facade");

        public MqttClientErrorCode ErrorCode { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }
    }
}

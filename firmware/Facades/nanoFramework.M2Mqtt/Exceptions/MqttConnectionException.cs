// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttConnectionException.cs@8208787 (API doc HEAD) (file not in the index under nanoframework/nanoFramework.m2mqtt; shape from the fork eclipse/paho.mqtt.m2mqtt:M2Mqtt/Exceptions/MqttConnectionException.cs@87ec8ea781019a270bd5d32f2843cede334200ed and the use in M2Mqtt/MqttClient.cs@0191675688e9f0a518668a5342b192a861aab9f3)

using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Failure to connect to the broker (socket or TLS), thrown by Connect.</summary>
    public class MqttConnectionException : Exception
    {
        public MqttConnectionException(string message, Exception innerException) => throw new NotSupportedException("compile-only facade");
    }
}

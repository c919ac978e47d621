// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttTimeoutException.cs@8208787 (API doc HEAD) (file not in the index under nanoframework/nanoFramework.m2mqtt; shape from the fork eclipse/paho.mqtt.m2mqtt:M2Mqtt/Exceptions/MqttTimeoutException.cs@87ec8ea781019a270bd5d32f2843cede334200ed)

using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Timeout receiving from the broker.</summary>
    public class MqttTimeoutException : Exception
    {
        public MqttTimeoutException() => throw new NotSupportedException("compile-only facade");
    }
}

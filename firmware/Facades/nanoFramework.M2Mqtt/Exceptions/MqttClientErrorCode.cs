// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttClientException.cs@8208787 (API doc HEAD) (file not in the index under nanoframework/nanoFramework.m2mqtt; shape from the fork eclipse/paho.mqtt.m2mqtt:M2Mqtt/Exceptions/MqttClientException.cs@87ec8ea781019a270bd5d32f2843cede334200ed)

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Error codes of MqttClientException.</summary>
    public enum MqttClientErrorCode
    {
        WillWrong = 1,
        KeepAliveWrong,
        TopicWildcard,
        TopicLength,
        QosNotAllowed,
        TopicsEmpty,
        QosLevelsEmpty,
        TopicsQosLevelsNotMatch,
        WrongBrokerMessage,
        WrongMessageId,
        InflightQueueFull,
        InvalidFlagBits,
        InvalidConnectFlags,
        InvalidClientId,
        InvalidProtocolName
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttQoSLevel.cs@8208787 (API doc HEAD; stored text found by content; values also in eclipse/paho.mqtt.m2mqtt:M2Mqtt/Messages/MqttQoSLevel.cs@a8e9f3260be185502d6306b97488cab862e5b73f)

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>MQTT quality of service level.</summary>
    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }
}

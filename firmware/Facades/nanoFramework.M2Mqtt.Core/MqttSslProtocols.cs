// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/MqttSslProtocols.cs@8208787 (API doc HEAD; stored text found by content, MIT header, same members)

namespace nanoFramework.M2Mqtt
{
    /// <summary>SSL/TLS protocol versions; only None, TLSv1_2 and TLSv1_3 are accepted at Connect.</summary>
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3
    }
}

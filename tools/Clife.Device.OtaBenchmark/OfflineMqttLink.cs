using Clife.Device.Hal;

namespace Clife.Device.OtaBenchmark;

/// <summary>An MQTT link that never connects: the benchmark's device is offline, so its 2018 progress frames queue up.</summary>
internal sealed class OfflineMqttLink : IMqttLink
{
    public int Connect(MqttConnectOptions options, IMqttListener listener) => -1;
    public bool Subscribe(string topic, int qos) => false;
    public bool Publish(string topic, byte[] payload, int offset, int count, int qos) => false;
    public void Disconnect() { }
    public bool IsConnected => false;
    public string LastError => "offline (benchmark)";
}

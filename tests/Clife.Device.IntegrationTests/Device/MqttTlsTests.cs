using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Protocol;
using Xunit;
using Xunit.Abstractions;
using PlatformState = Clife.Simulator.Devices.DeviceState;
using RuntimeState = Clife.Device.Runtime.DeviceState;

namespace Clife.Device.IntegrationTests.Device;

/// <summary>
/// MQTT over TLS with a test CA made during the run. The broker (mosquitto, or the embedded one) has two listeners: a
/// plain one for the platform's own client and a TLS 1.2 one that registration sends devices to (mqttTls true). The
/// device trusts only the CA it is configured with and never falls back to plain MQTT.
/// </summary>
public sealed class MqttTlsTests(ITestOutputHelper output)
{
    private const string NotSignedByCa = "the server certificate is not signed by the configured CA";

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task With_the_right_CA_pasted_on_the_console_the_device_connects_over_TLS_and_works(string broker)
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output, new BrokerTls(ca, server));
        PlatformSimulator sim = platform.Sim;
        int tlsPort = platform.TlsPort!.Value;
        int tlsBefore = platform.Mosquitto?.ConnectionsOnPort(tlsPort) ?? 0;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        Assert.Contains("ca saved", await dut.PasteCaAsync(ca.CertificatePem));
        dut.Provision(sim.BaseUrl);
        string devId = await dut.WaitOnlineAsync(sim);

        Assert.True(dut.Device.Get(r => r.Config.MqttTls && r.Config.MqttPort == tlsPort), "registration sent the device to the TLS listener");
        Assert.True(dut.LogLinesContaining($"connecting to 127.0.0.1:{tlsPort} over TLS") >= 1, dut.Describe());
        Assert.Equal(dut.LogLinesContaining("connecting to"), dut.LogLinesContaining(" over TLS"));
        if (platform.Mosquitto is { } mosquitto)
        {
            Assert.Equal(tlsPort, mosquitto.ListenerPortOf(devId));
            Assert.Equal(tlsBefore + 1, mosquitto.ConnectionsOnPort(tlsPort));
        }
        Frame reply = await sim.RequestAsync(devId, PlatformCmd.Control, new JsonObject { ["power"] = true }, DeviceUnderTest.StepTimeout);
        Assert.Equal(0, reply.RespCode);
    }

    public static TheoryData<string, string> BrokersAndOtherCas => new()
    {
        { Brokers.Embedded, "CN=another clife test CA" },
        { Brokers.Embedded, "CN=clife test CA" }, // the same name as the broker's CA, but another key
        { Brokers.Mosquitto, "CN=another clife test CA" },
        { Brokers.Mosquitto, "CN=clife test CA" },
    };

    [Theory]
    [MemberData(nameof(BrokersAndOtherCas))]
    public async Task With_a_CA_that_did_not_sign_the_broker_certificate_the_device_refuses_the_broker_before_any_CONNECT(string broker, string otherCaName)
    {
        using TestCa ca = TestCa.Create();
        using TestCa other = TestCa.Create(otherCaName);
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output, new BrokerTls(ca, server));
        int plainBefore = platform.Mosquitto?.ConnectionsOnPort(platform.Mosquitto.Port) ?? 0;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        dut.Provision(platform.Sim.BaseUrl, other.CertificatePem);

        await dut.WaitForAsync(r => r.Config.IsRegistered, "registered");
        string devId = dut.DevId;
        await dut.WaitForAsync(() => dut.LogLinesContaining(NotSignedByCa) >= 2, "refusing the broker twice");
        dut.Device.Do(r =>
        {
            Assert.Equal(RuntimeState.Registered, r.State);
            Assert.Contains("MQTT connect TLS error: " + NotSignedByCa, r.Reason);
            Assert.Contains(NotSignedByCa, r.Log.LastError);
        });
        Assert.False(platform.BrokerSawConnect(devId), "the broker never saw the device's CONNECT");
        if (platform.Mosquitto is { } mosquitto)
        {
            Assert.True(mosquitto.ConnectionsOnPort(mosquitto.TlsPort!.Value) >= 2, "the device did reach the TLS listener");
            Assert.Equal(plainBefore, mosquitto.ConnectionsOnPort(mosquitto.Port));
        }
        Assert.NotEqual(PlatformState.Online, platform.Sim.RequireDevice(devId).State);
    }

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_broker_certificate_of_the_right_CA_for_another_host_is_refused_before_any_CONNECT(string broker)
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate("CN=broker.example.com", onlyHost: "broker.example.com");
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output, new BrokerTls(ca, server));
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        dut.Provision(platform.Sim.BaseUrl, ca.CertificatePem);

        await dut.WaitForAsync(r => r.Config.IsRegistered, "registered");
        string devId = dut.DevId;
        await dut.WaitForAsync(() => dut.LogLinesContaining("does not match the host name") >= 1, "refusing the broker");
        Assert.Contains("MQTT connect TLS error: the server certificate does not match the host name", dut.Device.Get(r => r.Reason));
        Assert.False(platform.BrokerSawConnect(devId));
    }

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task Without_a_CA_the_device_does_not_try_the_TLS_broker_nor_plain_MQTT_until_a_CA_is_configured(string broker)
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output, new BrokerTls(ca, server));
        int plainBefore = platform.Mosquitto?.ConnectionsOnPort(platform.Mosquitto.Port) ?? 0;
        int tlsBefore = platform.Mosquitto?.ConnectionsOnPort(platform.TlsPort!.Value) ?? 0;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        dut.Provision(platform.Sim.BaseUrl);

        await dut.WaitForAsync(r => r.Config.IsRegistered, "registered");
        string devId = dut.DevId;
        await dut.WaitForAsync(() => dut.LogLinesContaining("no CA certificate is configured") >= 2, "declining to connect twice");
        dut.Device.Do(r =>
        {
            Assert.Equal(RuntimeState.Registered, r.State);
            Assert.Contains("the broker requires TLS but no CA certificate is configured: config set ca", r.Reason);
        });
        Assert.Equal(0, dut.LogLinesContaining("connecting to"));
        Assert.False(platform.BrokerSawConnect(devId));
        if (platform.Mosquitto is { } mosquitto)
        {
            Assert.Equal(plainBefore, mosquitto.ConnectionsOnPort(mosquitto.Port));
            Assert.Equal(tlsBefore, mosquitto.ConnectionsOnPort(mosquitto.TlsPort!.Value));
        }

        // The technician adds the CA: the device connects over TLS at its next attempt, still never over plain MQTT.
        dut.Device.Do(r => Assert.Null(r.SetConfig("ca", ca.CertificatePem)));
        await dut.WaitOnlineAsync(platform.Sim);
        Assert.True(dut.LogLinesContaining(" over TLS") >= 1, dut.Describe());
        Assert.Equal(dut.LogLinesContaining("connecting to"), dut.LogLinesContaining(" over TLS"));
        if (platform.Mosquitto is { } m)
        {
            Assert.Equal(m.TlsPort, m.ListenerPortOf(devId));
            Assert.Equal(plainBefore, m.ConnectionsOnPort(m.Port));
        }
    }
}

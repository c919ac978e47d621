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
/// MQTT over TLS against mosquitto with a test CA made during the run. mosquitto has two listeners: a plain one for
/// the platform's own client and a TLS 1.2 one that registration sends devices to (mqttTls true). The device trusts
/// only the CA it is configured with and never falls back to plain MQTT.
/// </summary>
public sealed class MqttTlsTests(ITestOutputHelper output)
{
    private const string NotSignedByCa = "the server certificate is not signed by the configured CA";

    [Fact]
    public async Task With_the_right_CA_pasted_on_the_console_the_device_connects_over_TLS_and_works()
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(Brokers.Mosquitto, output, Tls(ca, server));
        MosquittoBroker mosquitto = platform.Mosquitto!;
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);
        int tlsBefore = mosquitto.ConnectionsOnPort(mosquitto.TlsPort!.Value);

        Assert.Contains("ca saved", await dut.PasteCaAsync(ca.CertificatePem));
        dut.Provision(sim.BaseUrl);
        string devId = await dut.WaitOnlineAsync(sim);

        Assert.True(dut.Device.Get(r => r.Config.MqttTls && r.Config.MqttPort == mosquitto.TlsPort), "registration sent the device to the TLS listener");
        Assert.Equal(mosquitto.TlsPort, mosquitto.ListenerPortOf(devId));
        Assert.Equal(tlsBefore + 1, mosquitto.ConnectionsOnPort(mosquitto.TlsPort.Value));
        Assert.Equal(1, dut.LogLinesContaining("over TLS"));
        Frame reply = await sim.RequestAsync(devId, PlatformCmd.Control, new JsonObject { ["power"] = true }, DeviceUnderTest.StepTimeout);
        Assert.Equal(0, reply.RespCode);
    }

    [Theory]
    [InlineData("CN=another clife test CA")]
    [InlineData("CN=clife test CA")] // the same name as the broker's CA, but another key
    public async Task With_a_CA_that_did_not_sign_the_broker_certificate_the_device_refuses_the_broker_before_any_CONNECT(string otherCaName)
    {
        using TestCa ca = TestCa.Create();
        using TestCa other = TestCa.Create(otherCaName);
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(Brokers.Mosquitto, output, Tls(ca, server));
        MosquittoBroker mosquitto = platform.Mosquitto!;
        int plainBefore = mosquitto.ConnectionsOnPort(mosquitto.Port);
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        dut.Provision(platform.Sim.BaseUrl, other.CertificatePem);

        await dut.WaitForAsync(r => r.Config.IsRegistered, "registered");
        string devId = dut.DevId;
        await dut.WaitForAsync(() => dut.LogLinesContaining(NotSignedByCa) >= 2, "refusing the broker twice");
        dut.Device.Do(r =>
        {
            Assert.Equal(RuntimeState.Registered, r.State);
            Assert.Contains(NotSignedByCa, r.Reason);
            Assert.Contains("MQTT connect", r.Reason);
            Assert.Contains(NotSignedByCa, r.Log.LastError);
        });
        Assert.True(mosquitto.ConnectionsOnPort(mosquitto.TlsPort!.Value) >= 2, "the device did reach the TLS listener");
        Assert.False(mosquitto.SawClient(devId), "mosquitto never saw the device's CONNECT");
        Assert.Equal(plainBefore, mosquitto.ConnectionsOnPort(mosquitto.Port));
        Assert.NotEqual(PlatformState.Online, platform.Sim.RequireDevice(devId).State);
    }

    [Fact]
    public async Task Without_a_CA_the_device_does_not_try_the_TLS_broker_nor_plain_MQTT_until_a_CA_is_configured()
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();
        await using TestPlatform platform = await TestPlatform.StartAsync(Brokers.Mosquitto, output, Tls(ca, server));
        MosquittoBroker mosquitto = platform.Mosquitto!;
        int plainBefore = mosquitto.ConnectionsOnPort(mosquitto.Port);
        int tlsBefore = mosquitto.ConnectionsOnPort(mosquitto.TlsPort!.Value);
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
        Assert.Equal(plainBefore, mosquitto.ConnectionsOnPort(mosquitto.Port));
        Assert.Equal(tlsBefore, mosquitto.ConnectionsOnPort(mosquitto.TlsPort.Value));
        Assert.False(mosquitto.SawClient(devId));

        // The technician adds the CA: the device connects over TLS at its next attempt, still never over plain MQTT.
        dut.Device.Do(r => Assert.Null(r.SetConfig("ca", ca.CertificatePem)));
        await dut.WaitOnlineAsync(platform.Sim);
        Assert.Equal(mosquitto.TlsPort, mosquitto.ListenerPortOf(devId));
        Assert.Equal(plainBefore, mosquitto.ConnectionsOnPort(mosquitto.Port));
    }

    private static MosquittoTls Tls(TestCa ca, ServerCertificate server) => new(ca.CertificatePem, server.CertificatePem, server.PrivateKeyPem);
}

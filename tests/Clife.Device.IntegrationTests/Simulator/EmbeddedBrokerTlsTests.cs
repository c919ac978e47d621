using System;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Simulator;

/// <summary>The embedded broker's optional TLS listener, and what registration tells devices about it.</summary>
public sealed class EmbeddedBrokerTlsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Registration_sends_devices_to_the_TLS_listener_which_presents_the_given_certificate()
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();
        await using PlatformSimulator sim = await PlatformSimulator.StartNewAsync(new SimulatorOptions
        {
            Products = Sim.Products, MqttTlsCertificate = server.Certificate, Log = TestLog.To(output),
        });

        RegistrationResult r = await Registration.RegisterAsync(sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "02:00:00:03:00:01");
        string? presented = null;
        var factory = new MqttClientFactory();
        using IMqttClient client = factory.CreateMqttClient();
        MqttClientConnectResult result = await client.ConnectAsync(factory.CreateClientOptionsBuilder()
            .WithTcpServer(sim.MqttHost, sim.MqttTlsPort!.Value)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(r.DevId)
            .WithCredentials(r.DevId, r.DevSecret)
            .WithTlsOptions(o => o.UseTls().WithTargetHost(sim.MqttHost).WithCertificateValidationHandler(a =>
            {
                presented = a.Certificate?.GetCertHashString();
                return presented == server.Certificate.GetCertHashString();
            }))
            .Build());

        Assert.True((bool)r.Data!["mqttTls"]!);
        Assert.Equal(sim.MqttTlsPort, (int)r.Data["mqttPort"]!);
        Assert.NotEqual(sim.MqttTlsPort, BrokerSettings.Parse(sim.BrokerEndpoint).Port);
        Assert.True(sim.PlatformClientConnected, "the platform's own client stays on the plain listener");
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        Assert.Equal(server.Certificate.GetCertHashString(), presented);
    }

    [Fact]
    public async Task A_plain_MQTT_client_gets_nowhere_on_the_TLS_listener()
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();
        await using PlatformSimulator sim = await PlatformSimulator.StartNewAsync(new SimulatorOptions
        {
            Products = Sim.Products, MqttTlsCertificate = server.Certificate, Log = TestLog.To(output),
        });
        var factory = new MqttClientFactory();
        using IMqttClient client = factory.CreateMqttClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(factory.CreateClientOptionsBuilder()
            .WithTcpServer(sim.MqttHost, sim.MqttTlsPort!.Value).WithProtocolVersion(MqttProtocolVersion.V311).WithClientId("plain").Build(), timeout.Token));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_TLS_certificate_for_the_embedded_broker_is_refused_with_an_external_broker()
    {
        using TestCa ca = TestCa.Create();
        using ServerCertificate server = ca.IssueServerCertificate();

        InvalidOperationException e = await Assert.ThrowsAsync<InvalidOperationException>(() => PlatformSimulator.StartNewAsync(new SimulatorOptions
        {
            Products = Sim.Products, ExternalBroker = BrokerSettings.Parse("mqtt://127.0.0.1:1"), MqttTlsCertificate = server.Certificate, Log = null,
        }));
        Assert.Contains("AdvertisedMqttTls", e.Message);
    }
}

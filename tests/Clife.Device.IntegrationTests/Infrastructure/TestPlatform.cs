using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Clife.Simulator;
using Clife.Simulator.Mqtt;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>The brokers the device scenarios run against (the values of their [Theory] rows).</summary>
public static class Brokers
{
    /// <summary>The simulator's embedded MQTTnet broker (needs nothing installed).</summary>
    public const string Embedded = "embedded";

    /// <summary>A real mosquitto started by the test on a free loopback port.</summary>
    public const string Mosquitto = "mosquitto";

    /// <summary>Both, for [MemberData].</summary>
    public static TheoryData<string> Both => new() { Embedded, Mosquitto };
}

/// <summary>A TLS listener for the broker: the server certificate and the CA that issued it.</summary>
public sealed record BrokerTls(TestCa Ca, ServerCertificate Server);

/// <summary>
/// The platform a device test talks to: the simulator with either its embedded broker or a mosquitto of the test's
/// own, optionally with a TLS listener that devices are sent to while the platform's client stays on the plain one.
/// The broker can be killed and restarted either way. Disposing stops everything.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _simLog;

    private TestPlatform(string broker, PlatformSimulator sim, MosquittoBroker? mosquitto, ConcurrentQueue<string> simLog)
    {
        Broker = broker;
        Sim = sim;
        Mosquitto = mosquitto;
        _simLog = simLog;
    }

    /// <summary><see cref="Brokers.Embedded"/> or <see cref="Brokers.Mosquitto"/>.</summary>
    public string Broker { get; }

    /// <summary>The platform simulator.</summary>
    public PlatformSimulator Sim { get; }

    /// <summary>The mosquitto, or null with the embedded broker.</summary>
    public MosquittoBroker? Mosquitto { get; }

    /// <summary>
    /// Starts the broker and the simulator. With <paramref name="mqttTls"/> the broker also has a TLS listener and
    /// registration sends devices to it; with <paramref name="https"/> the simulator also serves HTTPS with that
    /// certificate.
    /// </summary>
    /// <exception cref="InvalidOperationException">mosquitto is needed and not installed (the test fails and says so).</exception>
    public static async Task<TestPlatform> StartAsync(string broker, ITestOutputHelper output, BrokerTls? mqttTls = null, X509Certificate2? https = null)
    {
        MosquittoBroker? mosquitto = broker switch
        {
            Brokers.Embedded => null,
            Brokers.Mosquitto => await MosquittoBroker.StartAsync(
                tls: mqttTls is null ? null : new MosquittoTls(mqttTls.Ca.CertificatePem, mqttTls.Server.CertificatePem, mqttTls.Server.PrivateKeyPem),
                log: TestLog.To(output, "mosq   ")),
            _ => throw new ArgumentException($"unknown broker '{broker}'", nameof(broker)),
        };
        var simLog = new ConcurrentQueue<string>();
        Action<string> toOutput = TestLog.To(output, "sim    ");
        try
        {
            PlatformSimulator sim = await PlatformSimulator.StartNewAsync(new SimulatorOptions
            {
                Products = Infrastructure.Sim.Products,
                ExternalBroker = mosquitto is null ? null : BrokerSettings.Parse(mosquitto.Url),
                MqttTlsCertificate = mosquitto is null ? mqttTls?.Server.Certificate : null,
                AdvertisedMqttPort = mosquitto?.TlsPort,
                AdvertisedMqttTls = mosquitto?.TlsPort is not null,
                HttpsCertificate = https,
                Log = line =>
                {
                    simLog.Enqueue(line);
                    toOutput(line);
                },
                DefaultTimeout = TimeSpan.FromSeconds(10),
            });
            if (mosquitto is not null)
            {
                // mosquitto logs in order: once the platform's client shows up, the lines of the readiness probes
                // are in too, so counts of connections taken from now on are the device's.
                await Poll.UntilAsync(() => mosquitto.Output.Contains(" as clife-platform-", StringComparison.Ordinal), TimeSpan.FromSeconds(10),
                    () => "mosquitto did not log the platform client's connection within 10 s:\n" + mosquitto.Output);
            }
            return new TestPlatform(broker, sim, mosquitto, simLog);
        }
        catch
        {
            if (mosquitto is not null) await mosquitto.DisposeAsync();
            throw;
        }
    }

    /// <summary>The port of the broker's TLS listener, or null.</summary>
    public int? TlsPort => Mosquitto is { } m ? m.TlsPort : Sim.MqttTlsPort;

    /// <summary>Whether the broker received an MQTT CONNECT from this client id (accepted or refused).</summary>
    public bool BrokerSawConnect(string clientId) => Mosquitto is { } m
        ? m.SawClient(clientId)
        : _simLog.Any(l => l.Contains($"client connected: {clientId} ", StringComparison.Ordinal) || l.Contains($"refused CONNECT clientId={clientId} ", StringComparison.Ordinal));

    /// <summary>Kills the broker (every connection drops without a DISCONNECT; no sessions survive).</summary>
    public Task StopBrokerAsync() => Mosquitto is { } m ? m.StopAsync() : Sim.StopBrokerAsync();

    /// <summary>Starts the broker again on the same port.</summary>
    public Task StartBrokerAsync() => Mosquitto is { } m ? m.RestartAsync() : Sim.StartBrokerAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Sim.DisposeAsync();
        }
        finally
        {
            if (Mosquitto is not null) await Mosquitto.DisposeAsync();
        }
    }
}

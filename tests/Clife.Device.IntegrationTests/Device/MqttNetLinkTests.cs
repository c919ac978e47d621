using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.Hal;
using Clife.Device.Host.Mqtt;
using Clife.Device.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Device;

/// <summary>
/// Runs its tests alone, after the parallel ones: hundreds of quick connections take ephemeral ports that other tests,
/// which pick a free port and bind it a moment later (a child process, a restarted broker), could otherwise lose.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConnectionChurn
{
    /// <summary>The collection's name.</summary>
    public const string Name = "connection churn";
}

/// <summary>The virtual device's MQTT link (MQTTnet) against a real broker: what it tells the core about its connection.</summary>
[Collection(ConnectionChurn.Name)]
public sealed class MqttNetLinkTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_connection_closed_by_the_link_is_never_reported_lost_to_the_next_connection(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        MqttConnectOptions options = await LoginAsync(platform);
        using var link = new MqttNetLink();
        var listeners = new List<Listener>();

        // MQTTnet raises a client's "disconnected" event asynchronously, often after the next connection began
        // (as after a reboot, an unbind or a console disconnect/connect); it must not reach the new listener.
        for (int i = 0; i < 200; i++)
        {
            var listener = new Listener();
            listeners.Add(listener);
            Assert.Equal(MqttConnectResult.Accepted, link.Connect(options, listener));
            link.Disconnect();
        }
        Assert.Equal(MqttConnectResult.Accepted, link.Connect(options, listeners[^1]));
        await Task.Delay(200); // late events of the 200 closed clients
        Assert.True(link.IsConnected);

        Assert.Empty(listeners.Where(l => l.Lost is not null).Select(l => l.Lost));
        link.Disconnect();
    }

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_broker_that_goes_away_is_reported_as_a_lost_connection_that_says_so(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        MqttConnectOptions options = await LoginAsync(platform);
        using var link = new MqttNetLink();
        var listener = new Listener();
        Assert.Equal(MqttConnectResult.Accepted, link.Connect(options, listener));

        await platform.StopBrokerAsync();

        await Poll.UntilAsync(() => listener.Lost is not null, TimeSpan.FromSeconds(10), () => "the link reported no lost connection within 10 s");
        Assert.Equal("the broker closed the connection", listener.Lost);
        Assert.False(link.IsConnected);
    }

    private static async Task<MqttConnectOptions> LoginAsync(TestPlatform platform)
    {
        RegistrationResult r = await Registration.RegisterAsync(platform.Sim.BaseUrl, 1, Infrastructure.Sim.Product, null, Infrastructure.Sim.DevKey,
            "02c1e1" + Random.Shared.Next(0x1000000).ToString("x6"));
        Assert.Equal(0, r.RespCode);
        return new MqttConnectOptions
        {
            Host = platform.Sim.MqttHost, Port = platform.Sim.MqttPort, ClientId = r.DevId, Username = r.DevId, Password = r.DevSecret,
            KeepAliveSeconds = 60, CleanSession = false, TimeoutMs = 5000,
        };
    }

    private sealed class Listener : IMqttListener
    {
        private string? _lost;

        public string? Lost => Volatile.Read(ref _lost);

        public void OnMessage(string topic, byte[] payload)
        {
        }

        public void OnConnectionLost(string reason) => Volatile.Write(ref _lost, reason);
    }
}

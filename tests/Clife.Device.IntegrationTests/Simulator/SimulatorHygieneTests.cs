using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Protocol;
using Xunit;

namespace Clife.Device.IntegrationTests.Simulator;

/// <summary>Properties of the simulator as a whole: independence from the firmware, and logs without secrets.</summary>
public sealed class SimulatorHygieneTests
{
    [Fact]
    public void The_simulator_does_not_reference_the_firmware_core()
    {
        string[] references = typeof(PlatformSimulator).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.DoesNotContain(references, r => r.StartsWith("Clife.Device", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_embedded_broker_listens_only_on_the_bind_address()
    {
        await using PlatformSimulator sim = await PlatformSimulator.StartNewAsync(new SimulatorOptions { Products = Sim.Products, Log = null });

        Assert.True(await MosquittoBroker.AcceptsConnectionsAsync(System.Net.IPAddress.Loopback, sim.MqttPort));
        Assert.False(await MosquittoBroker.AcceptsConnectionsAsync(System.Net.IPAddress.IPv6Loopback, sim.MqttPort), "nothing listens on IPv6 when bound to 127.0.0.1");
    }

    [Fact]
    public async Task A_second_embedded_broker_cannot_silently_share_a_port_in_use()
    {
        await using PlatformSimulator first = await PlatformSimulator.StartNewAsync(new SimulatorOptions { Products = Sim.Products, Log = null });

        var e = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => PlatformSimulator.StartNewAsync(new SimulatorOptions
        {
            Products = Sim.Products, MqttPort = first.MqttPort, Log = null,
        }));
        Assert.Equal(System.Net.Sockets.SocketError.AddressAlreadyInUse, e.SocketErrorCode);
    }

    [Fact]
    public async Task The_log_shows_traffic_but_never_a_devKey_or_devSecret()
    {
        var lines = new ConcurrentQueue<string>();
        await using (PlatformSimulator sim = await PlatformSimulator.StartNewAsync(new SimulatorOptions { Products = Sim.Products, Log = lines.Enqueue }))
        {
            await using TestDevice device = await Sim.OnlineDeviceAsync(sim, "10:00:00:00:00:01");
            device.AutoReply = _ => new JsonObject { ["respCode"] = 0 };
            await sim.WaitForReplyAsync(await sim.QueryAsync(device.DevId));
            await Registration.RegisterAsync(sim.BaseUrl, 1, Sim.Product, null, "ffeeddccbbaa99887766554433221100", "10:00:00:00:00:02");
            string secret = device.DevSecret;

            string log = string.Join('\n', lines);
            Assert.Contains("registered " + device.DevId, log);
            Assert.Contains($"<- {device.DevId} 2004 connect", log);
            Assert.Contains($"-> {device.DevId} 2009 query", log);
            Assert.DoesNotContain(secret, log);
            Assert.DoesNotContain(Sim.DevKey, log);
            Assert.DoesNotContain("ffeeddccbbaa99887766554433221100", log);
        }
    }

    [Fact]
    public void Topic_templates_format_and_match_devices()
    {
        var t = new TopicTemplate(TopicTemplate.DefaultUp);

        Assert.Equal("clife/P1/d1/up", t.Format("P1", "d1"));
        Assert.Equal("clife/+/+/up", t.WildcardFilter);
        Assert.True(t.TryMatch("clife/P1/d1/up", out string p, out string d));
        Assert.Equal(("P1", "d1"), (p, d));
        Assert.False(t.TryMatch("clife/P1/d1/down", out _, out _));
        Assert.Throws<ArgumentException>(() => new TopicTemplate("clife/{productCode}/up"));
    }
}

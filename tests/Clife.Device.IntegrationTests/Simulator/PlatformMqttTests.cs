using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Devices;
using Clife.Simulator.Mqtt;
using Clife.Simulator.Protocol;
using MQTTnet;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Simulator;

/// <summary>
/// The platform's MQTT side, seen from a device: the same specification runs against the embedded broker and
/// against a real mosquitto (the derived classes).
/// </summary>
public abstract class PlatformMqttTests(ITestOutputHelper output) : IAsyncLifetime
{
    protected ITestOutputHelper Output { get; } = output;
    protected PlatformSimulator Sim { get; private set; } = null!;

    protected abstract BrokerSettings? Broker { get; }

    public virtual async Task InitializeAsync() => Sim = await Infrastructure.Sim.StartAsync(Output, Broker);

    public virtual async Task DisposeAsync() => await Sim.DisposeAsync();

    private static string Mac(int n) => $"02:00:00:00:{n / 256:X2}:{n % 256:X2}";

    [Fact]
    public async Task A_device_connects_to_the_broker_with_its_issued_credentials()
    {
        RegistrationResult r = await Registration.RegisterAsync(Sim.BaseUrl, 1, Infrastructure.Sim.Product, null, Infrastructure.Sim.DevKey, Mac(1));
        await using var device = new TestDevice(Infrastructure.Sim.Product, r.DevId, r.DevSecret);

        MqttClientConnectResultCode code = await device.ConnectAsync((string)r.Data!["mqttHost"]!, (int)r.Data["mqttPort"]!);

        Assert.Equal(MqttClientConnectResultCode.Success, code);
    }

    [Fact]
    public async Task Connect_2004_is_answered_with_2005_with_the_same_msgId_and_the_device_is_online()
    {
        await using TestDevice device = await Infrastructure.Sim.ConnectedDeviceAsync(Sim, Mac(2));

        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        JsonObject reply = await device.SendConnectAsync();
        DeviceInfo info = await Sim.WaitForOnlineAsync(device.DevId);

        Assert.Equal("30", (string)reply["dir"]!);
        Assert.Equal(0, (int)reply["data"]!["respCode"]!);
        Assert.InRange((long)reply["data"]!["timestamp"]!, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        Assert.True(info.Online);
        Assert.Equal("1.2.3.4", info.Software);
        Assert.Equal("1.0", info.Hardware);
        Assert.Equal(3, info.ProductVer);
        Assert.Equal("192.0.2.10", info.Ip);
        Assert.Equal(-55, info.Rssi);
        Assert.Equal(new DeviceVersion("1.2.3.4", "1.0", 0), Assert.Single(info.DevVer));
        Assert.Equal(1, info.Connects);
    }

    [Fact]
    public async Task A_2006_report_is_stored_as_the_last_report_and_acknowledged_with_2007()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(3));

        long first = await device.PublishAsync(2006, new JsonObject { ["power"] = true, ["temp"] = 21.5 });
        await device.WaitForAsync(2007, first);
        long second = await device.PublishAsync(2006, new JsonObject { ["power"] = false, ["mode"] = "eco" });
        JsonObject ack = await device.WaitForAsync(2007, second);

        Assert.Equal(0, (int)ack["data"]!["respCode"]!);
        DeviceInfo info = Sim.RequireDevice(device.DevId);
        Assert.Equal("""{"power":false,"mode":"eco"}""", info.LastReport!.ToJsonString());
        Assert.Equal(2, info.Reports);
    }

    [Fact]
    public async Task Report_acknowledgement_can_be_turned_off()
    {
        Sim.AckReports = false;
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(4));

        await device.PublishAsync(2006, new JsonObject { ["power"] = true });
        await Sim.WaitForFrameAsync(device.DevId, 2006, afterSequence: 0);

        Assert.True(await device.NothingArrivesAsync(2007, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_2009_query_reaches_the_device_topic_and_the_2008_reply_is_matched_by_msgId()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(5));
        device.AutoReply = req => new JsonObject { ["respCode"] = 0, ["power"] = true, ["temp"] = 20 };

        long all = await Sim.QueryAsync(device.DevId);
        long named = await Sim.QueryAsync(device.DevId, "power", "temp");
        Frame reply = await Sim.WaitForReplyAsync(all);
        await Sim.WaitForReplyAsync(named);

        JsonObject allRequest = await device.WaitForAsync(2009, all);
        JsonObject namedRequest = await device.WaitForAsync(2009, named);
        Assert.Equal("{}", allRequest["data"]!.ToJsonString());
        Assert.Equal("""{"power":null,"temp":null}""", namedRequest["data"]!.ToJsonString());
        Assert.Equal("30", (string)allRequest["dir"]!);
        Assert.Equal("1.0", (string)allRequest["ver"]!);
        Assert.Equal(2008, reply.Cmd);
        Assert.Equal(all, reply.MsgId);
        Assert.Equal(0, reply.RespCode);
        Assert.Equal(named, all + 1);
    }

    [Fact]
    public async Task A_2011_control_is_delivered_with_its_points_and_the_2010_reply_is_returned()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(6));
        device.AutoReply = req => new JsonObject { ["respCode"] = 0, ["power"] = req["data"]!["power"]!.DeepClone() };

        Frame reply = await Sim.RequestAsync(device.DevId, PlatformCmd.Control, new JsonObject { ["power"] = false, ["level"] = 3 });

        JsonObject request = await device.WaitForAsync(2011);
        Assert.Equal("""{"power":false,"level":3}""", request["data"]!.ToJsonString());
        Assert.Equal(2010, reply.Cmd);
        Assert.Equal("""{"respCode":0,"power":false}""", reply.Data!.ToJsonString());
    }

    [Fact]
    public async Task A_2013_unbind_is_delivered_and_its_2012_reply_marks_the_device_unbound()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(7));
        device.AutoReply = _ => new JsonObject { ["respCode"] = 0 };

        long msgId = await Sim.UnbindAsync(device.DevId);
        await Sim.WaitForStateAsync(device.DevId, DeviceState.Unbound);

        JsonObject request = await device.WaitForAsync(2013, msgId);
        Assert.Equal("{}", request["data"]!.ToJsonString());
        Assert.Equal(2012, (await Sim.WaitForReplyAsync(msgId)).Cmd);
    }

    [Fact]
    public async Task A_2017_forced_offline_carries_the_seconds_and_its_2016_reply_marks_the_device_offline()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(8));
        device.AutoReply = _ => new JsonObject { ["respCode"] = 0 };

        long msgId = await Sim.ForceOfflineAsync(device.DevId, 30);
        DeviceInfo info = await Sim.WaitForOfflineAsync(device.DevId);

        JsonObject request = await device.WaitForAsync(2017, msgId);
        Assert.Equal("""{"seconds":30}""", request["data"]!.ToJsonString());
        Assert.Equal("forced offline", info.OfflineReason);
    }

    [Fact]
    public async Task The_seed_documents_2019_example_is_delivered_verbatim_and_2018_events_are_recorded_in_order()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(9));

        long msgId = await Sim.SendFileOperationAsync(device.DevId, FileOperations.SeedDownExample());
        JsonObject request = await device.WaitForAsync(2019, msgId);
        Assert.True(JsonNode.DeepEquals(FileOperations.SeedDownExample(), request["data"]), request["data"]!.ToJsonString());

        foreach ((int code, JsonNode cont) in new (int, JsonNode)[] { (1, "1"), (1, 100), (0, "1"), (0, "100") })
            await device.PublishAsync(2018, new JsonObject { ["respCode"] = code, ["respCont"] = cont }, msgId);
        await device.PublishAsync(2018, new JsonObject
        {
            ["respCode"] = 3, ["respCont"] = "ver", ["productVer"] = 2,
            ["devVer"] = new JsonArray(
                new JsonObject { ["software"] = "1.0.2.0", ["hardware"] = "02", ["devNum"] = 0 },
                new JsonObject { ["software"] = "01", ["hardware"] = "02", ["devNum"] = 1 }),
        }, msgId);
        FileEvent report = await Sim.WaitForFileEventAsync(device.DevId, e => e.RespCode == 3);

        var events = Sim.GetFileEvents(device.DevId);
        Assert.Equal(["1,1", "1,100", "0,1", "0,100", "3,ver"], events.Select(e => $"{e.RespCode},{e.RespCont}"));
        Assert.All(events, e => Assert.True(e.Solicited));
        Assert.All(events, e => Assert.Equal(msgId, e.MsgId));
        Assert.Equal(2, report.ProductVer);
        DeviceInfo info = Sim.RequireDevice(device.DevId);
        Assert.Equal(2, info.ProductVer);
        Assert.Equal("1.0.2.0", info.Software);
        Assert.Equal(2, info.DevVer.Count);
        Assert.Equal(2018, (await Sim.WaitForReplyAsync(msgId)).Cmd);
    }

    [Fact]
    public async Task An_unsolicited_2018_upgrade_request_is_recorded_as_unsolicited()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(10));

        await device.PublishAsync(2018, new JsonObject { ["respCode"] = 2, ["respCont"] = "SUBFIRM" }, 23454);
        FileEvent e = await Sim.WaitForFileEventAsync(device.DevId, x => x.RespCode == 2);

        Assert.False(e.Solicited);
        Assert.Equal("SUBFIRM", e.RespCont);
        Assert.Equal(23454, e.MsgId);
    }

    [Fact]
    public async Task The_last_will_marks_the_device_offline()
    {
        TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(11));

        device.Kill();
        DeviceInfo info = await Sim.WaitForOfflineAsync(device.DevId);
        FrameRecord will = await Sim.WaitForFrameAsync(device.DevId, PlatformCmd.Will, afterSequence: 0);

        Assert.False(info.Online);
        Assert.Equal("offline", (string)will.Frame!.DataObject!["reason"]!);
        Assert.Equal(device.DevId, (string)will.Frame.DataObject!["devId"]!);
    }

    [Fact]
    public async Task Malformed_frames_and_error_replies_from_a_device_are_recorded_and_do_no_harm()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(12));

        await device.PublishRawAsync("not json at all");
        await device.PublishRawAsync("""{"cmd":2006,"ver":"1.0","dir":"30","msgId":1,"timestamp":1,"data":{}}""");
        await device.PublishRawAsync("""{"cmd":2006,"ver":"2.0","dir":"03","msgId":2,"timestamp":1,"data":{}}""");
        long query = await Sim.QueryAsync(device.DevId, "nosuchpoint");
        await device.PublishAsync(2008, new JsonObject { ["respCode"] = -1, ["respCont"] = "unknown point nosuchpoint" }, query);
        Frame reply = await Sim.WaitForReplyAsync(query);
        long report = await device.PublishAsync(2006, new JsonObject { ["ok"] = 1 }, timestamp: JsonValue.Create("1617787651542"));
        await device.WaitForAsync(2007, report);

        Assert.Equal(-1, reply.RespCode);
        Assert.Equal("unknown point nosuchpoint", reply.RespCont);
        var errors = Sim.GetFrames(device.DevId).Where(f => f.Error is not null).Select(f => f.Error!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.StartsWith("not JSON", errors[0]);
        Assert.Contains("dir '30'", errors[1]);
        Assert.Contains("ver '2.0'", errors[2]);
        Assert.Equal("""{"ok":1}""", Sim.RequireDevice(device.DevId).LastReport!.ToJsonString());
    }

    [Fact]
    public async Task Platform_requests_use_unique_incrementing_msgIds_and_every_frame_is_logged_both_ways()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(13));

        long a = await Sim.QueryAsync(device.DevId);
        long b = await Sim.ControlAsync(device.DevId, new JsonObject { ["x"] = 1 });
        long c = await Sim.SendFileOperationAsync(device.DevId, FileOperations.Query());
        await device.WaitForAsync(2019, c);

        Assert.Equal([a + 1, a + 2], new[] { b, c });
        var frames = Sim.GetFrames(device.DevId);
        Assert.Equal(["up 2000", "down 2001", "up 2004", "down 2005", "down 2009", "down 2011", "down 2019"],
            frames.Select(f => $"{f.Flow.ToString().ToLowerInvariant()} {f.Cmd}"));
        Assert.True(frames.Select(f => f.Sequence).SequenceEqual(frames.Select(f => f.Sequence).Order()));
    }

    [Fact]
    public async Task A_request_sent_while_the_device_is_disconnected_is_delivered_when_it_reconnects()
    {
        TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, Mac(15));
        await device.DisconnectAsync();

        long msgId = await Sim.QueryAsync(device.DevId, "power");
        await using var again = new TestDevice(device.ProductCode, device.DevId, device.DevSecret);
        await again.ConnectOrThrowAsync(Sim.MqttHost, Sim.MqttPort);

        JsonObject request = await again.WaitForAsync(2009, msgId);
        Assert.Equal("""{"power":null}""", request["data"]!.ToJsonString());
    }

    [Fact]
    public async Task A_connect_fault_refuses_2004_or_leaves_it_unanswered()
    {
        await using TestDevice device = await Infrastructure.Sim.ConnectedDeviceAsync(Sim, Mac(14));
        Sim.SetConnectFault(ConnectFault.Refuse(respCode: 9, times: 1));

        JsonObject refused = await device.SendConnectAsync();
        Assert.Equal(9, (int)refused["data"]!["respCode"]!);
        Assert.Equal(DeviceState.Registered, Sim.RequireDevice(device.DevId).State);

        Sim.SetConnectFault(ConnectFault.Ignore(times: 1));
        await Assert.ThrowsAsync<TimeoutException>(() => device.SendConnectAsync(TimeSpan.FromMilliseconds(400)));

        await device.SendConnectAsync();
        await Sim.WaitForOnlineAsync(device.DevId);
    }
}

/// <summary>The MQTT specification against the embedded MQTTnet broker, plus its authentication.</summary>
public sealed class EmbeddedBrokerMqttTests(ITestOutputHelper output) : PlatformMqttTests(output)
{
    protected override BrokerSettings? Broker => null;

    [Fact]
    public async Task The_embedded_broker_refuses_a_wrong_password_an_unknown_user_and_a_foreign_clientId()
    {
        RegistrationResult r = await Registration.RegisterAsync(Sim.BaseUrl, 1, Infrastructure.Sim.Product, null, Infrastructure.Sim.DevKey, "02:00:00:01:00:01");
        await using var device = new TestDevice(Infrastructure.Sim.Product, r.DevId, r.DevSecret);
        await using var stranger = new TestDevice(Infrastructure.Sim.Product, "nobody", "secret");

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await device.ConnectAsync(Sim.MqttHost, Sim.MqttPort, password: "wrong"));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await stranger.ConnectAsync(Sim.MqttHost, Sim.MqttPort));
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, await device.ConnectAsync(Sim.MqttHost, Sim.MqttPort, clientId: "other"));
        Assert.Equal(MqttClientConnectResultCode.Success, await device.ConnectAsync(Sim.MqttHost, Sim.MqttPort));
    }

    [Fact]
    public async Task After_re_registration_the_old_secret_is_refused()
    {
        RegistrationResult first = await Registration.RegisterAsync(Sim.BaseUrl, 1, Infrastructure.Sim.Product, null, Infrastructure.Sim.DevKey, "02:00:00:01:00:02");
        RegistrationResult second = await Registration.RegisterAsync(Sim.BaseUrl, 1, Infrastructure.Sim.Product, first.DevId, Infrastructure.Sim.DevKey, "02:00:00:01:00:02");
        await using var old = new TestDevice(Infrastructure.Sim.Product, first.DevId, first.DevSecret);
        await using var fresh = new TestDevice(Infrastructure.Sim.Product, second.DevId, second.DevSecret);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await old.ConnectAsync(Sim.MqttHost, Sim.MqttPort));
        Assert.Equal(MqttClientConnectResultCode.Success, await fresh.ConnectAsync(Sim.MqttHost, Sim.MqttPort));
    }

    [Fact]
    public async Task Dropping_a_device_from_the_embedded_broker_marks_it_offline()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, "02:00:00:01:00:03");

        await Sim.DisconnectDeviceAsync(device.DevId);

        Assert.False((await Sim.WaitForOfflineAsync(device.DevId)).Online);
    }

    [Fact]
    public async Task The_embedded_broker_stops_like_a_crash_and_restarts_on_the_same_port_without_sessions()
    {
        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(Sim, "02:00:00:01:00:04");
        int port = Sim.MqttPort;

        await Sim.StopBrokerAsync();

        Assert.False(Sim.BrokerRunning);
        Assert.False(await MosquittoBroker.AcceptsConnectionsAsync(System.Net.IPAddress.Loopback, port));
        Assert.Equal("connection lost", (await Sim.WaitForOfflineAsync(device.DevId)).OfflineReason);
        await Poll.UntilAsync(() => !Sim.PlatformClientConnected, TimeSpan.FromSeconds(10), () => "not true within 10 s: the platform client noticed the broker is gone");

        await Sim.StartBrokerAsync();

        Assert.True(Sim.BrokerRunning);
        Assert.Equal(port, Sim.MqttPort);
        await Poll.UntilAsync(() => Sim.PlatformClientConnected, TimeSpan.FromSeconds(10), () => "not true within 10 s: the platform client reconnected");
        // The restarted broker has forgotten the device's session: a command reaches it only after it subscribes again.
        await using var again = new TestDevice(device.ProductCode, device.DevId, device.DevSecret);
        Assert.Equal(MqttClientConnectResultCode.Success, await again.ConnectAsync(Sim.MqttHost, port, subscribe: false));
        long lost = await Sim.QueryAsync(device.DevId);
        await again.DisconnectAsync();
        Assert.Equal(MqttClientConnectResultCode.Success, await again.ConnectAsync(Sim.MqttHost, port));
        long delivered = await Sim.QueryAsync(device.DevId);
        await again.WaitForAsync(2009, delivered);
        Assert.DoesNotContain(again.Received, f => (long?)f["msgId"] == lost);
    }

    [Fact]
    public async Task Stopping_and_starting_the_broker_is_refused_with_an_external_broker_such_as_mosquitto()
    {
        await using MosquittoBroker mosquitto = await MosquittoBroker.StartAsync();
        await using PlatformSimulator sim = await Infrastructure.Sim.StartAsync(Output, BrokerSettings.Parse(mosquitto.Url));

        await Assert.ThrowsAsync<InvalidOperationException>(sim.StopBrokerAsync);
        await Assert.ThrowsAsync<InvalidOperationException>(sim.StartBrokerAsync);
        Assert.False(sim.BrokerRunning);
    }
}

/// <summary>The MQTT specification against a real mosquitto started by the test.</summary>
public sealed class MosquittoMqttTests(ITestOutputHelper output, MosquittoFixture mosquitto) : PlatformMqttTests(output), IClassFixture<MosquittoFixture>
{
    protected override BrokerSettings? Broker => BrokerSettings.Parse(mosquitto.Broker.Url);
}

/// <summary>The platform's client survives a broker crash and restart.</summary>
public sealed class MosquittoRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task The_platform_client_reconnects_after_mosquitto_restarts_and_serves_devices_again()
    {
        await using PlatformSimulator sim = await Infrastructure.Sim.StartAsync(output, BrokerSettings.Parse(_broker.Url));
        int port = _broker.Port;

        await _broker.StopAsync();
        await Poll.UntilAsync(() => !sim.PlatformClientConnected, TimeSpan.FromSeconds(15), () => "not true within 15 s: platform client noticed the broker is gone");
        await _broker.RestartAsync();
        await Poll.UntilAsync(() => sim.PlatformClientConnected, TimeSpan.FromSeconds(15), () => "not true within 15 s: platform client reconnected");

        await using TestDevice device = await Infrastructure.Sim.OnlineDeviceAsync(sim, "02:00:00:02:00:01");
        Assert.Equal(port, _broker.Port);
        Assert.True(sim.RequireDevice(device.DevId).Online);
    }
}

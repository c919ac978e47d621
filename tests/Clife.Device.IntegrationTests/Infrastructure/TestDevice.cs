using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal device written for the tests with MQTTnet and System.Text.Json: connects with devId/devSecret and a
/// 2014 last will, publishes frames on its up topic, collects frames from its down topic, and can answer
/// requests automatically.
/// </summary>
public sealed class TestDevice : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _received = [];
    private IMqttClient? _client;
    private long _msgId = 100;

    /// <summary>Creates a device with its login.</summary>
    public TestDevice(string productCode, string devId, string devSecret)
    {
        ProductCode = productCode;
        DevId = devId;
        DevSecret = devSecret;
    }

    /// <summary>Its product.</summary>
    public string ProductCode { get; }
    /// <summary>Its devId.</summary>
    public string DevId { get; }
    /// <summary>Its devSecret.</summary>
    public string DevSecret { get; }
    /// <summary>clife/{productCode}/{devId}/up.</summary>
    public string UpTopic => $"clife/{ProductCode}/{DevId}/up";
    /// <summary>clife/{productCode}/{devId}/down.</summary>
    public string DownTopic => $"clife/{ProductCode}/{DevId}/down";

    /// <summary>When set, every received request is answered with (cmd XOR 1, same msgId, the returned data); null = no answer.</summary>
    public Func<JsonObject, JsonObject?>? AutoReply { get; set; }

    /// <summary>Frames received on the down topic, oldest first.</summary>
    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>The message of the last connect exception, if any.</summary>
    public string? LastConnectError { get; private set; }

    /// <summary>Connects; returns the broker's result code instead of throwing when refused.</summary>
    public async Task<MqttClientConnectResultCode> ConnectAsync(string host, int port, string? password = null, string? clientId = null, bool subscribe = true)
    {
        var factory = new MqttClientFactory();
        IMqttClient client = factory.CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var will = new JsonObject
        {
            ["cmd"] = 2014, ["ver"] = "1.0", ["dir"] = "03", ["msgId"] = 0,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["data"] = new JsonObject { ["devId"] = DevId, ["reason"] = "offline" },
        };
        MqttClientOptions options = factory.CreateClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(clientId ?? DevId)
            .WithCredentials(DevId, password ?? DevSecret)
            .WithCleanSession(false)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithWillTopic(UpTopic)
            .WithWillPayload(will.ToJsonString())
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        MqttClientConnectResult result;
        try
        {
            result = await client.ConnectAsync(options);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            // MQTTnet 5 reports refusals through the result; an exception here carries no code.
            client.Dispose();
            LastConnectError = e.Message;
            return MqttClientConnectResultCode.UnspecifiedError;
        }
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            return result.ResultCode;
        }
        _client = client;
        if (subscribe)
        {
            await client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder().WithTopicFilter(DownTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }
        return result.ResultCode;
    }

    /// <summary>Connects and throws when refused.</summary>
    public async Task ConnectOrThrowAsync(string host, int port)
    {
        MqttClientConnectResultCode code = await ConnectAsync(host, port);
        if (code != MqttClientConnectResultCode.Success) throw new InvalidOperationException($"device {DevId} refused by the broker: {code}");
    }

    /// <summary>Publishes a frame (dir "03") and returns its msgId.</summary>
    public async Task<long> PublishAsync(int cmd, JsonNode data, long? msgId = null, JsonNode? timestamp = null)
    {
        long id = msgId ?? Interlocked.Increment(ref _msgId);
        var frame = new JsonObject
        {
            ["cmd"] = cmd, ["ver"] = "1.0", ["dir"] = "03", ["msgId"] = id,
            ["timestamp"] = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["data"] = data,
        };
        await PublishRawAsync(frame.ToJsonString());
        return id;
    }

    /// <summary>Publishes any text on the up topic.</summary>
    public async Task PublishRawAsync(string payload)
    {
        IMqttClient c = _client ?? throw new InvalidOperationException("not connected");
        await c.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(UpTopic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
    }

    /// <summary>Sends 2004 and waits for the platform's 2005; returns the 2005 frame.</summary>
    public async Task<JsonObject> SendConnectAsync(TimeSpan? timeout = null)
    {
        var data = new JsonObject
        {
            ["software"] = "1.2.3.4",
            ["hardware"] = "1.0",
            ["productVer"] = 3,
            ["devVer"] = new JsonArray(new JsonObject { ["software"] = "1.2.3.4", ["hardware"] = "1.0", ["devNum"] = 0 }),
            ["ip"] = "192.0.2.10",
            ["rssi"] = -55,
        };
        long id = await PublishAsync(2004, data);
        return await WaitForAsync(2005, id, timeout);
    }

    /// <summary>Waits for a frame from the platform with this cmd (and msgId).</summary>
    /// <exception cref="TimeoutException">None arrived.</exception>
    public async Task<JsonObject> WaitForAsync(int cmd, long? msgId = null, TimeSpan? timeout = null)
    {
        JsonObject? hit = null;
        await Poll.UntilAsync(() =>
            {
                lock (_gate)
                {
                    hit = _received.FirstOrDefault(f => (int?)f["cmd"] == cmd && (msgId is null || (long?)f["msgId"] == msgId));
                }
                return hit is not null;
            },
            timeout ?? TimeSpan.FromSeconds(5),
            () => $"device {DevId} got no {cmd}{(msgId is null ? "" : $" #{msgId}")}; received: {string.Join(" ", Received.Select(f => f["cmd"] + "#" + f["msgId"]))}");
        return hit!;
    }

    /// <summary>Waits a moment and asserts nothing with this cmd arrived.</summary>
    public async Task<bool> NothingArrivesAsync(int cmd, TimeSpan wait)
    {
        await Task.Delay(wait);
        lock (_gate)
        {
            return !_received.Any(f => (int?)f["cmd"] == cmd);
        }
    }

    /// <summary>Drops the connection without DISCONNECT, like a device losing power (the broker publishes the will).</summary>
    public void Kill()
    {
        IMqttClient? c = _client;
        _client = null;
        c?.Dispose();
    }

    /// <summary>Disconnects cleanly (no will).</summary>
    public async Task DisconnectAsync()
    {
        IMqttClient? c = _client;
        _client = null;
        if (c is null) return;
        if (c.IsConnected) await c.DisconnectAsync(new MqttClientDisconnectOptions());
        c.Dispose();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        string text = Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray());
        JsonObject? frame;
        try
        {
            frame = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            frame = null;
        }
        if (frame is null)
        {
            frame = new JsonObject { ["raw"] = text };
        }
        lock (_gate)
        {
            _received.Add(frame);
        }
        if (AutoReply is { } reply && frame["cmd"] is JsonNode cmdNode && (int)cmdNode % 2 == 1 && (int)cmdNode is not (2005 or 2007))
        {
            JsonObject? data = reply(frame);
            if (data is not null)
            {
                // Publish from another task: awaiting a QoS1 publish inside the receive handler is avoided on purpose.
                _ = Task.Run(() => PublishAsync((int)cmdNode ^ 1, data, (long)frame["msgId"]!));
            }
        }
        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisconnectAsync();
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker may already be gone in broker-restart tests.
        }
    }
}

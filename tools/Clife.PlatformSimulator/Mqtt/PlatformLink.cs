using System;
using System.Buffers;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Clife.Simulator.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Clife.Simulator.Mqtt;

/// <summary>
/// The platform's own MQTT client: subscribes to every device's up topic, publishes down frames with QoS 1,
/// reconnects by itself when the broker goes away, and hands received messages, in order, to one handler.
/// </summary>
internal sealed class PlatformLink : IAsyncDisposable
{
    // How often the supervisor checks the connection. Short, because device frames published between a broker's
    // restart and the platform's new subscription are lost (a device's 2004 then waits out its 15 s timeout).
    private static readonly TimeSpan SuperviseInterval = TimeSpan.FromMilliseconds(50);

    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly string _filter;
    private readonly Func<string, byte[], Task> _onMessage;
    private readonly SimulatorLog _log;
    private readonly Channel<(string Topic, byte[] Payload)> _inbox = Channel.CreateUnbounded<(string, byte[])>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private Task? _supervisor;
    private Task? _dispatcher;
    private bool _wasConnected;

    public PlatformLink(string host, int port, string clientId, string? username, string? password, string filter,
        Func<string, byte[], Task> onMessage, SimulatorLog log)
    {
        _filter = filter;
        _onMessage = onMessage;
        _log = log;
        Endpoint = $"mqtt://{host}:{port}";
        var factory = new MqttClientFactory();
        _client = factory.CreateMqttClient();
        MqttClientOptionsBuilder b = factory.CreateClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithCleanSession(false)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (username is not null) b = b.WithCredentials(username, password ?? string.Empty);
        _options = b.Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _inbox.Writer.TryWrite((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
    }

    /// <summary>Where the link connects to.</summary>
    public string Endpoint { get; }

    /// <summary>Whether the client is connected right now.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects (retrying until the timeout) and starts the reconnect supervisor and the dispatcher.</summary>
    /// <exception cref="TimeoutException">The broker did not accept the platform's client in time.</exception>
    public async Task StartAsync(TimeSpan timeout)
    {
        _dispatcher = Task.Run(DispatchAsync);
        DateTime deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await ConnectOnceAsync().ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                last = e;
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
        if (!_client.IsConnected)
            throw new TimeoutException($"platform MQTT client could not connect to {Endpoint}: {last?.Message}", last);
        _supervisor = Task.Run(SuperviseAsync);
    }

    /// <summary>Publishes with QoS 1, waiting up to 5 s for a reconnect when the link is down.</summary>
    /// <exception cref="InvalidOperationException">The broker stayed unreachable.</exception>
    public async Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!_client.IsConnected)
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"platform MQTT client is not connected to {Endpoint}");
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        MqttClientPublishResult result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess) throw new InvalidOperationException($"publish to {topic} failed: {result.ReasonCode} {result.ReasonString}");
    }

    private async Task ConnectOnceAsync()
    {
        await _connectLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            if (_client.IsConnected) return;
            MqttClientConnectResult r = await _client.ConnectAsync(_options, _stop.Token).ConfigureAwait(false);
            if (r.ResultCode != MqttClientConnectResultCode.Success)
                throw new InvalidOperationException($"broker refused the platform client: {r.ResultCode}");
            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(_filter, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            await _client.SubscribeAsync(subscribe, _stop.Token).ConfigureAwait(false);
            _log.Info("mqtt", $"platform client {(_wasConnected ? "reconnected" : "connected")} to {Endpoint}, subscribed to {_filter}");
            _wasConnected = true;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task SuperviseAsync()
    {
        bool reportedDown = false;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SuperviseInterval, _stop.Token).ConfigureAwait(false);
                if (_client.IsConnected)
                {
                    reportedDown = false;
                    continue;
                }
                if (!reportedDown)
                {
                    _log.Warn("mqtt", $"platform client lost {Endpoint}; reconnecting");
                    reportedDown = true;
                }
                await ConnectOnceAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                // The broker is still away; try again on the next tick.
            }
        }
    }

    private async Task DispatchAsync()
    {
        await foreach ((string topic, byte[] payload) in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _onMessage(topic, payload).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // One bad message must not stop the platform; the handler is expected to log its own problems.
                _log.Warn("mqtt", $"handler failed for a message on {topic}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_supervisor is not null) await _supervisor.ConfigureAwait(false);
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException e)
            {
                _log.Warn("mqtt", $"platform client disconnect: {e.Message}");
            }
        }
        _inbox.Writer.TryComplete();
        if (_dispatcher is not null) await _dispatcher.ConfigureAwait(false);
        _client.Dispose();
        _stop.Dispose();
        _connectLock.Dispose();
    }
}

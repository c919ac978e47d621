using System;
using System.Buffers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.Hal;
using Clife.Device.Host.Platform;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Clife.Device.Host.Mqtt;

/// <summary>
/// The core's MQTT link on MQTTnet: MQTT 3.1.1 over TCP or TLS (trusting only the configured CA), with the last will.
/// A fresh client per connection; no automatic reconnect (the core decides). Every MQTTnet exception is caught and
/// explained in <see cref="LastError"/>. Only the current client reaches the listener: MQTTnet raises a client's
/// disconnected event asynchronously, possibly after the next connection has started, and that event is not about it.
/// </summary>
public sealed class MqttNetLink : IMqttLink, IDisposable
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);
    private readonly MqttClientFactory _factory = new();
    private readonly object _lock = new();
    private IMqttClient? _client;
    private IMqttListener? _listener;
    private string _tlsProblem = "";

    /// <inheritdoc/>
    public bool IsConnected => _client?.IsConnected == true;

    /// <inheritdoc/>
    public string LastError { get; private set; } = "";

    /// <inheritdoc/>
    public int Connect(MqttConnectOptions options, IMqttListener listener)
    {
        DropClient();
        _tlsProblem = "";
        var builder = _factory.CreateClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(options.ClientId)
            .WithCredentials(options.Username, options.Password)
            .WithCleanSession(options.CleanSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromMilliseconds(options.TimeoutMs));
        if (options.WillTopic.Length > 0)
        {
            builder = builder.WithWillTopic(options.WillTopic)
                .WithWillPayload(options.WillPayload)
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)options.WillQos)
                .WithWillRetain(options.WillRetain);
        }
        if (options.Tls)
        {
            string ca = options.CaPem;
            builder = builder.WithTlsOptions(o => o
                .UseTls()
                .WithTargetHost(options.Host)
                .WithCertificateValidationHandler(args =>
                {
                    bool ok = CaTrust.Validate(args.Certificate, args.Chain, args.SslPolicyErrors, ca, out string problem);
                    if (!ok) _tlsProblem = problem;
                    return ok;
                }));
        }

        IMqttClient client = _factory.CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            ListenerOf(client)?.OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected) ListenerOf(client)?.OnConnectionLost(DescribeLoss(e));
            return Task.CompletedTask;
        };
        lock (_lock)
        {
            _client = client;
            _listener = listener;
        }

        try
        {
            using var cts = new CancellationTokenSource(options.TimeoutMs);
            MqttClientConnectResult result = client.ConnectAsync(builder.Build(), cts.Token).GetAwaiter().GetResult();
            return Map(result.ResultCode, result.ReasonString);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            // MQTTnet 5 reports a refused CONNACK with its code only in the message.
            foreach (MqttClientConnectResultCode code in Enum.GetValues<MqttClientConnectResultCode>())
            {
                if (code != MqttClientConnectResultCode.Success && e.Message.Contains(code.ToString(), StringComparison.Ordinal))
                    return Map(code, e.Message);
            }
            LastError = Innermost(e).Message;
            return MqttConnectResult.TransportError;
        }
        catch (OperationCanceledException)
        {
            LastError = "no CONNACK within " + options.TimeoutMs + " ms";
            return MqttConnectResult.Timeout;
        }
        catch (Exception e) when (IsTls(e))
        {
            LastError = _tlsProblem.Length > 0 ? _tlsProblem : "TLS handshake failed: " + Innermost(e).Message;
            return MqttConnectResult.TlsError;
        }
        catch (Exception e)
        {
            LastError = Innermost(e).Message;
            return MqttConnectResult.TransportError;
        }
    }

    /// <inheritdoc/>
    public bool Subscribe(string topic, int qos)
    {
        IMqttClient? client = _client;
        if (client is null || !client.IsConnected) return Fail("not connected");
        try
        {
            using var cts = new CancellationTokenSource(OperationTimeout);
            var subscribe = _factory.CreateSubscribeOptionsBuilder()
                .WithTopicFilter(topic, (MqttQualityOfServiceLevel)qos)
                .Build();
            MqttClientSubscribeResult result = client.SubscribeAsync(subscribe, cts.Token).GetAwaiter().GetResult();
            foreach (MqttClientSubscribeResultItem item in result.Items)
            {
                if ((int)item.ResultCode > 2) return Fail("subscription to " + topic + " refused: " + item.ResultCode);
            }
            return true;
        }
        catch (Exception e)
        {
            return Fail("subscribe failed: " + Innermost(e).Message);
        }
    }

    /// <inheritdoc/>
    public bool Publish(string topic, byte[] payload, int offset, int count, int qos)
    {
        IMqttClient? client = _client;
        if (client is null || !client.IsConnected) return Fail("not connected");
        try
        {
            using var cts = new CancellationTokenSource(OperationTimeout);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(new ArraySegment<byte>(payload, offset, count))
                .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
                .Build();
            MqttClientPublishResult result = client.PublishAsync(message, cts.Token).GetAwaiter().GetResult();
            return result.IsSuccess || Fail("publish refused: " + result.ReasonCode);
        }
        catch (Exception e)
        {
            return Fail("publish failed: " + Innermost(e).Message);
        }
    }

    /// <inheritdoc/>
    public void Disconnect() => DropClient();

    /// <inheritdoc/>
    public void Dispose() => DropClient();

    /// <summary>Closes the socket without DISCONNECT, as a power loss or a crash would (the broker then publishes the will).</summary>
    public void Abort() => TakeClient()?.Dispose();

    private void DropClient()
    {
        IMqttClient? client = TakeClient();
        if (client is null) return;
        try
        {
            if (client.IsConnected)
            {
                using var cts = new CancellationTokenSource(OperationTimeout);
                client.DisconnectAsync(new MqttClientDisconnectOptions(), cts.Token).GetAwaiter().GetResult();
            }
        }
        catch (Exception e)
        {
            LastError = "disconnect: " + Innermost(e).Message;
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Detaches the current client (its events no longer reach the listener) and returns it, or null.</summary>
    private IMqttClient? TakeClient()
    {
        lock (_lock)
        {
            IMqttClient? client = _client;
            _client = null;
            return client;
        }
    }

    /// <summary>The listener of a client while it is the current one; null once the link dropped or replaced it.</summary>
    private IMqttListener? ListenerOf(IMqttClient client)
    {
        lock (_lock)
        {
            return ReferenceEquals(_client, client) ? _listener : null;
        }
    }

    /// <summary>
    /// Why a connection the link did not close ended. MQTT 3.1.1 has no DISCONNECT from the broker, so MQTTnet's
    /// "NormalDisconnection" without an exception means the broker (or something between) closed the socket.
    /// </summary>
    private static string DescribeLoss(MqttClientDisconnectedEventArgs e)
    {
        if (e.Exception is not null) return Innermost(e.Exception).Message;
        if (e.Reason == MqttClientDisconnectReason.NormalDisconnection) return "the broker closed the connection";
        return e.Reason + (string.IsNullOrEmpty(e.ReasonString) ? "" : ": " + e.ReasonString);
    }

    private int Map(MqttClientConnectResultCode code, string? reason)
    {
        LastError = code == MqttClientConnectResultCode.Success ? "" : code + (string.IsNullOrEmpty(reason) ? "" : ": " + reason);
        return code switch
        {
            MqttClientConnectResultCode.Success => MqttConnectResult.Accepted,
            MqttClientConnectResultCode.UnsupportedProtocolVersion => MqttConnectResult.UnacceptableProtocol,
            MqttClientConnectResultCode.ClientIdentifierNotValid => MqttConnectResult.IdentifierRejected,
            MqttClientConnectResultCode.ServerUnavailable => MqttConnectResult.ServerUnavailable,
            MqttClientConnectResultCode.BadUserNameOrPassword => MqttConnectResult.BadCredentials,
            MqttClientConnectResultCode.NotAuthorized => MqttConnectResult.NotAuthorized,
            _ => MqttConnectResult.ServerUnavailable,
        };
    }

    private bool Fail(string error)
    {
        LastError = error;
        return false;
    }

    private bool IsTls(Exception e)
    {
        if (_tlsProblem.Length > 0) return true;
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is AuthenticationException) return true;
        }
        return false;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}

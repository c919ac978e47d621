using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Clife.Simulator.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Clife.Simulator.Mqtt;

/// <summary>The in-process MQTT broker (MQTTnet.Server) that authenticates every client through a callback.</summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly SimulatorLog _log;

    /// <summary>Creates the broker; port 0 picks a free loopback port.</summary>
    public EmbeddedBroker(
        IPAddress bindAddress,
        int port,
        Func<string, string?, string?, MqttConnectReasonCode> validate,
        Action<string, MqttClientDisconnectType> onDisconnected,
        SimulatorLog log)
    {
        _log = log;
        Port = port != 0 ? port : FreePort.Find(bindAddress);
        var factory = new MqttServerFactory();
        MqttServerOptions options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(bindAddress)
            .WithDefaultEndpointPort(Port)
            .WithPersistentSessions(true)
            .Build();
        _server = factory.CreateMqttServer(options);
        _server.ValidatingConnectionAsync += e =>
        {
            MqttConnectReasonCode code = validate(e.ClientId, e.UserName, e.Password);
            e.ReasonCode = code;
            if (code != MqttConnectReasonCode.Success)
                _log.Info("mqtt", $"refused CONNECT clientId={e.ClientId} username={e.UserName}: {code}");
            return Task.CompletedTask;
        };
        _server.ClientConnectedAsync += e =>
        {
            _log.Info("mqtt", $"client connected: {e.ClientId} from {e.RemoteEndPoint}");
            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            _log.Info("mqtt", $"client disconnected: {e.ClientId} ({e.DisconnectType})");
            onDisconnected(e.ClientId, e.DisconnectType);
            return Task.CompletedTask;
        };
    }

    /// <summary>The TCP port the broker listens on.</summary>
    public int Port { get; }

    /// <summary>Starts listening.</summary>
    public Task StartAsync() => _server.StartAsync();

    /// <summary>Drops a client's connection (the broker then publishes its will).</summary>
    public Task DisconnectClientAsync(string clientId)
        => _server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.AdministrativeAction });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server.IsStarted) await _server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
        _server.Dispose();
    }
}

/// <summary>Finds a free TCP port on an address.</summary>
public static class FreePort
{
    /// <summary>A TCP port that was free a moment ago on the address (loopback by default).</summary>
    public static int Find(IPAddress? address = null)
    {
        var listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

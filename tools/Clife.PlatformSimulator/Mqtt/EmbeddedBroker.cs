using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Clife.Simulator.Mqtt;

/// <summary>
/// The in-process MQTT broker (MQTTnet.Server) that authenticates every client through a callback, on a plain
/// listener and optionally a TLS 1.2 one. It can be stopped and started again on the same ports; a restart begins with
/// no sessions, like a broker restarted without persistence.
/// </summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly IPAddress _bindAddress;
    private readonly X509Certificate2? _tlsCertificate;
    private readonly Func<string, string?, string?, MqttConnectReasonCode> _validate;
    private readonly Action<string, MqttClientDisconnectType> _onDisconnected;
    private readonly SimulatorLog _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _choosePorts;
    private MqttServer? _server;
    private bool _everStarted;

    /// <summary>Creates the broker, with a TLS listener when a certificate is given; port 0 picks a free port.</summary>
    public EmbeddedBroker(
        IPAddress bindAddress,
        int port,
        X509Certificate2? tlsCertificate,
        int tlsPort,
        Func<string, string?, string?, MqttConnectReasonCode> validate,
        Action<string, MqttClientDisconnectType> onDisconnected,
        SimulatorLog log)
    {
        _bindAddress = bindAddress;
        _validate = validate;
        _onDisconnected = onDisconnected;
        _log = log;
        _tlsCertificate = tlsCertificate;
        _choosePorts = port == 0 && (tlsCertificate is null || tlsPort == 0);
        Port = port != 0 ? port : FreePort.Find(bindAddress);
        if (tlsCertificate is not null) TlsPort = tlsPort != 0 ? tlsPort : FreePort.Find(bindAddress);
    }

    /// <summary>The TCP port the broker listens on (the same after a restart).</summary>
    public int Port { get; private set; }

    /// <summary>The port of the TLS listener, or null when there is none.</summary>
    public int? TlsPort { get; private set; }

    /// <summary>Whether the broker is listening.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    /// <summary>Starts listening, with no sessions; does nothing when already running.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_server is not null) return;
            for (int attempt = 1; ; attempt++)
            {
                MqttServer server = CreateServer();
                try
                {
                    await server.StartAsync().ConfigureAwait(false);
                    _server = server;
                    _everStarted = true;
                    return;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && _choosePorts && !_everStarted && attempt < 5)
                {
                    // A port found free a moment ago was taken meanwhile: choose again (only before the first start,
                    // since a restart must keep the ports devices were told).
                    server.Dispose();
                    _log.Warn("mqtt", $"port {Port}{(TlsPort is int t ? $" or {t}" : "")} was taken meanwhile; choosing another");
                    Port = FreePort.Find(_bindAddress);
                    if (TlsPort is not null) TlsPort = FreePort.Find(_bindAddress);
                }
                catch
                {
                    server.Dispose();
                    throw;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops listening and drops every connection (without DISCONNECT for MQTT 3.1.1 clients); sessions are lost.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            MqttServer? server = _server;
            _server = null;
            if (server is null) return;
            if (server.IsStarted) await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
            server.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops a client's connection (the broker then publishes its will).</summary>
    /// <exception cref="InvalidOperationException">The broker is stopped.</exception>
    public Task DisconnectClientAsync(string clientId)
        => (_server ?? throw new InvalidOperationException("the embedded broker is stopped"))
            .DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.AdministrativeAction });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <summary>The address as MQTTnet's IPv4 and IPv6 bindings, the other family switched off (IPAddress.None).</summary>
    private static (IPAddress V4, IPAddress V6) Split(IPAddress address)
        => address.AddressFamily == AddressFamily.InterNetworkV6 ? (IPAddress.None, address) : (address, IPAddress.None);

    private MqttServer CreateServer()
    {
        var factory = new MqttServerFactory();
        // MQTTnet listens on IPv6 "any" as well unless told otherwise: bind exactly the one address asked for.
        // No ReuseAddress: on Linux .NET turns it into SO_REUSEPORT, which lets a second listener silently share the
        // port. A restart still binds at once, because MQTTnet closes connections with linger 0 (no TIME_WAIT).
        (IPAddress v4, IPAddress v6) = Split(_bindAddress);
        MqttServerOptionsBuilder builder = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(v4)
            .WithDefaultEndpointBoundIPV6Address(v6)
            .WithDefaultEndpointPort(Port)
            .WithPersistentSessions(true);
        if (_tlsCertificate is not null && TlsPort is int tlsPort)
        {
            builder = builder
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(v4)
                .WithEncryptedEndpointBoundIPV6Address(v6)
                .WithEncryptedEndpointPort(tlsPort)
                .WithEncryptionCertificate(_tlsCertificate)
                .WithEncryptionSslProtocol(SslProtocols.Tls12);
        }
        MqttServerOptions options = builder.Build();
        MqttServer server = factory.CreateMqttServer(options);
        server.ValidatingConnectionAsync += e =>
        {
            MqttConnectReasonCode code = _validate(e.ClientId, e.UserName, e.Password);
            e.ReasonCode = code;
            if (code != MqttConnectReasonCode.Success)
                _log.Info("mqtt", $"refused CONNECT clientId={e.ClientId} username={e.UserName}: {code}");
            return Task.CompletedTask;
        };
        server.ClientConnectedAsync += e =>
        {
            _log.Info("mqtt", $"client connected: {e.ClientId} from {e.RemoteEndPoint}");
            return Task.CompletedTask;
        };
        server.ClientDisconnectedAsync += e =>
        {
            _log.Info("mqtt", $"client disconnected: {e.ClientId} ({e.DisconnectType})");
            _onDisconnected(e.ClientId, e.DisconnectType);
            return Task.CompletedTask;
        };
        return server;
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

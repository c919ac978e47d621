using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Admin;
using Clife.Simulator.Devices;
using Clife.Simulator.Files;
using Clife.Simulator.Logging;
using Clife.Simulator.Mqtt;
using Clife.Simulator.Products;
using Clife.Simulator.Protocol;
using Clife.Simulator.Registration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Clife.Simulator;

/// <summary>
/// The clife platform, simulated in-process: the register endpoint, an MQTT broker (embedded or external) with the
/// platform's own client, a file server for OTA images and uploads, device bookkeeping, operator actions and the
/// admin API. Start it, point a device at <see cref="BaseUrl"/>, and drive or observe the device from C#.
/// </summary>
public sealed partial class PlatformSimulator : IAsyncDisposable
{
    private const string PlatformUser = "clife-platform";

    private readonly SimulatorOptions _options;
    private readonly string _platformClientId = "clife-platform-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly string _platformPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly CountedFault<RegistrationFault> _registrationFault = new(RegistrationFault.None);
    private readonly CountedFault<ConnectFault> _connectFault = new(ConnectFault.None);
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private EmbeddedBroker? _broker;
    private PlatformLink? _link;
    private WebApplication? _web;
    private long _nextMsgId;
    private bool _started;
    private bool _stopped;

    /// <summary>Creates a simulator; nothing listens until <see cref="StartAsync"/>.</summary>
    public PlatformSimulator(SimulatorOptions? options = null)
    {
        _options = options ?? new SimulatorOptions();
        Log = new SimulatorLog(_options.Log);
        Time = _options.TimeProvider;
        Products = new ProductCatalog();
        foreach (Product p in _options.Products) Products.Add(p);
        Registry = new DeviceRegistry(Time, _options.MaxFramesPerDevice);
        Files = new FileStore(Time);
        UpTopic = new TopicTemplate(_options.UpTopicTemplate);
        DownTopic = new TopicTemplate(_options.DownTopicTemplate);
        AckReports = _options.AckReports;
        _nextMsgId = (_options.FirstMsgId ?? (Time.GetUtcNow().ToUnixTimeSeconds() % 1_000_000 * 1000 + 1)) - 1;
    }

    /// <summary>Creates and starts a simulator.</summary>
    public static async Task<PlatformSimulator> StartNewAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sim = new PlatformSimulator(options);
        try
        {
            await sim.StartAsync(cancellationToken).ConfigureAwait(false);
            return sim;
        }
        catch
        {
            await sim.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The simulator's log.</summary>
    public SimulatorLog Log { get; }
    /// <summary>The platform's clock.</summary>
    public TimeProvider Time { get; }
    /// <summary>Known products.</summary>
    public ProductCatalog Products { get; }
    /// <summary>Device bookkeeping (devices, frames, events, waits).</summary>
    public DeviceRegistry Registry { get; }
    /// <summary>The file server's images and uploads.</summary>
    public FileStore Files { get; }
    /// <summary>The device→platform topic template.</summary>
    public TopicTemplate UpTopic { get; }
    /// <summary>The platform→device topic template.</summary>
    public TopicTemplate DownTopic { get; }
    /// <summary>Whether 2006 reports are acknowledged with 2007.</summary>
    public bool AckReports { get; set; }

    /// <summary>http://host:port of the HTTP server (register endpoint, files, admin API).</summary>
    public string BaseUrl { get; private set; } = string.Empty;
    /// <summary>https://host:port when an HTTPS certificate was given; otherwise null.</summary>
    public string? HttpsBaseUrl { get; private set; }
    /// <summary>The HTTP port.</summary>
    public int HttpPort { get; private set; }
    /// <summary>The HTTPS port, or null.</summary>
    public int? HttpsPort { get; private set; }
    /// <summary>The register URL devices POST to.</summary>
    public string RegisterUrl => BaseUrl + RegistrationEndpoint.Path;
    /// <summary>Whether the embedded broker is used (it authenticates devices).</summary>
    public bool UsesEmbeddedBroker => _options.ExternalBroker is null;
    /// <summary>The broker host devices are told (mqttHost).</summary>
    public string MqttHost { get; private set; } = string.Empty;
    /// <summary>The broker port devices are told (mqttPort).</summary>
    public int MqttPort { get; private set; }
    /// <summary>Whether devices are told to use TLS (mqttTls).</summary>
    public bool MqttTls { get; private set; }
    /// <summary>The port of the embedded broker's TLS listener, or null when it has none.</summary>
    public int? MqttTlsPort => _broker?.TlsPort;
    /// <summary>Where the platform's own MQTT client connects.</summary>
    public string BrokerEndpoint => _link?.Endpoint ?? string.Empty;
    /// <summary>Whether the platform's MQTT client is connected right now.</summary>
    public bool PlatformClientConnected => _link?.IsConnected ?? false;

    /// <summary>The URL of a hosted file (HTTPS when asked and available).</summary>
    public string FileUrl(string name, bool https = false) => (https ? HttpsBaseUrl ?? throw new InvalidOperationException("no HTTPS endpoint") : BaseUrl) + "/files/" + Uri.EscapeDataString(name);

    /// <summary>
    /// The URL of a hosted file under the path of the seed document's DOWN example (/device/ota/{name}), on the given
    /// host (default: this simulator's address); a device whose host name resolves here downloads the file from it.
    /// </summary>
    public string SeedOtaUrl(string name, string? host = null) => (host is null ? BaseUrl : "http://" + host) + FileEndpoints.SeedOtaPath + "/" + Uri.EscapeDataString(name);

    /// <summary>The URL a device uploads a file to.</summary>
    public string UploadUrl(string name, bool https = false) => (https ? HttpsBaseUrl ?? throw new InvalidOperationException("no HTTPS endpoint") : BaseUrl) + "/upload/" + Uri.EscapeDataString(name);

    /// <summary>Starts the broker (or connects to the external one), the platform client and the HTTP(S) server.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_started) throw new InvalidOperationException("the simulator was already started");
            _started = true;
            string host;
            int port;
            string? user;
            string? password;
            if (_options.ExternalBroker is { } ext)
            {
                if (_options.MqttTlsCertificate is not null)
                    throw new InvalidOperationException("MqttTlsCertificate is for the embedded broker; send devices to an external broker's TLS listener with AdvertisedMqttPort and AdvertisedMqttTls");
                (host, port, user, password) = (ext.Host, ext.Port, ext.Username, ext.Password);
                Log.Info("mqtt", $"using external broker {ext} (devices are not authenticated by the simulator)");
            }
            else
            {
                _broker = new EmbeddedBroker(_options.BindAddress, _options.MqttPort, _options.MqttTlsCertificate, _options.MqttTlsPort,
                    ValidateMqttClient, OnBrokerClientDisconnected, Log);
                await _broker.StartAsync().ConfigureAwait(false);
                host = IPAddress.Any.Equals(_options.BindAddress) ? IPAddress.Loopback.ToString() : _options.BindAddress.ToString();
                port = _broker.Port;
                (user, password) = (PlatformUser, _platformPassword);
                Log.Info("mqtt", $"embedded broker listening on {_options.BindAddress}:{port}{(_broker.TlsPort is int tls ? $" and TLS {tls}" : "")}");
            }
            MqttHost = _options.AdvertisedMqttHost ?? host;
            MqttPort = _options.AdvertisedMqttPort ?? _broker?.TlsPort ?? port;
            MqttTls = _options.AdvertisedMqttTls || _broker?.TlsPort is not null;

            _link = new PlatformLink(host, port, _platformClientId, user, password, UpTopic.WildcardFilter, OnUpMessageAsync, Log);
            await _link.StartAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);

            await StartWebAsync(cancellationToken).ConfigureAwait(false);
            Log.Info("http", $"listening on {BaseUrl}{(HttpsBaseUrl is null ? "" : " and " + HttpsBaseUrl)} (register {RegistrationEndpoint.Path}, files /files and {FileEndpoints.SeedOtaPath}, uploads /upload and {FileEndpoints.SeedStoragePath}, admin /admin)");
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task StartWebAsync(CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(PlatformSimulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(_options.BindAddress, _options.HttpPort);
            if (_options.HttpsCertificate is { } cert)
                k.Listen(_options.BindAddress, _options.HttpsPort, l => l.UseHttps(cert));
            k.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        builder.Services.AddRouting();
        WebApplication app = builder.Build();
        app.UseRouting();

        var registration = new RegistrationEndpoint(Products, Registry, _registrationFault, () => (MqttHost, MqttPort, MqttTls), Log, Time);
        app.MapPost(RegistrationEndpoint.Path, registration.HandleAsync);
        FileEndpoints.Map(app, Files, Log, Time);
        AdminEndpoints.Map(app, this);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _web = app;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel did not report its addresses");
        foreach (string a in addresses)
        {
            var uri = new Uri(a);
            string urlHost = IPAddress.Any.Equals(_options.BindAddress) ? "127.0.0.1" : uri.Host;
            if (uri.Scheme == "https")
            {
                HttpsPort = uri.Port;
                HttpsBaseUrl = $"https://{urlHost}:{uri.Port}";
            }
            else
            {
                HttpPort = uri.Port;
                BaseUrl = $"http://{urlHost}:{uri.Port}";
            }
        }
    }

    /// <summary>Stops everything; safe to call more than once.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopped) return;
            _stopped = true;
            if (_web is not null)
            {
                using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
                {
                    await _web.StopAsync(grace.Token).ConfigureAwait(false);
                }
                await _web.DisposeAsync().ConfigureAwait(false);
            }
            if (_link is not null) await _link.DisposeAsync().ConfigureAwait(false);
            if (_broker is not null) await _broker.DisposeAsync().ConfigureAwait(false);
            if (_started) Log.Info("sim", "stopped");
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _lifecycle.Dispose();
    }

    // ---- products and faults ------------------------------------------------------------------------------------

    /// <summary>Adds (or replaces) a product.</summary>
    public void AddProduct(Product product) => Products.Add(product);

    /// <summary>Adds (or replaces) a product from its code and devKey (ECB, every authLevel, optional provisioned devIds).</summary>
    public Product AddProduct(string productCode, string devKey, params string[] provisionedDevIds)
    {
        var p = new Product { ProductCode = productCode, DevKey = devKey, DevIds = provisionedDevIds };
        Products.Add(p);
        return p;
    }

    /// <summary>Makes the register endpoint misbehave (for fault.Times requests, or until changed).</summary>
    public void SetRegistrationFault(RegistrationFault fault) => _registrationFault.Set(fault, fault.Times);

    /// <summary>The registration fault currently set.</summary>
    public RegistrationFault RegistrationFault => _registrationFault.Current;

    /// <summary>Makes 2004 connect requests be refused or ignored (for fault.Times requests, or until changed).</summary>
    public void SetConnectFault(ConnectFault fault) => _connectFault.Set(fault, fault.Times);

    /// <summary>The connect fault currently set.</summary>
    public ConnectFault ConnectFault => _connectFault.Current;

    /// <summary>Hosts a file on the file server (see <see cref="FileUrl"/>).</summary>
    public HostedFileInfo AddFile(string name, byte[] content, FileMisbehavior? misbehavior = null)
    {
        HostedFileInfo info = Files.Add(name, content, misbehavior);
        Log.Info("files", $"hosting {name}: {info.Size} bytes, md5 {info.Md5}, checkSum {info.CheckSum}{(info.Misbehavior.IsActive ? " (misbehaving)" : "")}");
        return info;
    }

    // ---- MQTT authentication ---------------------------------------------------------------------------------

    private MqttConnectReasonCode ValidateMqttClient(string clientId, string? username, string? password)
    {
        if (username == PlatformUser)
            return password == _platformPassword && clientId == _platformClientId ? MqttConnectReasonCode.Success : MqttConnectReasonCode.BadUserNameOrPassword;
        if (!Registry.CheckCredentials(username, password)) return MqttConnectReasonCode.BadUserNameOrPassword;
        if (clientId != username) return MqttConnectReasonCode.ClientIdentifierNotValid;
        return MqttConnectReasonCode.Success;
    }

    private void OnBrokerClientDisconnected(string clientId, MqttClientDisconnectType type)
    {
        if (clientId == _platformClientId || type == MqttClientDisconnectType.Takeover) return;
        Registry.SetOffline(clientId, type == MqttClientDisconnectType.Clean ? "disconnected" : "connection lost");
    }

    /// <summary>Drops a device's connection on the embedded broker (its will is then published).</summary>
    /// <exception cref="InvalidOperationException">An external broker is used.</exception>
    public Task DisconnectDeviceAsync(string devId)
        => _broker?.DisconnectClientAsync(devId) ?? throw new InvalidOperationException("only the embedded broker can drop a device's connection");

    /// <summary>
    /// Stops the embedded broker as a crash would: every connection drops (no DISCONNECT to MQTT 3.1.1 clients) and
    /// nothing listens on <see cref="MqttPort"/> until <see cref="StartBrokerAsync"/>. The platform's client keeps
    /// trying to reconnect meanwhile.
    /// </summary>
    /// <exception cref="InvalidOperationException">An external broker is used, or the simulator is not running.</exception>
    public async Task StopBrokerAsync()
    {
        EmbeddedBroker broker = RunningEmbeddedBroker();
        await broker.StopAsync().ConfigureAwait(false);
        Log.Warn("mqtt", $"embedded broker stopped (port {broker.Port} closed)");
    }

    /// <summary>
    /// Starts the embedded broker again on the same port after <see cref="StopBrokerAsync"/>. It starts with no
    /// sessions, like a broker restarted without persistence: clients must subscribe again.
    /// </summary>
    /// <exception cref="InvalidOperationException">An external broker is used, or the simulator is not running.</exception>
    public async Task StartBrokerAsync()
    {
        EmbeddedBroker broker = RunningEmbeddedBroker();
        await broker.StartAsync().ConfigureAwait(false);
        Log.Info("mqtt", $"embedded broker listening again on {_options.BindAddress}:{broker.Port}{(broker.TlsPort is int tls ? $" and TLS {tls}" : "")} (no sessions)");
    }

    /// <summary>Whether the embedded broker is listening (false with an external broker).</summary>
    public bool BrokerRunning => _broker?.IsRunning == true;

    private EmbeddedBroker RunningEmbeddedBroker()
    {
        if (_broker is null) throw new InvalidOperationException("only the embedded broker can be stopped and started by the simulator");
        if (!IsStartedCheck()) throw new InvalidOperationException("the simulator is not running");
        return _broker;
    }

    private long NextMsgId() => Interlocked.Increment(ref _nextMsgId);

    private bool IsStartedCheck() => _started && !_stopped;

    internal string DescribeEndpoints() => string.Join(", ", new[] { BaseUrl, HttpsBaseUrl, $"{(MqttTls ? "mqtts" : "mqtt")}://{MqttHost}:{MqttPort}" }.Where(s => !string.IsNullOrEmpty(s)));
}

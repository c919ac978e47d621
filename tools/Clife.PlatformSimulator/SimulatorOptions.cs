using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Clife.Simulator.Mqtt;
using Clife.Simulator.Products;
using Clife.Simulator.Protocol;

namespace Clife.Simulator;

/// <summary>How a <see cref="PlatformSimulator"/> is set up. Every port 0 means "a free port".</summary>
public sealed class SimulatorOptions
{
    /// <summary>Address the HTTP(S) server and the embedded broker listen on (loopback by default).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;
    /// <summary>HTTP port (register endpoint, file server, admin API).</summary>
    public int HttpPort { get; init; }
    /// <summary>Certificate for an HTTPS endpoint serving the same routes; none when null.</summary>
    public X509Certificate2? HttpsCertificate { get; init; }
    /// <summary>HTTPS port (used with <see cref="HttpsCertificate"/>).</summary>
    public int HttpsPort { get; init; }
    /// <summary>Port of the embedded MQTT broker.</summary>
    public int MqttPort { get; init; }
    /// <summary>
    /// Certificate of a TLS listener of the embedded broker (TLS 1.2); registration then sends devices to it
    /// (mqttTls true, <see cref="MqttTlsPort"/>) while the platform's own client stays on the plain one. None when null.
    /// </summary>
    public X509Certificate2? MqttTlsCertificate { get; init; }
    /// <summary>Port of the embedded broker's TLS listener (used with <see cref="MqttTlsCertificate"/>).</summary>
    public int MqttTlsPort { get; init; }
    /// <summary>Use this external broker instead of the embedded one (no device authentication then).</summary>
    public BrokerSettings? ExternalBroker { get; init; }
    /// <summary>mqttHost told to devices at registration; default: the broker's host (127.0.0.1 for the embedded one).</summary>
    public string? AdvertisedMqttHost { get; init; }
    /// <summary>mqttPort told to devices; default: the broker's port (its TLS port when it has one).</summary>
    public int? AdvertisedMqttPort { get; init; }
    /// <summary>mqttTls told to devices (always true when the embedded broker has a TLS listener).</summary>
    public bool AdvertisedMqttTls { get; init; }
    /// <summary>Device→platform topic template.</summary>
    public string UpTopicTemplate { get; init; } = TopicTemplate.DefaultUp;
    /// <summary>Platform→device topic template.</summary>
    public string DownTopicTemplate { get; init; } = TopicTemplate.DefaultDown;
    /// <summary>Products known from the start.</summary>
    public IReadOnlyList<Product> Products { get; init; } = [];
    /// <summary>Whether 2006 reports are acknowledged with 2007 (default on).</summary>
    public bool AckReports { get; init; } = true;
    /// <summary>Frames kept per device (oldest dropped first).</summary>
    public int MaxFramesPerDevice { get; init; } = 1000;
    /// <summary>Clock of the platform (its timestamps).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    /// <summary>Where log lines go; null = nowhere. Default: the console.</summary>
    public Action<string>? Log { get; init; } = Console.WriteLine;
    /// <summary>The first msgId of platform requests; default derived from the clock so restarts do not reuse ids.</summary>
    public long? FirstMsgId { get; init; }
    /// <summary>Timeout of the awaitable helpers when none is given.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

using System;

namespace Clife.Simulator.Mqtt;

/// <summary>An external MQTT broker the platform talks through (e.g. mosquitto), instead of the embedded one.</summary>
public sealed record BrokerSettings
{
    /// <summary>Host name or address of the broker.</summary>
    public required string Host { get; init; }
    /// <summary>TCP port.</summary>
    public int Port { get; init; } = 1883;
    /// <summary>Username of the platform's client, if the broker needs one.</summary>
    public string? Username { get; init; }
    /// <summary>Password of the platform's client.</summary>
    public string? Password { get; init; }

    /// <summary>Parses mqtt://[user:password@]host[:port].</summary>
    /// <exception cref="FormatException">Not an mqtt:// URL.</exception>
    public static BrokerSettings Parse(string url, string? username = null, string? password = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "mqtt" && uri.Scheme != "tcp"))
            throw new FormatException($"broker URL '{url}' is not of the form mqtt://host:port");
        string? user = username;
        string? pass = password;
        if (user is null && !string.IsNullOrEmpty(uri.UserInfo))
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            pass ??= parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }
        return new BrokerSettings { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 1883 : uri.Port, Username = user, Password = pass };
    }

    /// <summary>mqtt://host:port (no credentials).</summary>
    public override string ToString() => $"mqtt://{Host}:{Port}";
}

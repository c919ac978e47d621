using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Mqtt;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>
/// A real mosquitto broker for tests: started from /usr/sbin/mosquitto (or mosquitto on PATH) with a generated
/// config on 127.0.0.1 and a free port, ready once it accepts TCP connections; it can be stopped (killed) and
/// restarted on the same port. Optionally it has a second, TLS listener (TLS 1.2) with a given server certificate.
/// When mosquitto is not installed, starting throws, so the test fails and says so.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);
    private readonly string _executable;
    private readonly string _directory;
    private readonly string _configPath;
    private readonly StringBuilder _output = new();
    private readonly Action<string>? _log;
    private Process? _process;

    private MosquittoBroker(string executable, int port, bool allowAnonymous, MosquittoTls? tls, Action<string>? log)
    {
        _executable = executable;
        _log = log;
        Port = port;
        _directory = Path.Combine(Path.GetTempPath(), "clife-mosquitto-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        _configPath = Path.Combine(_directory, "mosquitto.conf");
        var lines = new List<string>
        {
            $"listener {port} 127.0.0.1",
            $"allow_anonymous {(allowAnonymous ? "true" : "false")}",
            "persistence false",
            // stderr, because mosquitto buffers its stdout when it is a pipe: the log would arrive only at exit.
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            "log_type notice",
            "log_type information",
            "connection_messages true",
        };
        if (tls is not null)
        {
            TlsPort = tls.Port ?? FreePort.Find();
            lines.AddRange(
            [
                $"listener {TlsPort} 127.0.0.1",
                "cafile " + WriteFile("ca.pem", tls.CaPem),
                "certfile " + WriteFile("server.pem", tls.CertificatePem),
                "keyfile " + WriteFile("server.key", tls.PrivateKeyPem),
                "tls_version tlsv1.2",
            ]);
        }
        lines.Add("");
        File.WriteAllText(_configPath, string.Join('\n', lines));
    }

    /// <summary>The loopback port of the TLS listener, or null when there is none.</summary>
    public int? TlsPort { get; }

    /// <summary>Whether mosquitto accepted an MQTT CONNECT from this client id (its log says "... as clientId").</summary>
    public bool SawClient(string clientId) => Output.Contains(" as " + clientId + " (", StringComparison.Ordinal);

    /// <summary>The port of the listener through which a client's CONNECT came, or null when mosquitto saw none from it.</summary>
    public int? ListenerPortOf(string clientId)
    {
        string[] lines = Output.Split('\n');
        string connected = " as " + clientId + " (";
        foreach (string line in lines)
        {
            int at = line.IndexOf(connected, StringComparison.Ordinal);
            int from = line.IndexOf("New client connected from ", StringComparison.Ordinal);
            if (at < 0 || from < 0) continue;
            string address = line[(from + "New client connected from ".Length)..at];
            string accepted = "New connection from " + address + " on port ";
            foreach (string other in lines)
            {
                int i = other.IndexOf(accepted, StringComparison.Ordinal);
                if (i >= 0 && int.TryParse(other[(i + accepted.Length)..].TrimEnd().TrimEnd('.'), out int port)) return port;
            }
        }
        return null;
    }

    /// <summary>How many TCP connections mosquitto accepted on a port of its own (TLS handshakes that failed included).</summary>
    public int ConnectionsOnPort(int port)
    {
        string marker = " on port " + port + ".";
        int count = 0;
        foreach (string line in Output.Split('\n'))
        {
            if (line.Contains("New connection from ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(marker, StringComparison.Ordinal)) count++;
        }
        return count;
    }

    /// <summary>The loopback port it listens on (the same after a restart).</summary>
    public int Port { get; }

    /// <summary>Host to connect to.</summary>
    public string Host => "127.0.0.1";

    /// <summary>mqtt://127.0.0.1:port.</summary>
    public string Url => $"mqtt://{Host}:{Port}";

    /// <summary>Whether the broker process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What mosquitto printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Finds the mosquitto executable, or null.</summary>
    public static string? FindExecutable()
    {
        if (File.Exists("/usr/sbin/mosquitto")) return "/usr/sbin/mosquitto";
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "mosquitto");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// Starts mosquitto on a free loopback port (or the given one) and waits until it accepts connections (on the TLS
    /// listener too, when there is one). Every line mosquitto logs also goes to <paramref name="log"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">mosquitto is not installed, or did not come up.</exception>
    public static async Task<MosquittoBroker> StartAsync(int? port = null, bool allowAnonymous = true, MosquittoTls? tls = null, Action<string>? log = null)
    {
        string exe = FindExecutable() ?? throw new InvalidOperationException(
            "mosquitto is not installed: the MQTT integration tests need a real broker. Install it (Debian/Ubuntu: `apt-get install mosquitto`; .ci/run does this) and run the tests again.");
        var broker = new MosquittoBroker(exe, port ?? FreePort.Find(), allowAnonymous, tls, log);
        try
        {
            await broker.StartProcessAsync().ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Kills the broker (like a crash: no clean shutdown) and waits for the process to end.</summary>
    public async Task StopAsync()
    {
        Process? p = _process;
        _process = null;
        if (p is null) return;
        if (!p.HasExited)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync().ConfigureAwait(false);
        }
        p.Dispose();
    }

    /// <summary>Starts the broker again on the same port (after <see cref="StopAsync"/>, or stops it first).</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await StartProcessAsync().ConfigureAwait(false);
    }

    private async Task StartProcessAsync()
    {
        DateTime deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            var psi = new ProcessStartInfo(_executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(_configPath);
            var p = new Process { StartInfo = psi, EnableRaisingEvents = true };
            p.OutputDataReceived += (_, e) => Append(e.Data);
            p.ErrorDataReceived += (_, e) => Append(e.Data);
            p.Start();
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            _process = p;
            while (DateTime.UtcNow < deadline && !p.HasExited)
            {
                if (await AcceptsConnectionsAsync(IPAddress.Loopback, Port).ConfigureAwait(false)
                    && (TlsPort is not int tls || await AcceptsConnectionsAsync(IPAddress.Loopback, tls).ConfigureAwait(false))) return;
                await Task.Delay(50).ConfigureAwait(false);
            }
            // The port may still be held for a moment after a kill: retry until the deadline.
            if (DateTime.UtcNow >= deadline)
            {
                await StopAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"mosquitto did not accept connections on 127.0.0.1:{Port} within {ReadyTimeout.TotalSeconds} s. Output:\n{Output}");
            }
            p.Dispose();
            _process = null;
            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
        }
        _log?.Invoke(line);
    }

    /// <summary>Whether something accepts TCP connections on the address and port (within 500 ms).</summary>
    public static async Task<bool> AcceptsConnectionsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync(address, port, cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>A TLS listener for <see cref="MosquittoBroker"/>: the CA and the server certificate and key, as PEM.</summary>
/// <param name="CaPem">The CA mosquitto names in cafile (clients are not asked for certificates).</param>
/// <param name="CertificatePem">The server certificate.</param>
/// <param name="PrivateKeyPem">Its private key (PKCS#8).</param>
/// <param name="Port">The listener's port; null = a free one.</param>
public sealed record MosquittoTls(string CaPem, string CertificatePem, string PrivateKeyPem, int? Port = null);

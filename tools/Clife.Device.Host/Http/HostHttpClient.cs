using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.Hal;
using Clife.Device.Host.Platform;

namespace Clife.Device.Host.Http;

/// <summary>
/// The core's HTTP client on .NET's HttpClient. https URLs are verified against the configured CA only (a fresh
/// handler per CA), never against the machine's trust store, and an https request without a CA fails.
/// </summary>
/// <remarks>
/// Host overrides work like /etc/hosts entries with a port: a request to an overridden host name connects to the
/// given endpoint instead, while the URL, the Host header and the TLS server name stay as they were. That lets a
/// virtual device follow URLs such as the seed document's http://clife.open.cn/device/ota/esp8266.bin to a local
/// platform simulator without rewriting them.
/// </remarks>
public sealed class HostHttpClient : IHttpClient, IDisposable
{
    /// <summary>Largest response body read into memory.</summary>
    public const int MaxBody = 64 * 1024;

    private readonly Dictionary<string, DnsEndPoint> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HttpClient _plain;
    private readonly object _gate = new();
    private readonly HashSet<HostDownload> _downloads = new();
    private readonly HashSet<HostUpload> _uploads = new();

    /// <summary>
    /// Creates the client. <paramref name="hostOverrides"/> maps host names to "host:port" endpoints to connect to
    /// instead (e.g. "clife.open.cn" → "127.0.0.1:8088"); null or empty resolves every name normally.
    /// </summary>
    /// <exception cref="ArgumentException">An override's endpoint is not "host:port".</exception>
    public HostHttpClient(IReadOnlyDictionary<string, string>? hostOverrides = null)
    {
        if (hostOverrides is not null)
        {
            foreach ((string name, string endpoint) in hostOverrides) _hosts[name] = ParseEndpoint(name, endpoint);
        }
        _plain = new HttpClient(NewHandler()) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Downloads and uploads that are open right now.</summary>
    public int OpenTransfers
    {
        get
        {
            lock (_gate) return _downloads.Count + _uploads.Count;
        }
    }

    /// <summary>
    /// Closes every download and upload still open, as a reboot or a power cut drops a device's connections (the
    /// firmware that opened them is gone and will never close them).
    /// </summary>
    public void AbortTransfers()
    {
        HostDownload[] downloads;
        HostUpload[] uploads;
        lock (_gate)
        {
            downloads = [.. _downloads];
            uploads = [.. _uploads];
        }
        foreach (HostDownload d in downloads) d.Close();
        foreach (HostUpload u in uploads) u.Close();
    }

    /// <inheritdoc/>
    public HttpResult Post(string url, string contentType, byte[] body, int offset, int count, string caPem, int timeoutMs)
    {
        if (!TryClient(url, caPem, out HttpClient client, out TlsWatch tls, out string refusal)) return HttpResult.Failed(refusal);
        try
        {
            using var cts = new CancellationTokenSource(timeoutMs);
            using var content = new ByteArrayContent(body, offset, count);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            using HttpResponseMessage response = client.PostAsync(url, content, cts.Token).GetAwaiter().GetResult();
            using Stream stream = response.Content.ReadAsStream(cts.Token);
            byte[] buffer = new byte[MaxBody];
            int length = 0;
            int n;
            while (length < buffer.Length && (n = stream.Read(buffer, length, buffer.Length - length)) > 0) length += n;
            return HttpResult.Response((int)response.StatusCode, buffer, length);
        }
        catch (OperationCanceledException)
        {
            return HttpResult.Failed("no response within " + timeoutMs + " ms");
        }
        catch (Exception e) when (tls.Problem.Length > 0 || e.InnerException is AuthenticationException)
        {
            return HttpResult.Failed("TLS: " + (tls.Problem.Length > 0 ? tls.Problem : e.InnerException!.Message));
        }
        catch (HttpRequestException e)
        {
            return HttpResult.Failed(e.Message);
        }
        finally
        {
            if (client != _plain) client.Dispose();
        }
    }

    /// <inheritdoc/>
    public IHttpDownload OpenGet(string url, long rangeStart, string caPem, int timeoutMs)
    {
        if (!TryClient(url, caPem, out HttpClient client, out TlsWatch tls, out string refusal)) return HostDownload.Failed(refusal);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (rangeStart > 0) request.Headers.Range = new RangeHeaderValue(rangeStart, null);
        try
        {
            using var cts = new CancellationTokenSource(timeoutMs);
            HttpResponseMessage response = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).GetAwaiter().GetResult();
            Stream body = response.Content.ReadAsStream(cts.Token);
            return Track(new HostDownload(response, body, timeoutMs, client == _plain ? null : client, Untrack));
        }
        catch (OperationCanceledException)
        {
            if (client != _plain) client.Dispose();
            return HostDownload.Failed("no response within " + timeoutMs + " ms");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            if (client != _plain) client.Dispose();
            return HostDownload.Failed(tls.Problem.Length > 0 ? "TLS: " + tls.Problem : e.Message);
        }
    }

    /// <inheritdoc/>
    public IHttpUpload OpenPost(string url, string contentType, long length, string caPem, int timeoutMs)
    {
        if (!TryClient(url, caPem, out HttpClient client, out TlsWatch tls, out string refusal)) return HostUpload.Failed(refusal);
        return Track(new HostUpload(client, client == _plain ? null : client, url, contentType, length, timeoutMs, tls, Untrack));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        AbortTransfers();
        _plain.Dispose();
    }

    private HostDownload Track(HostDownload d)
    {
        lock (_gate) _downloads.Add(d);
        return d;
    }

    private HostUpload Track(HostUpload u)
    {
        lock (_gate) _uploads.Add(u);
        return u;
    }

    private void Untrack(HostDownload d)
    {
        lock (_gate) _downloads.Remove(d);
    }

    private void Untrack(HostUpload u)
    {
        lock (_gate) _uploads.Remove(u);
    }

    private SocketsHttpHandler NewHandler()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (_hosts.Count > 0) handler.ConnectCallback = ConnectAsync;
        return handler;
    }

    /// <summary>Opens the TCP connection of a request, to the overriding endpoint when its host name has one.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        DnsEndPoint target = _hosts.TryGetValue(context.DnsEndPoint.Host, out DnsEndPoint? overridden) ? overridden : context.DnsEndPoint;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static DnsEndPoint ParseEndpoint(string name, string endpoint)
    {
        int colon = endpoint.LastIndexOf(':');
        if (name.Length == 0 || colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), out int port) || port < 1 || port > 65535)
            throw new ArgumentException($"host override '{name}' → '{endpoint}': give a host name and an endpoint \"host:port\"", nameof(endpoint));
        return new DnsEndPoint(endpoint[..colon], port);
    }

    /// <summary>The client for a URL: the shared one for http, a CA-pinned one for https (the caller disposes it).</summary>
    private bool TryClient(string url, string caPem, out HttpClient client, out TlsWatch tls, out string refusal)
    {
        tls = new TlsWatch();
        client = _plain;
        refusal = "";
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return true;
        if (caPem.Length == 0)
        {
            refusal = "https needs a CA certificate and none is configured";
            return false;
        }
        TlsWatch watch = tls;
        SocketsHttpHandler handler = NewHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, chain, errors) =>
        {
            bool ok = CaTrust.Validate(cert, chain, errors, caPem, out string problem);
            if (!ok) watch.Problem = problem;
            return ok;
        };
        client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        return true;
    }
}

/// <summary>Why a TLS handshake was refused (filled by the certificate callback).</summary>
internal sealed class TlsWatch
{
    public string Problem = "";
}

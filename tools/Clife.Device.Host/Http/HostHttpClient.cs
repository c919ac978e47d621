using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Threading;
using Clife.Device.Hal;
using Clife.Device.Host.Platform;

namespace Clife.Device.Host.Http;

/// <summary>
/// The core's HTTP client on .NET's HttpClient. https URLs are verified against the configured CA only (a fresh
/// handler per CA), never against the machine's trust store, and an https request without a CA fails.
/// </summary>
public sealed class HostHttpClient : IHttpClient, IDisposable
{
    /// <summary>Largest response body read into memory.</summary>
    public const int MaxBody = 64 * 1024;

    private readonly HttpClient _plain = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    /// <inheritdoc/>
    public HttpResult Post(string url, string contentType, byte[] body, int offset, int count, string caPem, int timeoutMs)
    {
        if (!TryClient(url, caPem, out HttpClient client, out TlsWatch tls, out string refusal)) return HttpResult.Failed(refusal);
        string tlsProblem() => tls.Problem;
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
        catch (Exception e) when (tlsProblem().Length > 0 || e.InnerException is AuthenticationException)
        {
            return HttpResult.Failed("TLS: " + (tlsProblem().Length > 0 ? tlsProblem() : e.InnerException!.Message));
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
            return new HostDownload(response, body, timeoutMs, client == _plain ? null : client);
        }
        catch (OperationCanceledException)
        {
            return HostDownload.Failed("no response within " + timeoutMs + " ms");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return HostDownload.Failed(tls.Problem.Length > 0 ? "TLS: " + tls.Problem : e.Message);
        }
    }

    /// <inheritdoc/>
    public IHttpUpload OpenPost(string url, string contentType, long length, string caPem, int timeoutMs)
    {
        if (!TryClient(url, caPem, out HttpClient client, out TlsWatch tls, out string refusal)) return HostUpload.Failed(refusal);
        return new HostUpload(client, client == _plain ? null : client, url, contentType, length, timeoutMs, tls);
    }

    /// <inheritdoc/>
    public void Dispose() => _plain.Dispose();

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
        var handler = new SocketsHttpHandler();
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

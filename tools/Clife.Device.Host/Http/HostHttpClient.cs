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
        bool https = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (https && caPem.Length == 0) return HttpResult.Failed("https needs a CA certificate and none is configured");
        string tlsProblem = "";
        HttpClient client = _plain;
        if (https)
        {
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, chain, errors) =>
            {
                bool ok = CaTrust.Validate(cert, chain, errors, caPem, out string problem);
                if (!ok) tlsProblem = problem;
                return ok;
            };
            client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }
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
        catch (Exception e) when (tlsProblem.Length > 0 || e.InnerException is AuthenticationException)
        {
            return HttpResult.Failed("TLS: " + (tlsProblem.Length > 0 ? tlsProblem : e.InnerException!.Message));
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
    public void Dispose() => _plain.Dispose();
}

using System;
using System.IO;
using System.IO.Pipelines;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.Hal;

namespace Clife.Device.Host.Http;

/// <summary>A POST whose body is streamed through a pipe as the core writes it, chunk by chunk.</summary>
internal sealed class HostUpload : IHttpUpload
{
    private readonly Pipe? _pipe;
    private readonly Task<HttpResponseMessage>? _response;
    private readonly HttpClient? _owned;
    private readonly int _timeoutMs;
    private readonly TlsWatch? _tls;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Action<HostUpload>? _closedBy;
    private bool _closed;

    public HostUpload(HttpClient client, HttpClient? owned, string url, string contentType, long length, int timeoutMs, TlsWatch tls, Action<HostUpload> closed)
    {
        _closedBy = closed;
        _owned = owned;
        _timeoutMs = timeoutMs;
        _tls = tls;
        _pipe = new Pipe();
        var content = new StreamContent(_pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.ContentLength = length;
        _response = client.PostAsync(url, content, _cancel.Token);
    }

    private HostUpload(string error)
    {
        Error = error;
        _timeoutMs = 0;
    }

    public static HostUpload Failed(string error) => new(error);

    public string Error { get; private set; } = "";

    public bool Write(byte[] buffer, int offset, int count)
    {
        if (_pipe is null || _closed) return Fail("the upload is closed");
        if (_response!.IsCompleted) return Fail("the server ended the request early: " + Describe(_response));
        try
        {
            using var cts = new CancellationTokenSource(_timeoutMs);
            FlushResult r = _pipe.Writer.WriteAsync(buffer.AsMemory(offset, count), cts.Token).AsTask().GetAwaiter().GetResult();
            return !r.IsCanceled || Fail("the upload was cancelled");
        }
        catch (OperationCanceledException)
        {
            return Fail("the server took no data for " + _timeoutMs + " ms");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return Fail(e.Message);
        }
    }

    public HttpResult Finish()
    {
        if (_pipe is null || _closed) return HttpResult.Failed(Error.Length > 0 ? Error : "the upload is closed");
        _pipe.Writer.Complete();
        try
        {
            if (!_response!.Wait(_timeoutMs)) return HttpResult.Failed("no answer within " + _timeoutMs + " ms");
            using HttpResponseMessage response = _response.GetAwaiter().GetResult();
            byte[] body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            return HttpResult.Response((int)response.StatusCode, body, body.Length);
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or IOException or TaskCanceledException)
        {
            return HttpResult.Failed(_tls?.Problem.Length > 0 ? "TLS: " + _tls.Problem : (e.InnerException ?? e).Message);
        }
        finally
        {
            Close();
        }
    }

    public void Close()
    {
        if (_closed) return;
        _closed = true;
        _cancel.Cancel();
        _pipe?.Writer.Complete();
        _owned?.Dispose();
        _closedBy?.Invoke(this);
    }

    private bool Fail(string error)
    {
        Error = error;
        return false;
    }

    private static string Describe(Task<HttpResponseMessage> response) =>
        response.IsFaulted ? response.Exception!.GetBaseException().Message
        : response.IsCanceled ? "cancelled"
        : "HTTP " + (int)response.Result.StatusCode;
}

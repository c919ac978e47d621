using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using Clife.Device.Hal;

namespace Clife.Device.Host.Http;

/// <summary>A GET response read in chunks, each read bounded by the timeout.</summary>
internal sealed class HostDownload : IHttpDownload
{
    private readonly HttpResponseMessage? _response;
    private readonly Stream? _body;
    private readonly HttpClient? _owned;
    private readonly int _timeoutMs;
    private readonly Action<HostDownload>? _closedBy;
    private bool _closed;

    public HostDownload(HttpResponseMessage response, Stream body, int timeoutMs, HttpClient? owned, Action<HostDownload> closed)
    {
        _closedBy = closed;
        _response = response;
        _body = body;
        _timeoutMs = timeoutMs;
        _owned = owned;
        Status = (int)response.StatusCode;
        ContentLength = response.Content.Headers.ContentLength ?? -1;
        var range = response.Content.Headers.ContentRange;
        if (Status == 206 && range is not null)
        {
            RangeStart = range.From ?? -1;
            TotalLength = range.Length ?? -1;
        }
    }

    private HostDownload(string error)
    {
        Error = error;
    }

    public static HostDownload Failed(string error) => new(error);

    public int Status { get; }
    public long ContentLength { get; } = -1;
    public long RangeStart { get; } = -1;
    public long TotalLength { get; } = -1;
    public string Error { get; private set; } = "";

    public int Read(byte[] buffer, int offset, int count)
    {
        if (_body is null || _closed)
        {
            if (Error.Length == 0) Error = "the download is closed";
            return -1;
        }
        try
        {
            using var cts = new CancellationTokenSource(_timeoutMs);
            return _body.ReadAsync(buffer.AsMemory(offset, count), cts.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Error = "no data for " + _timeoutMs + " ms";
            return -1;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException)
        {
            Error = e.InnerException?.Message ?? e.Message;
            return -1;
        }
    }

    public void Close()
    {
        if (_closed) return;
        _closed = true;
        _body?.Dispose();
        _response?.Dispose();
        _owned?.Dispose();
        _closedBy?.Invoke(this);
    }
}

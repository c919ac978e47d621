using System;
using Clife.Device.Hal;

namespace Clife.Device.OtaBenchmark;

/// <summary>The HTTP client of the benchmark: every GET is answered from the one file in memory.</summary>
internal sealed class MemoryHttpClient(byte[] file, int segmentBytes) : IHttpClient
{
    /// <summary>The response of the last GET.</summary>
    public MemoryDownload? Last { get; private set; }

    public HttpResult Post(string url, string contentType, byte[] body, int offset, int count, string caPem, int timeoutMs) =>
        HttpResult.Failed("the benchmark has no POST");

    public IHttpDownload OpenGet(string url, long rangeStart, string caPem, int timeoutMs) =>
        Last = new MemoryDownload(file, rangeStart, segmentBytes);

    public IHttpUpload OpenPost(string url, string contentType, long length, string caPem, int timeoutMs) =>
        throw new NotSupportedException("the benchmark has no upload");
}

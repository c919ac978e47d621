using System.Collections;
using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>
    /// The fake platform's HTTP side seen through the device's eyes: every download read is recorded (which buffer, how
    /// many bytes asked for), so tests can show that the file operations stream through one fixed buffer.
    /// </summary>
    public sealed class RecordingHttp : IHttpClient
    {
        private readonly FakePlatform _platform;

        /// <summary>The distinct buffers the device passed to download reads.</summary>
        public readonly ArrayList ReadBuffers = new ArrayList();
        /// <summary>Most bytes asked for in one read.</summary>
        public int LargestRead;
        /// <summary>Bytes delivered by downloads.</summary>
        public long BytesDownloaded;
        /// <summary>Downloads opened.</summary>
        public int Downloads;

        /// <summary>Serves registrations, downloads and uploads from the fake platform.</summary>
        public RecordingHttp(FakePlatform platform)
        {
            _platform = platform;
        }

        /// <inheritdoc/>
        public HttpResult Post(string url, string contentType, byte[] body, int offset, int count, string caPem, int timeoutMs) =>
            _platform.Post(url, contentType, body, offset, count, caPem, timeoutMs);

        /// <inheritdoc/>
        public IHttpDownload OpenGet(string url, long rangeStart, string caPem, int timeoutMs)
        {
            Downloads++;
            return new RecordingDownload(this, _platform.OpenGet(url, rangeStart, caPem, timeoutMs));
        }

        /// <inheritdoc/>
        public IHttpUpload OpenPost(string url, string contentType, long length, string caPem, int timeoutMs) =>
            _platform.OpenPost(url, contentType, length, caPem, timeoutMs);

        private void Saw(byte[] buffer, int count, int delivered)
        {
            if (!ReadBuffers.Contains(buffer)) ReadBuffers.Add(buffer);
            if (count > LargestRead) LargestRead = count;
            if (delivered > 0) BytesDownloaded += delivered;
        }

        private sealed class RecordingDownload : IHttpDownload
        {
            private readonly RecordingHttp _owner;
            private readonly IHttpDownload _inner;

            public RecordingDownload(RecordingHttp owner, IHttpDownload inner)
            {
                _owner = owner;
                _inner = inner;
            }

            public int Status => _inner.Status;
            public long ContentLength => _inner.ContentLength;
            public long RangeStart => _inner.RangeStart;
            public long TotalLength => _inner.TotalLength;
            public string Error => _inner.Error;

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = _inner.Read(buffer, offset, count);
                _owner.Saw(buffer, count, n);
                return n;
            }

            public void Close() => _inner.Close();
        }
    }
}

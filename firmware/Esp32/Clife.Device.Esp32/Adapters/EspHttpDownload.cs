using System;
using System.Net.Http;
using System.Threading;
using Clife.Device.Hal;
using Clife.Device.Runtime;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// A GET whose body is read in chunks. nanoFramework's HttpClient streams a body only through
    /// <c>Content.CopyTo(stream)</c> after a send with <c>HttpCompletionOption.ResponseHeadersRead</c> (ReadAsStream and
    /// GetStream buffer it all), so a worker thread runs CopyTo into a <see cref="HandoffStream"/> and <see cref="Read"/>
    /// takes the bytes as they come: at most one 2 KB library buffer is in flight.
    /// </summary>
    public sealed class EspHttpDownload : IHttpDownload
    {
        private readonly ByteHandoff _handoff = new ByteHandoff();
        private readonly int _timeoutMs;
        private HttpClient? _client;
        private HttpResponseMessage? _response;
        private string _error = "";

        private EspHttpDownload(int timeoutMs)
        {
            _timeoutMs = timeoutMs;
            ContentLength = -1;
            RangeStart = -1;
            TotalLength = -1;
        }

        /// <inheritdoc/>
        public int Status { get; private set; }

        /// <inheritdoc/>
        public long ContentLength { get; private set; }

        /// <inheritdoc/>
        public long RangeStart { get; private set; }

        /// <inheritdoc/>
        public long TotalLength { get; private set; }

        /// <inheritdoc/>
        public string Error => _error.Length > 0 ? _error : _handoff.Error;

        /// <summary>A download that failed before any response.</summary>
        internal static EspHttpDownload Failed(string error)
        {
            EspHttpDownload d = new EspHttpDownload(0);
            d._error = error;
            d._handoff.End(error);
            return d;
        }

        /// <summary>Sends the GET (with "Range: bytes=N-" when <paramref name="rangeStart"/> &gt; 0) and waits for the headers.</summary>
        internal static EspHttpDownload Open(HttpClient client, string url, long rangeStart, int timeoutMs)
        {
            EspHttpDownload d = new EspHttpDownload(timeoutMs);
            d._client = client;
            try
            {
                HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, url);
                if (rangeStart > 0) request.Headers.Add("Range", "bytes=" + rangeStart.ToString() + "-");
                HttpResponseMessage response = client.Send(request, HttpCompletionOption.ResponseHeadersRead);
                d._response = response;
                d.Status = (int)response.StatusCode;
                d.ContentLength = response.Content.Headers.ContentLength;
                if (d.Status == 206 && rangeStart > 0)
                {
                    // nanoFramework's HttpHeaders has no public getter, so Content-Range cannot be read. A 206 to a single
                    // open-ended range "bytes=N-" carries exactly bytes N..end (RFC 9110 section 14.1.2).
                    d.RangeStart = rangeStart;
                    if (d.ContentLength >= 0) d.TotalLength = rangeStart + d.ContentLength;
                }
                if (d.Status >= 200 && d.Status <= 299) new Thread(d.Pump).Start();
                else d._handoff.End("");
            }
            catch (Exception e)
            {
                d.Status = 0;
                d._error = EspHttpClient.Describe(e);
                d._handoff.End(d._error);
                d.Close();
            }
            return d;
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count) => _handoff.Take(buffer, offset, count, _timeoutMs);

        /// <inheritdoc/>
        public void Close()
        {
            _handoff.Abandon("closed");
            HttpResponseMessage? response = _response;
            HttpClient? client = _client;
            _response = null;
            _client = null;
            if (response != null) response.Dispose();
            if (client != null) client.Dispose();
        }

        private void Pump()
        {
            try
            {
                HttpResponseMessage? response = _response;
                if (response == null) return;
                response.Content.CopyTo(new HandoffStream(_handoff, _timeoutMs));
                _handoff.End("");
            }
            catch (Exception e)
            {
                _handoff.End(EspHttpClient.Describe(e));
            }
        }
    }
}

using System;
using System.Net.Http;
using System.Threading;
using Clife.Device.Hal;
using Clife.Device.Runtime;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// A POST whose body the core writes in chunks: a worker thread runs HttpClient.Post with an <see cref="UploadContent"/>
    /// that reads each chunk as <see cref="Write"/> hands it over; <see cref="Finish"/> ends the body and waits for the response.
    /// </summary>
    public sealed class EspHttpUpload : IHttpUpload
    {
        private readonly ByteHandoff _handoff = new ByteHandoff();
        private readonly ManualResetEvent _done = new ManualResetEvent(false);
        private readonly int _timeoutMs;
        private HttpClient? _client;
        private UploadContent? _content;
        private string _url = "";
        private HttpResult _result = HttpResult.Failed("no response yet");
        private string _error = "";

        private EspHttpUpload(int timeoutMs)
        {
            _timeoutMs = timeoutMs;
        }

        /// <inheritdoc/>
        public string Error => _error.Length > 0 ? _error : _handoff.Error;

        internal static EspHttpUpload Failed(string error)
        {
            EspHttpUpload u = new EspHttpUpload(0);
            u._error = error;
            u._result = HttpResult.Failed(error);
            u._done.Set();
            return u;
        }

        internal static EspHttpUpload Open(HttpClient client, string url, string contentType, long length, int timeoutMs)
        {
            EspHttpUpload u = new EspHttpUpload(timeoutMs);
            u._client = client;
            u._url = url;
            u._content = new UploadContent(u._handoff, length, contentType, timeoutMs);
            new Thread(u.Send).Start();
            return u;
        }

        /// <inheritdoc/>
        public bool Write(byte[] buffer, int offset, int count)
        {
            if (_error.Length > 0) return false;
            if (_handoff.Put(buffer, offset, count, _timeoutMs)) return true;
            _error = "the upload stopped: " + _handoff.Error;
            return false;
        }

        /// <inheritdoc/>
        public HttpResult Finish()
        {
            _handoff.End("");
            if (!_done.WaitOne(_timeoutMs, false))
            {
                Close();
                return HttpResult.Failed("no response within " + _timeoutMs.ToString() + " ms");
            }
            Close();
            return _result;
        }

        /// <inheritdoc/>
        public void Close()
        {
            _handoff.Abandon("closed");
            HttpClient? client = _client;
            _client = null;
            if (client != null) client.Dispose();
        }

        private void Send()
        {
            try
            {
                HttpClient? client = _client;
                if (client == null) return;
                using (HttpResponseMessage response = client.Post(_url, _content))
                {
                    _result = EspHttpClient.Read(response);
                }
            }
            catch (Exception e)
            {
                _result = HttpResult.Failed(EspHttpClient.Describe(e));
                _handoff.Abandon(_result.Error);
            }
            finally
            {
                _done.Set();
            }
        }
    }
}

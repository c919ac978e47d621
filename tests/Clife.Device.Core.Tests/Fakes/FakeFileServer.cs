using System;
using System.Collections;
using Clife.Device.Hal;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>How a hosted file misbehaves, for the OTA tests.</summary>
    public sealed class FileFault
    {
        /// <summary>Drop the connection after this many bytes of a response (-1: never).</summary>
        public long DropAfter = -1;
        /// <summary>How many responses drop (then it serves normally).</summary>
        public int DropTimes = 1;
        /// <summary>End the body cleanly (as a server closing the connection) after this many bytes of a response (-1: never).</summary>
        public long EndAfter = -1;
        /// <summary>How many responses end early (then it serves normally).</summary>
        public int EndTimes = 1;
        /// <summary>Answer Range requests with the whole file (200).</summary>
        public bool IgnoreRange;
        /// <summary>Answer with this HTTP status instead of the file (0: no).</summary>
        public int Status;
        /// <summary>Flip the bits of the byte at this offset when serving (-1: none).</summary>
        public long CorruptAt = -1;
        /// <summary>Fail to connect at all (status 0).</summary>
        public bool Unreachable;
    }

    /// <summary>
    /// The platform's file server on the fake HTTP client: serves hosted files with Range support and configurable
    /// faults, and records uploads. Responses are served from memory in the requested chunk sizes.
    /// </summary>
    public sealed class FakeFileServer
    {
        private readonly ArrayList _entries = new ArrayList();

        /// <summary>Every GET, as "url range-start".</summary>
        public readonly ArrayList Requests = new ArrayList();
        /// <summary>HTTP status answered to uploads.</summary>
        public int UploadStatus = 200;

        /// <summary>Hosts a file at a URL.</summary>
        public void Add(string url, byte[] content) => Entry(url).Content = content;

        /// <summary>Sets (or clears with null) the fault of a URL.</summary>
        public void SetFault(string url, FileFault? fault) => Entry(url).Fault = fault;

        /// <summary>The body uploaded to a URL, or null.</summary>
        public byte[]? Uploaded(string url) => Entry(url).Uploaded;

        private sealed class Hosted
        {
            public string Url = "";
            public byte[]? Content;
            public FileFault? Fault;
            public byte[]? Uploaded;
        }

        private Hosted Entry(string url)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                Hosted h = (Hosted)_entries[i]!;
                if (h.Url == url) return h;
            }
            Hosted added = new Hosted();
            added.Url = url;
            _entries.Add(added);
            return added;
        }

        /// <summary>Opens a GET like the HAL does.</summary>
        public IHttpDownload Get(string url, long rangeStart)
        {
            Requests.Add(url + " " + rangeStart.ToString());
            FileFault? fault = Entry(url).Fault;
            if (fault != null && fault.Unreachable) return new Download("connection refused");
            if (fault != null && fault.Status != 0) return new Download(fault.Status, new byte[0], 0, -1, fault);
            byte[]? content = Entry(url).Content;
            if (content == null) return new Download(404, new byte[0], 0, -1, null);
            bool ranged = rangeStart > 0 && (fault == null || !fault.IgnoreRange);
            if (ranged && rangeStart >= content.Length) return new Download(416, new byte[0], 0, -1, null);
            Download d = new Download(ranged ? 206 : 200, content, ranged ? rangeStart : 0, ranged ? rangeStart : -1, fault);
            if (fault != null && fault.DropAfter >= 0 && fault.DropTimes > 0) fault.DropTimes--;
            else d.NoDrop();
            if (fault != null && fault.EndAfter >= 0 && fault.EndTimes > 0)
            {
                fault.EndTimes--;
                d.EndAfter(fault.EndAfter);
            }
            return d;
        }

        /// <summary>Opens an upload like the HAL does.</summary>
        public IHttpUpload Post(string url, long length) => new Upload(this, url, length);

        private sealed class Download : IHttpDownload
        {
            private readonly byte[] _content;
            private readonly FileFault? _fault;
            private long _position;
            private long _sent;
            private bool _noDrop;
            private long _endAfter = -1;

            public Download(string error)
            {
                _content = new byte[0];
                Error = error;
                RangeStart = -1;
                TotalLength = -1;
                ContentLength = -1;
            }

            public Download(int status, byte[] content, long start, long rangeStart, FileFault? fault)
            {
                Status = status;
                _content = content;
                _position = start;
                _fault = fault;
                RangeStart = status == 206 ? rangeStart : -1;
                TotalLength = status == 206 ? content.Length : -1;
                ContentLength = status == 200 || status == 206 ? content.Length - start : 0;
            }

            public void NoDrop() => _noDrop = true;

            public void EndAfter(long bytes) => _endAfter = bytes;

            public int Status { get; }
            public long ContentLength { get; }
            public long RangeStart { get; }
            public long TotalLength { get; }
            public string Error { get; private set; } = "";

            public int Read(byte[] buffer, int offset, int count)
            {
                if (Status == 0) return -1;
                if (!_noDrop && _fault != null && _fault.DropAfter >= 0 && _sent >= _fault.DropAfter)
                {
                    Error = "connection reset by peer";
                    return -1;
                }
                long left = _content.Length - _position;
                if (_endAfter >= 0 && _endAfter - _sent < left) left = _endAfter - _sent;
                if (left <= 0) return 0;
                int n = count < left ? count : (int)left;
                if (!_noDrop && _fault != null && _fault.DropAfter >= 0 && _sent + n > _fault.DropAfter) n = (int)(_fault.DropAfter - _sent);
                Array.Copy(_content, (int)_position, buffer, offset, n);
                if (_fault != null && _fault.CorruptAt >= _position && _fault.CorruptAt < _position + n)
                    buffer[offset + (int)(_fault.CorruptAt - _position)] ^= 0xFF;
                _position += n;
                _sent += n;
                return n;
            }

            public void Close() { }
        }

        private sealed class Upload : IHttpUpload
        {
            private readonly FakeFileServer _server;
            private readonly string _url;
            private readonly byte[] _body;
            private int _length;

            public Upload(FakeFileServer server, string url, long length)
            {
                _server = server;
                _url = url;
                _body = new byte[length];
            }

            public string Error { get; private set; } = "";

            public bool Write(byte[] buffer, int offset, int count)
            {
                if (_length + count > _body.Length)
                {
                    Error = "more bytes than the announced length";
                    return false;
                }
                Array.Copy(buffer, offset, _body, _length, count);
                _length += count;
                return true;
            }

            public HttpResult Finish()
            {
                if (_length != _body.Length) return HttpResult.Failed("body shorter than announced");
                _server.Entry(_url).Uploaded = _body;
                byte[] answer = Utf8.GetBytes("ok");
                return HttpResult.Response(_server.UploadStatus, answer, answer.Length);
            }

            public void Close() { }
        }
    }
}

using System.Threading;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// Hands bytes from one thread to another without buffering them: the producer's <see cref="Put"/> waits until the
    /// consumer's <see cref="Take"/> calls have copied all of its bytes. Adapters use it to turn a library that pushes a
    /// stream (nanoFramework's HttpContent.CopyTo) into the pull-style reads of the HAL, and back, holding no more
    /// than the caller's own chunk in memory.
    /// </summary>
    public sealed class ByteHandoff
    {
        private readonly object _lock = new object();
        private readonly AutoResetEvent _offered = new AutoResetEvent(false);
        private readonly AutoResetEvent _taken = new AutoResetEvent(false);
        private byte[] _data = new byte[0];
        private int _offset;
        private int _count;
        private bool _ended;
        private bool _abandoned;
        private string _error = "";

        /// <summary>Why the transfer ended early (the producer's failure or the consumer's abandon), or an empty string.</summary>
        public string Error
        {
            get { lock (_lock) return _error; }
        }

        /// <summary>True once the producer ended or either side abandoned.</summary>
        public bool IsClosed
        {
            get { lock (_lock) return _ended || _abandoned; }
        }

        /// <summary>
        /// Producer: offers bytes and waits until the consumer took all of them. Returns false when the consumer
        /// abandoned the transfer, or when it took nothing for <paramref name="timeoutMs"/>.
        /// </summary>
        public bool Put(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (count <= 0) return !IsClosed;
            lock (_lock)
            {
                if (_abandoned || _ended) return false;
                _data = buffer;
                _offset = offset;
                _count = count;
            }
            _offered.Set();
            while (true)
            {
                lock (_lock)
                {
                    if (_abandoned) return false;
                    if (_count == 0) return true;
                }
                if (!_taken.WaitOne(timeoutMs, false))
                {
                    lock (_lock)
                    {
                        if (_count == 0) return true;
                        _count = 0;
                        _data = new byte[0];
                        return false;
                    }
                }
            }
        }

        /// <summary>Producer: there are no more bytes; a non-empty <paramref name="error"/> says why they stopped early.</summary>
        public void End(string error)
        {
            lock (_lock)
            {
                if (_ended || _abandoned) return;
                _ended = true;
                if (error.Length > 0) _error = error;
            }
            _offered.Set();
        }

        /// <summary>
        /// Consumer: copies up to <paramref name="count"/> offered bytes, waiting at most <paramref name="timeoutMs"/>
        /// for some. Returns how many, 0 at a clean end, or -1 on a timeout, a failure or an abandon (see <see cref="Error"/>).
        /// </summary>
        public int Take(byte[] buffer, int offset, int count, int timeoutMs)
        {
            while (true)
            {
                lock (_lock)
                {
                    if (_abandoned) return -1;
                    if (_count > 0)
                    {
                        int n = count < _count ? count : _count;
                        System.Array.Copy(_data, _offset, buffer, offset, n);
                        _offset += n;
                        _count -= n;
                        if (_count == 0)
                        {
                            _data = new byte[0];
                            _taken.Set();
                        }
                        return n;
                    }
                    if (_ended) return _error.Length > 0 ? -1 : 0;
                }
                if (!_offered.WaitOne(timeoutMs, false))
                {
                    lock (_lock)
                    {
                        if (_count > 0 || _ended) continue;
                        _error = "no data for " + timeoutMs.ToString() + " ms";
                    }
                    return -1;
                }
            }
        }

        /// <summary>Either side: stops the transfer; a waiting <see cref="Put"/> returns false and <see cref="Take"/> returns -1.</summary>
        public void Abandon(string why)
        {
            lock (_lock)
            {
                if (_abandoned) return;
                _abandoned = true;
                if (_error.Length == 0) _error = why;
                _count = 0;
                _data = new byte[0];
            }
            _offered.Set();
            _taken.Set();
        }
    }
}

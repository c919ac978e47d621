using System;
using System.IO;
using Clife.Device.Runtime;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// A Stream over a <see cref="ByteHandoff"/>: what nanoFramework's HTTP classes write into (a download's body) or
    /// read from (an upload's body) while another thread takes or gives the bytes chunk by chunk.
    /// </summary>
    public sealed class HandoffStream : Stream
    {
        private readonly ByteHandoff _handoff;
        private readonly int _timeoutMs;

        /// <summary>A stream over <paramref name="handoff"/>; each Read or Write waits at most <paramref name="timeoutMs"/>.</summary>
        public HandoffStream(ByteHandoff handoff, int timeoutMs)
        {
            _handoff = handoff;
            _timeoutMs = timeoutMs;
        }

        /// <inheritdoc/>
        public override bool CanRead => true;

        /// <inheritdoc/>
        public override bool CanSeek => false;

        /// <inheritdoc/>
        public override bool CanWrite => true;

        /// <inheritdoc/>
        public override long Length => throw new NotSupportedException();

        /// <inheritdoc/>
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>Waits for the other side's next bytes; 0 at the end. A failure or a timeout throws IOException, which stops the library's copy.</summary>
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _handoff.Take(buffer, offset, count, _timeoutMs);
            if (n < 0) throw new IOException(_handoff.Error);
            return n;
        }

        /// <inheritdoc/>
        public override int Read(SpanByte buffer) => throw new NotSupportedException();

        /// <summary>Hands the bytes over and waits until the other side took them all; throws IOException when it gave up.</summary>
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!_handoff.Put(buffer, offset, count, _timeoutMs)) throw new IOException("the reader stopped: " + _handoff.Error);
        }

        /// <inheritdoc/>
        public override void Flush()
        {
        }

        /// <inheritdoc/>
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        /// <inheritdoc/>
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

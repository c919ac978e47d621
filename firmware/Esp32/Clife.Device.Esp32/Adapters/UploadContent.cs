using System.IO;
using System.Net.Http;
using System.Net.Http.Http.Headers;
using Clife.Device.Runtime;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// The body of a streaming upload: a known length, bytes that the core writes chunk by chunk. It hands nanoFramework's
    /// HttpClient a stream to read (CreateContentReadStream) rather than letting HttpContent buffer the whole body.
    /// </summary>
    public sealed class UploadContent : HttpContent
    {
        private readonly HandoffStream _stream;
        private readonly long _length;

        /// <summary>A body of <paramref name="length"/> bytes of type <paramref name="contentType"/> fed through <paramref name="handoff"/>.</summary>
        public UploadContent(ByteHandoff handoff, long length, string contentType, int timeoutMs)
        {
            _stream = new HandoffStream(handoff, timeoutMs);
            _length = length;
            Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        /// <inheritdoc/>
        protected override Stream CreateContentReadStream() => _stream;

        /// <inheritdoc/>
        protected override void SerializeToStream(Stream stream)
        {
            byte[] chunk = new byte[1024];
            while (true)
            {
                int n = _stream.Read(chunk, 0, chunk.Length);
                if (n == 0) return;
                stream.Write(chunk, 0, n);
            }
        }

        /// <inheritdoc/>
        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}

namespace Clife.Device.Hal
{
    /// <summary>
    /// HTTP(S) requests. For https URLs the server certificate is verified against the given CA only; an empty CA
    /// makes an https request fail. Failures are returned as values, never thrown.
    /// </summary>
    public interface IHttpClient
    {
        /// <summary>POSTs a body and reads the whole response (bounded by the adapter), waiting at most timeoutMs.</summary>
        HttpResult Post(string url, string contentType, byte[] body, int offset, int count, string caPem, int timeoutMs);

        /// <summary>
        /// Starts a GET and returns once the response headers arrived (or the request failed), without reading the
        /// body. With <paramref name="rangeStart"/> &gt; 0 it asks for "Range: bytes=rangeStart-". The body is then read
        /// in chunks; nothing is buffered beyond the caller's chunk. Never null: failures are in the result.
        /// </summary>
        IHttpDownload OpenGet(string url, long rangeStart, string caPem, int timeoutMs);

        /// <summary>
        /// Starts a POST of a body of known length that the caller then writes in chunks (streaming upload).
        /// Never null: failures are in the result.
        /// </summary>
        IHttpUpload OpenPost(string url, string contentType, long length, string caPem, int timeoutMs);
    }

    /// <summary>The outcome of an HTTP request: a status and body, or a transport failure.</summary>
    public sealed class HttpResult
    {
        /// <summary>HTTP status code, or 0 when no response arrived.</summary>
        public int Status;

        /// <summary>Response body bytes (may be longer than <see cref="BodyLength"/>).</summary>
        public byte[] Body = new byte[0];

        /// <summary>Number of valid bytes in <see cref="Body"/>.</summary>
        public int BodyLength;

        /// <summary>Why no response arrived (timeout, DNS, TLS, refused), or an empty string.</summary>
        public string Error = "";

        /// <summary>A transport failure.</summary>
        public static HttpResult Failed(string error)
        {
            HttpResult r = new HttpResult();
            r.Error = error;
            return r;
        }

        /// <summary>A response with a status and body.</summary>
        public static HttpResult Response(int status, byte[] body, int length)
        {
            HttpResult r = new HttpResult();
            r.Status = status;
            r.Body = body;
            r.BodyLength = length;
            return r;
        }
    }
}

namespace Clife.Device.Hal
{
    /// <summary>A GET response being read in chunks (see <see cref="IHttpClient.OpenGet"/>).</summary>
    public interface IHttpDownload
    {
        /// <summary>HTTP status (200, 206, 404, ...), or 0 when no response arrived.</summary>
        int Status { get; }

        /// <summary>Content-Length of this response's body, or -1 when the server did not say.</summary>
        long ContentLength { get; }

        /// <summary>
        /// For a 206 response: the first byte's offset from Content-Range (-1 when absent or not 206).
        /// </summary>
        long RangeStart { get; }

        /// <summary>For a 206 response: the complete size from Content-Range (-1 when unknown).</summary>
        long TotalLength { get; }

        /// <summary>Why the request or the last read failed, or an empty string.</summary>
        string Error { get; }

        /// <summary>
        /// Reads the next bytes of the body, waiting at most the timeout given at open for at least one byte.
        /// Returns the count, 0 at the end of the body, or -1 on failure (connection dropped, timeout: see Error).
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Releases the connection. Safe to call twice.</summary>
        void Close();
    }
}

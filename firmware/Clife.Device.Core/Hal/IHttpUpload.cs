namespace Clife.Device.Hal
{
    /// <summary>A POST whose body is written in chunks (see <see cref="IHttpClient.OpenPost"/>).</summary>
    public interface IHttpUpload
    {
        /// <summary>Why opening or the last write failed, or an empty string.</summary>
        string Error { get; }

        /// <summary>Sends the next bytes of the body; false on failure (see Error).</summary>
        bool Write(byte[] buffer, int offset, int count);

        /// <summary>Ends the body and waits for the response (status 0 on failure).</summary>
        HttpResult Finish();

        /// <summary>Abandons the request. Safe to call twice and after Finish.</summary>
        void Close();
    }
}

using System;
using System.Net.Http;
using System.Net.Http.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Clife.Device.Hal;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// HTTP(S) on nanoFramework's System.Net.Http. One HttpClient per request (its certificate and timeout are fixed once
    /// it has sent), every response disposed (nanoFramework runs out of sockets otherwise). Downloads stream with
    /// ResponseHeadersRead, uploads stream through <see cref="UploadContent"/>: neither holds a whole image in RAM.
    /// </summary>
    public sealed class EspHttpClient : IHttpClient
    {
        /// <summary>Largest response body that <see cref="Post"/> reads (registration replies are far smaller).</summary>
        public const int MaxResponseBytes = 16 * 1024;

        /// <inheritdoc/>
        public HttpResult Post(string url, string contentType, byte[] body, int offset, int count, string caPem, int timeoutMs)
        {
            string? problem = Check(url, caPem);
            if (problem != null) return HttpResult.Failed(problem);
            HttpClient? client = null;
            try
            {
                client = NewClient(url, caPem, timeoutMs);
                ByteArrayContent content = new ByteArrayContent(body, offset, count);
                content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                using (HttpResponseMessage response = client.Post(url, content))
                {
                    return Read(response);
                }
            }
            catch (Exception e)
            {
                return HttpResult.Failed(Describe(e));
            }
            finally
            {
                if (client != null) client.Dispose();
            }
        }

        /// <inheritdoc/>
        public IHttpDownload OpenGet(string url, long rangeStart, string caPem, int timeoutMs)
        {
            string? problem = Check(url, caPem);
            if (problem != null) return EspHttpDownload.Failed(problem);
            return EspHttpDownload.Open(NewClient(url, caPem, timeoutMs), url, rangeStart, timeoutMs);
        }

        /// <inheritdoc/>
        public IHttpUpload OpenPost(string url, string contentType, long length, string caPem, int timeoutMs)
        {
            string? problem = Check(url, caPem);
            if (problem != null) return EspHttpUpload.Failed(problem);
            return EspHttpUpload.Open(NewClient(url, caPem, timeoutMs), url, contentType, length, timeoutMs);
        }

        /// <summary>A response's status and body (bounded by <see cref="MaxResponseBytes"/>).</summary>
        internal static HttpResult Read(HttpResponseMessage response)
        {
            int status = (int)response.StatusCode;
            long declared = response.Content.Headers.ContentLength;
            if (declared > MaxResponseBytes) return HttpResult.Failed("response of " + declared.ToString() + " bytes is larger than " + MaxResponseBytes.ToString());
            byte[] data = response.Content.ReadAsByteArray();
            if (data.Length > MaxResponseBytes) return HttpResult.Failed("response of " + data.Length.ToString() + " bytes is larger than " + MaxResponseBytes.ToString());
            return HttpResult.Response(status, data, data.Length);
        }

        internal static string Describe(Exception e)
        {
            string text = e.Message;
            for (Exception? inner = e.InnerException; inner != null; inner = inner.InnerException)
            {
                if (inner.Message.Length > 0) text += ": " + inner.Message;
            }
            return text.Length > 0 ? text : e.GetType().Name;
        }

        private static string? Check(string url, string caPem)
        {
            if (IsHttps(url) && caPem.Length == 0) return "no CA certificate is configured for " + url;
            return null;
        }

        private static bool IsHttps(string url) => url.Length > 8 && url.Substring(0, 8).ToLower() == "https://";

        private static HttpClient NewClient(string url, string caPem, int timeoutMs)
        {
            HttpClient client = new HttpClient();
            client.Timeout = new TimeSpan(timeoutMs * TimeSpan.TicksPerMillisecond);
            if (IsHttps(url))
            {
                // The server must be signed by the configured CA and nothing else.
                client.HttpsAuthentCert = new X509Certificate(caPem);
                client.SslProtocols = SslProtocols.Tls12;
            }
            return client;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Clife.Device.Hal;
using Clife.Device.Host.Http;
using Xunit;

namespace Clife.Device.Tests.Host
{
    /// <summary>The host HTTP client's host-name overrides: a name is sent to another endpoint, the request itself unchanged.</summary>
    public sealed class HostHttpClientTests
    {
        [Fact]
        public async Task An_overridden_host_name_connects_to_the_given_endpoint_with_URL_and_Host_header_unchanged()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Task<string> served = ServeOnceAsync(listener, "ota image");
            using var http = new HostHttpClient(new Dictionary<string, string> { ["clife.open.cn"] = "127.0.0.1:" + port });

            IHttpDownload download = http.OpenGet("http://clife.open.cn/device/ota/esp8266.bin", 0, "", 5000);
            byte[] body = new byte[64];
            int n = download.Read(body, 0, body.Length);
            download.Close();
            string request = await served.WaitAsync(TimeSpan.FromSeconds(5));
            listener.Stop();

            Assert.Equal(200, download.Status);
            Assert.Equal("ota image", Encoding.ASCII.GetString(body, 0, n));
            Assert.StartsWith("GET /device/ota/esp8266.bin HTTP/1.1\r\n", request);
            Assert.Contains("\r\nHost: clife.open.cn\r\n", request);
        }

        [Fact]
        public void A_name_without_an_override_is_resolved_normally_and_fails_as_usual()
        {
            using var http = new HostHttpClient(new Dictionary<string, string> { ["clife.open.cn"] = "127.0.0.1:9" });

            IHttpDownload download = http.OpenGet("http://unknown-host.invalid/x.bin", 0, "", 5000);

            Assert.Equal(0, download.Status);
            Assert.NotEqual("", download.Error);
        }

        [Theory]
        [InlineData("127.0.0.1")]
        [InlineData("127.0.0.1:0")]
        [InlineData("127.0.0.1:http")]
        [InlineData(":8080")]
        public void An_override_that_is_not_host_colon_port_is_refused(string endpoint)
        {
            ArgumentException e = Assert.Throws<ArgumentException>(() => new HostHttpClient(new Dictionary<string, string> { ["clife.open.cn"] = endpoint }));

            Assert.Contains("clife.open.cn", e.Message);
        }

        private static async Task<string> ServeOnceAsync(TcpListener listener, string body)
        {
            using TcpClient client = await listener.AcceptTcpClientAsync();
            NetworkStream stream = client.GetStream();
            var request = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int n = await stream.ReadAsync(buffer);
                if (n == 0) break;
                request.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            byte[] response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
            await stream.WriteAsync(response);
            return request.ToString();
        }
    }
}

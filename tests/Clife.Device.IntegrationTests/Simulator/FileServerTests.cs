using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Files;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Simulator;

/// <summary>The simulator's file server (OTA images, uploads) and its misbehaviours.</summary>
public sealed class FileServerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly byte[] Image = MakeImage(100_000);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private PlatformSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await Sim.StartAsync(output);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private static byte[] MakeImage(int size)
    {
        var bytes = new byte[size];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private Task<HttpResponseMessage> GetAsync(string name, string? range = null, HttpClient? http = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _sim.FileUrl(name));
        if (range is not null) request.Headers.TryAddWithoutValidation("Range", range);
        return (http ?? _http).SendAsync(request);
    }

    [Fact]
    public async Task A_full_GET_serves_the_image_with_its_length_and_advertises_ranges()
    {
        HostedFileInfo info = _sim.AddFile("fw.bin", Image);

        using HttpResponseMessage r = await GetAsync("fw.bin");
        byte[] body = await r.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(Image.Length, r.Content.Headers.ContentLength);
        Assert.Equal("bytes", r.Headers.AcceptRanges.Single());
        Assert.Equal(Image, body);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Image)), info.Md5);
        Assert.Equal((uint)Image.Sum(b => (long)b), info.CheckSum);
    }

    [Theory]
    [InlineData("bytes=100-199", 100, 199)]
    [InlineData("bytes=99000-", 99000, 99999)]
    [InlineData("bytes=-10", 99990, 99999)]
    [InlineData("bytes=99990-200000", 99990, 99999)]
    public async Task A_range_GET_answers_206_with_exactly_those_bytes_and_Content_Range(string range, int first, int last)
    {
        _sim.AddFile("fw.bin", Image);

        using HttpResponseMessage r = await GetAsync("fw.bin", range);
        byte[] body = await r.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, r.StatusCode);
        Assert.Equal($"bytes {first}-{last}/{Image.Length}", r.Content.Headers.ContentRange!.ToString());
        Assert.Equal(last - first + 1, r.Content.Headers.ContentLength);
        Assert.Equal(Image[first..(last + 1)], body);
    }

    [Fact]
    public async Task A_range_beyond_the_end_is_416_and_an_unknown_file_is_404()
    {
        _sim.AddFile("fw.bin", Image);

        using HttpResponseMessage beyond = await GetAsync("fw.bin", "bytes=100000-");
        using HttpResponseMessage missing = await GetAsync("nope.bin");

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        Assert.Equal($"bytes */{Image.Length}", beyond.Content.Headers.ContentRange!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Dropping_after_byte_N_cuts_the_body_there_and_a_resume_from_N_succeeds()
    {
        _sim.AddFile("fw.bin", Image, new FileMisbehavior { DropAfterByte = 40_000 });

        using HttpResponseMessage r = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, _sim.FileUrl("fw.bin")), HttpCompletionOption.ResponseHeadersRead);
        Stream s = await r.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        await Assert.ThrowsAnyAsync<IOException>(() => s.CopyToAsync(received));
        using HttpResponseMessage resumed = await GetAsync("fw.bin", "bytes=40000-");
        byte[] rest = await resumed.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(Image[..40_000], received.ToArray());
        Assert.Equal(HttpStatusCode.PartialContent, resumed.StatusCode);
        Assert.Equal(Image[40_000..], rest);
        // The server logs a request when its response ends: the dropped one may be logged after the resume finished.
        FileRequestRecord dropped = (await _sim.Files.WaitForRequestsAsync("fw.bin", 2, TimeSpan.FromSeconds(10))).Requests[0];
        Assert.Equal(40_000, dropped.BytesSent);
        Assert.Contains("dropped at byte 40000", dropped.Fault);
    }

    [Fact]
    public async Task Ignoring_Range_answers_200_with_the_whole_file()
    {
        _sim.AddFile("fw.bin", Image, new FileMisbehavior { IgnoreRange = true });

        using HttpResponseMessage r = await GetAsync("fw.bin", "bytes=50000-");
        byte[] body = await r.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Null(r.Content.Headers.ContentRange);
        Assert.Equal(Image, body);
    }

    [Fact]
    public async Task Wrong_bytes_are_served_inverted_at_exactly_the_given_offsets()
    {
        _sim.AddFile("fw.bin", Image, new FileMisbehavior { FlipOffsets = [0, 12_345, 99_999] });

        byte[] body = await (await GetAsync("fw.bin")).Content.ReadAsByteArrayAsync();

        int[] differing = Enumerable.Range(0, Image.Length).Where(i => body[i] != Image[i]).ToArray();
        Assert.Equal([0, 12_345, 99_999], differing);
        Assert.All(differing, i => Assert.Equal((byte)(Image[i] ^ 0xFF), body[i]));
        Assert.NotEqual(Convert.ToHexStringLower(MD5.HashData(Image)), Convert.ToHexStringLower(MD5.HashData(body)));
    }

    [Fact]
    public async Task A_stall_stops_sending_mid_way_for_the_given_time_then_completes()
    {
        _sim.AddFile("fw.bin", Image, new FileMisbehavior { StallAfterByte = 30_000, StallFor = TimeSpan.FromMilliseconds(700) });

        var clock = Stopwatch.StartNew();
        using HttpResponseMessage r = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, _sim.FileUrl("fw.bin")), HttpCompletionOption.ResponseHeadersRead);
        Stream s = await r.Content.ReadAsStreamAsync();
        byte[] head = new byte[30_000];
        await s.ReadExactlyAsync(head);
        TimeSpan headTime = clock.Elapsed;
        var rest = new MemoryStream();
        await s.CopyToAsync(rest);
        TimeSpan total = clock.Elapsed;

        Assert.Equal(Image[..30_000], head);
        Assert.Equal(Image[30_000..], rest.ToArray());
        Assert.True(headTime < TimeSpan.FromMilliseconds(500), $"the bytes before the stall came after {headTime}");
        Assert.True(total - headTime >= TimeSpan.FromMilliseconds(600), $"the stall lasted only {total - headTime}");
    }

    [Fact]
    public async Task A_stall_longer_than_the_devices_timeout_makes_it_time_out()
    {
        _sim.AddFile("fw.bin", Image, new FileMisbehavior { StallAfterByte = 10, StallFor = TimeSpan.FromSeconds(5) });
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(400) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetByteArrayAsync(_sim.FileUrl("fw.bin")));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task A_forced_status_applies_for_the_given_number_of_requests_then_the_file_is_served(int status)
    {
        _sim.AddFile("fw.bin", Image, new FileMisbehavior { StatusCode = status, Times = 2 });

        using HttpResponseMessage a = await GetAsync("fw.bin");
        using HttpResponseMessage b = await GetAsync("fw.bin", "bytes=0-9");
        using HttpResponseMessage c = await GetAsync("fw.bin", "bytes=0-9");

        Assert.Equal(status, (int)a.StatusCode);
        Assert.Equal(status, (int)b.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, c.StatusCode);
        Assert.Equal(Image[..10], await c.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Requests_and_their_Range_headers_are_counted()
    {
        _sim.AddFile("fw.bin", Image);

        (await GetAsync("fw.bin")).Dispose();
        (await GetAsync("fw.bin", "bytes=10-19")).Dispose();
        (await GetAsync("fw.bin", "bytes=20-")).Dispose();

        HostedFileInfo info = await _sim.Files.WaitForRequestsAsync("fw.bin", 3, TimeSpan.FromSeconds(10));
        Assert.Equal(3, info.RequestCount);
        Assert.Equal([null, "bytes=10-19", "bytes=20-"], info.RangeHeaders);
        Assert.Equal([200, 206, 206], info.Requests.Select(x => x.Status));
    }

    [Fact]
    public async Task Uploads_by_POST_PUT_and_multipart_are_stored_with_size_and_md5()
    {
        byte[] log = MakeImage(5_000);
        using (var raw = new ByteArrayContent(log))
            Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_sim.UploadUrl("device.log"), raw)).StatusCode);
        using (var put = new ByteArrayContent(log[..100]))
            Assert.Equal(HttpStatusCode.OK, (await _http.PutAsync(_sim.UploadUrl("part.bin"), put)).StatusCode);
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(log[..200]);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "photo.jpg");
            Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_sim.BaseUrl + "/upload", form)).StatusCode);
        }

        UploadRecord first = await _sim.Files.WaitForUploadAsync("device.log", TimeSpan.FromSeconds(2));
        var uploads = _sim.Files.Uploads;
        Assert.Equal(3, uploads.Count);
        Assert.Equal(5_000, first.Size);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(log)), first.Md5);
        Assert.Equal(log, first.Content);
        Assert.Equal(("part.bin", "PUT", 100L), (uploads[1].Name, uploads[1].Method, uploads[1].Size));
        Assert.Equal(("photo.jpg", 200L), (uploads[2].FileName, uploads[2].Size));
    }

    [Fact]
    public async Task The_seed_examples_paths_serve_hosted_files_with_Range_and_take_uploads()
    {
        _sim.AddFile("esp8266.bin", Image);
        byte[] photo = MakeImage(3_000);

        using HttpResponseMessage whole = await _http.GetAsync(_sim.BaseUrl + "/device/ota/esp8266.bin");
        var partial = new HttpRequestMessage(HttpMethod.Get, _sim.SeedOtaUrl("esp8266.bin"));
        partial.Headers.TryAddWithoutValidation("Range", "bytes=99000-");
        using HttpResponseMessage tail = await _http.SendAsync(partial);
        using HttpResponseMessage missing = await _http.GetAsync(_sim.SeedOtaUrl("esp8266_1.bin"));
        using HttpResponseMessage stored = await _http.PostAsync(_sim.BaseUrl + "/device/storage", new ByteArrayContent(photo));
        using HttpResponseMessage named = await _http.PostAsync(_sim.BaseUrl + "/device/storage/snap.jpg", new ByteArrayContent(photo[..10]));

        Assert.Equal(_sim.BaseUrl + "/device/ota/esp8266.bin", _sim.SeedOtaUrl("esp8266.bin"));
        Assert.Equal("http://clife.open.cn/device/ota/esp8266.bin", _sim.SeedOtaUrl("esp8266.bin", "clife.open.cn"));
        Assert.Equal(Image, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(Image[99_000..], await tail.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal([null, "bytes=99000-"], (await _sim.Files.WaitForRequestsAsync("esp8266.bin", 2, TimeSpan.FromSeconds(10))).RangeHeaders);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        UploadRecord first = await _sim.Files.WaitForUploadAsync("upload-1", TimeSpan.FromSeconds(2));
        Assert.Equal(photo, first.Content);
        Assert.Equal(photo[..10], (await _sim.Files.WaitForUploadAsync("snap.jpg", TimeSpan.FromSeconds(2))).Content);
    }

    [Fact]
    public async Task Waiting_for_a_stall_returns_while_the_server_holds_back_the_rest()
    {
        _sim.AddFile("fw.bin", Image, new FileMisbehavior { StallAfterByte = 30_000, StallFor = TimeSpan.FromSeconds(3) });
        Task<byte[]> download = _http.GetByteArrayAsync(_sim.FileUrl("fw.bin"));

        await _sim.Files.WaitForStallAsync("fw.bin", TimeSpan.FromSeconds(5));

        Assert.False(download.IsCompleted, "the rest of the file is held back during the stall");
        Assert.Equal(1, _sim.Files.Find("fw.bin")!.StallsBegun);
        Assert.Equal(Image, await download);
        await _sim.Files.WaitForStallAsync("fw.bin", TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => _sim.Files.WaitForStallAsync("fw.bin", TimeSpan.FromMilliseconds(200), count: 2));
    }

    [Fact]
    public async Task The_request_log_keeps_the_order_of_arrival_when_a_stalled_request_ends_last()
    {
        _sim.AddFile("fw.bin", Image, new FileMisbehavior { StallAfterByte = 10, StallFor = TimeSpan.FromMilliseconds(1500), Times = 1 });
        Task<byte[]> stalled = _http.GetByteArrayAsync(_sim.FileUrl("fw.bin"));
        await _sim.Files.WaitForStallAsync("fw.bin", TimeSpan.FromSeconds(5));

        using HttpResponseMessage quick = await GetAsync("fw.bin", "bytes=50000-");
        Assert.Equal(2, _sim.Files.Find("fw.bin")!.RequestsBegun);
        Assert.Equal(Image, await stalled);

        Assert.Equal([null, "bytes=50000-"], _sim.Files.Find("fw.bin")!.RangeHeaders);
    }

    [Fact]
    public async Task An_upload_fault_answers_the_status_once()
    {
        _sim.Files.SetUploadFault("device.log", 503, times: 1);

        using HttpResponseMessage failed = await _http.PostAsync(_sim.UploadUrl("device.log"), new ByteArrayContent([1, 2, 3]));
        using HttpResponseMessage ok = await _http.PostAsync(_sim.UploadUrl("device.log"), new ByteArrayContent([1, 2, 3]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Single(_sim.Files.Uploads);
    }
}

/// <summary>The optional HTTPS endpoint serves registration and files like the HTTP one.</summary>
public sealed class HttpsEndpointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Registration_and_file_download_work_over_HTTPS_with_the_given_certificate()
    {
        using X509Certificate2 cert = TestCertificate.Create();
        await using PlatformSimulator sim = await Sim.StartAsync(output, https: cert);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == cert.Thumbprint };
        using var https = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        sim.AddFile("fw.bin", [1, 2, 3, 4, 5]);

        RegistrationResult r = await Registration.RegisterAsync(sim.HttpsBaseUrl!, 1, Sim.Product, null, Sim.DevKey, "AA:00:00:00:00:01", http: https);
        using var request = new HttpRequestMessage(HttpMethod.Get, sim.FileUrl("fw.bin", https: true));
        request.Headers.Range = new RangeHeaderValue(1, 3);
        using HttpResponseMessage file = await https.SendAsync(request);

        Assert.StartsWith("https://127.0.0.1:", sim.HttpsBaseUrl);
        Assert.Equal(0, r.RespCode);
        Assert.Equal(HttpStatusCode.PartialContent, file.StatusCode);
        Assert.Equal(new byte[] { 2, 3, 4 }, await file.Content.ReadAsByteArrayAsync());
    }
}

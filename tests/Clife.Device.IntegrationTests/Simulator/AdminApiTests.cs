using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Admin;
using Clife.Simulator.Protocol;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Simulator;

/// <summary>The admin HTTP API of a running simulator.</summary>
public sealed class AdminApiTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private PlatformSimulator _sim = null!;
    private AdminClient _admin = null!;

    public async Task InitializeAsync()
    {
        _sim = await Sim.StartAsync(output);
        _admin = new AdminClient(_sim.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private async Task<TestDevice> AnsweringDeviceAsync(string mac)
    {
        TestDevice device = await Sim.OnlineDeviceAsync(_sim, mac);
        device.AutoReply = req => (int)req["cmd"]! switch
        {
            2009 => new JsonObject { ["respCode"] = 0, ["power"] = true },
            2011 => new JsonObject { ["respCode"] = 0, ["power"] = req["data"]!["power"]!.DeepClone() },
            2019 => new JsonObject { ["respCode"] = 3, ["respCont"] = "ver", ["productVer"] = 1, ["devVer"] = new JsonArray() },
            _ => new JsonObject { ["respCode"] = 0 },
        };
        return device;
    }

    [Fact]
    public async Task Status_tells_the_endpoints()
    {
        JsonNode s = await _admin.StatusAsync();

        Assert.Equal(_sim.BaseUrl, (string)s["baseUrl"]!);
        Assert.Equal(_sim.MqttPort, (int)s["mqttPort"]!);
        Assert.Equal("embedded", (string)s["broker"]!);
        Assert.True((bool)s["platformClientConnected"]!);
    }

    [Fact]
    public async Task Devices_are_listed_with_state_versions_and_report_but_never_their_secret()
    {
        await using TestDevice device = await Sim.OnlineDeviceAsync(_sim, "AD:00:00:00:00:01");
        long report = await device.PublishAsync(2006, new JsonObject { ["power"] = true });
        await device.WaitForAsync(2007, report);

        string list = await _http.GetStringAsync(_sim.BaseUrl + "/admin/devices");
        JsonNode one = await _admin.DeviceAsync(device.DevId);

        JsonNode d = Assert.Single(JsonNode.Parse(list)!.AsArray())!;
        Assert.Equal(device.DevId, (string)d["devId"]!);
        Assert.Equal("online", (string)d["state"]!);
        Assert.Equal("1.2.3.4", (string)d["software"]!);
        Assert.Equal("""{"power":true}""", d["lastReport"]!.ToJsonString());
        Assert.DoesNotContain(device.DevSecret, list);
        Assert.DoesNotContain("devSecret", list);
        Assert.Equal(device.DevId, (string)one["devId"]!);
    }

    [Fact]
    public async Task Query_with_wait_returns_the_devices_reply()
    {
        await using TestDevice device = await AnsweringDeviceAsync("AD:00:00:00:00:02");

        JsonNode result = await _admin.QueryAsync(device.DevId, ["power"], waitMs: 3000);

        Assert.Equal(2009, (int)result["cmd"]!);
        JsonNode reply = result["reply"]!;
        Assert.Equal(2008, (int)reply["cmd"]!);
        Assert.Equal((long)result["msgId"]!, (long)reply["msgId"]!);
        Assert.True((bool)reply["data"]!["power"]!);
        Assert.Equal("""{"power":null}""", (await device.WaitForAsync(2009))["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Control_unbind_offline_and_file_send_their_bodies_as_the_frames_data()
    {
        await using TestDevice device = await AnsweringDeviceAsync("AD:00:00:00:00:03");

        JsonNode control = await _admin.ControlAsync(device.DevId, new JsonObject { ["power"] = false }, waitMs: 3000);
        JsonNode file = await _admin.FileAsync(device.DevId, FileOperations.SeedUpExample(), waitMs: 3000);
        JsonNode offline = await _admin.OfflineAsync(device.DevId, seconds: 5, waitMs: 3000);
        JsonNode unbind = await _admin.UnbindAsync(device.DevId);

        Assert.Equal("""{"respCode":0,"power":false}""", control["reply"]!["data"]!.ToJsonString());
        Assert.Equal(2018, (int)file["reply"]!["cmd"]!);
        Assert.True(JsonNode.DeepEquals(FileOperations.SeedUpExample(), (await device.WaitForAsync(2019))["data"]));
        Assert.Equal("""{"seconds":5}""", (await device.WaitForAsync(2017))["data"]!.ToJsonString());
        Assert.Equal(2016, (int)offline["reply"]!["cmd"]!);
        Assert.Equal("{}", (await device.WaitForAsync(2013, (long)unbind["msgId"]!))["data"]!.ToJsonString());
        Assert.Null(unbind["reply"]);
    }

    [Fact]
    public async Task Frames_and_events_of_a_device_are_listed()
    {
        await using TestDevice device = await AnsweringDeviceAsync("AD:00:00:00:00:04");
        await _admin.FileAsync(device.DevId, FileOperations.Query(), waitMs: 3000);

        JsonArray frames = (await _admin.FramesAsync(device.DevId)).AsArray();
        JsonArray last2 = (await _admin.FramesAsync(device.DevId, limit: 2)).AsArray();
        JsonArray events = (await _admin.EventsAsync(device.DevId)).AsArray();

        Assert.Equal(["up 2000", "down 2001", "up 2004", "down 2005", "down 2019", "up 2018"],
            frames.Select(f => $"{f!["flow"]} {f["cmd"]}"));
        Assert.Equal(2019, (int)frames[4]!["frame"]!["cmd"]!);
        Assert.Equal(2, last2.Count);
        JsonNode e = Assert.Single(events)!;
        Assert.Equal(3, (int)e["respCode"]!);
        Assert.True((bool)e["solicited"]!);
    }

    [Fact]
    public async Task Errors_are_JSON_with_404_for_an_unknown_device_and_400_for_bad_input()
    {
        await using TestDevice device = await AnsweringDeviceAsync("AD:00:00:00:00:05");

        AdminApiException unknown = await Assert.ThrowsAsync<AdminApiException>(() => _admin.QueryAsync("ghost", []));
        using HttpResponseMessage badJson = await _http.PostAsync($"{_sim.BaseUrl}/admin/devices/{device.DevId}/control", new StringContent("{not json", Encoding.UTF8, "application/json"));
        using HttpResponseMessage notObject = await _http.PostAsync($"{_sim.BaseUrl}/admin/devices/{device.DevId}/file", new StringContent("[1]", Encoding.UTF8, "application/json"));
        AdminApiException emptyControl = await Assert.ThrowsAsync<AdminApiException>(() => _admin.ControlAsync(device.DevId, new JsonObject()));

        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal("unknown device 'ghost'", unknown.Message);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.StartsWith("body is not valid JSON", (string)JsonNode.Parse(await badJson.Content.ReadAsStringAsync())!["error"]!);
        Assert.Equal(HttpStatusCode.BadRequest, notObject.StatusCode);
        Assert.Equal(400, emptyControl.StatusCode);
    }

    [Fact]
    public async Task Products_can_be_added_and_listed_without_their_keys()
    {
        JsonNode added = await _admin.AddProductsAsync(JsonNode.Parse("""{"productCode":"P300","devKey":"0123456789abcdef0123456789abcdef","authLevels":[2]}""")!);
        string listed = await _http.GetStringAsync(_sim.BaseUrl + "/admin/products");
        AdminApiException bad = await Assert.ThrowsAsync<AdminApiException>(() => _admin.AddProductsAsync(JsonNode.Parse("""{"productCode":"P301","devKey":"short"}""")!));
        RegistrationResult r = await Registration.RegisterAsync(_sim.BaseUrl, 2, "P300", null, "0123456789abcdef0123456789abcdef", "AD:00:00:00:00:06");

        Assert.Equal("P300", (string)added[0]!["productCode"]!);
        Assert.Contains("\"P300\"", listed);
        Assert.DoesNotContain("0123456789abcdef0123456789abcdef", listed);
        Assert.DoesNotContain(Sim.DevKey, listed);
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("devKey", bad.Message);
        Assert.Equal(0, r.RespCode);
    }

    [Fact]
    public async Task Files_are_registered_with_misbehaviour_options_and_uploads_listed()
    {
        byte[] image = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

        JsonNode info = await _admin.AddFileAsync("fw.bin", image, new Dictionary<string, string> { ["ignoreRange"] = "true", ["flip"] = "5" });
        using var request = new HttpRequestMessage(HttpMethod.Get, (string)info["url"]!);
        request.Headers.TryAddWithoutValidation("Range", "bytes=10-");
        using HttpResponseMessage served = await _http.SendAsync(request);
        byte[] body = await served.Content.ReadAsByteArrayAsync();
        await _http.PostAsync(_sim.UploadUrl("x.log"), new ByteArrayContent([9, 9]));
        JsonArray uploads = (await _admin.UploadsAsync()).AsArray();
        JsonArray files = (await _admin.FilesAsync()).AsArray();
        AdminApiException badOption = await Assert.ThrowsAsync<AdminApiException>(() => _admin.AddFileAsync("y.bin", image, new Dictionary<string, string> { ["dropAfter"] = "soon" }));

        Assert.Equal(1000, (int)info["size"]!);
        Assert.Equal(FileImage.Md5Hex(image), (string)info["md5"]!);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(1000, body.Length);
        Assert.Equal((byte)(5 ^ 0xFF), body[5]);
        Assert.Equal(["bytes=10-"], files[0]!["rangeHeaders"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(("x.log", 2), ((string)uploads[0]!["name"]!, (int)uploads[0]!["size"]!));
        Assert.Equal(400, badOption.StatusCode);
    }

    [Fact]
    public async Task Faults_can_be_set_through_the_API()
    {
        await _admin.PostJsonAsync("admin/faults/register", JsonNode.Parse("""{"kind":"http500","times":1}"""));

        RegistrationResult failed = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AD:00:00:00:00:07");
        RegistrationResult ok = await Registration.RegisterAsync(_sim.BaseUrl, 1, Sim.Product, null, Sim.DevKey, "AD:00:00:00:00:07");
        AdminApiException bad = await Assert.ThrowsAsync<AdminApiException>(() => _admin.PostJsonAsync("admin/faults/connect", JsonNode.Parse("""{"kind":"explode"}""")));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(400, bad.StatusCode);
        JsonArray attempts = (await _admin.RegistrationsAsync()).AsArray();
        Assert.Equal([500, 200], attempts.Select(a => (int)a!["httpStatus"]!));
    }
}

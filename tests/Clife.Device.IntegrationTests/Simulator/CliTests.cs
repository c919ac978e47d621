using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Admin;
using Clife.Simulator.Mqtt;
using Clife.Simulator.Cli;
using Clife.Simulator.Protocol;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Simulator;

/// <summary>The CLI's operator commands against a running simulator, run in-process through its entry point.</summary>
public sealed class CliTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PlatformSimulator _sim = null!;
    private TestDevice _device = null!;

    public async Task InitializeAsync()
    {
        _sim = await Sim.StartAsync(output);
        _device = await Sim.OnlineDeviceAsync(_sim, "C1:00:00:00:00:01");
        _device.AutoReply = req => (int)req["cmd"]! switch
        {
            2009 => new JsonObject { ["respCode"] = 0, ["power"] = true },
            2011 => new JsonObject { ["respCode"] = 0, ["power"] = req["data"]!["power"]!.DeepClone(), ["level"] = req["data"]!["level"]?.DeepClone() },
            2019 => new JsonObject { ["respCode"] = 1, ["respCont"] = 1 },
            _ => new JsonObject { ["respCode"] = 0 },
        };
    }

    public async Task DisposeAsync()
    {
        await _device.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = await SimulatorCli.RunAsync(["--url", _sim.BaseUrl, .. args], o, e);
        output.WriteLine($"$ {string.Join(' ', args)} -> {exit}\n{o}{e}");
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Devices_lists_the_online_device()
    {
        (int exit, string o, _) = await Run("devices");
        (int jsonExit, string json, _) = await Run("devices", "--json");

        Assert.Equal(0, exit);
        Assert.Contains(_device.DevId, o);
        Assert.Contains("online", o);
        Assert.Equal(0, jsonExit);
        Assert.Equal(_device.DevId, (string)JsonNode.Parse(json)![0]!["devId"]!);
    }

    [Fact]
    public async Task Query_sends_2009_with_the_named_points_and_prints_the_reply()
    {
        (int exit, string o, _) = await Run("query", _device.DevId, "power", "temp");

        Assert.Equal(0, exit);
        Assert.Contains("sent 2009", o);
        Assert.Contains("\"cmd\": 2008", o);
        Assert.Equal("""{"power":null,"temp":null}""", (await _device.WaitForAsync(2009))["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Control_parses_name_value_pairs_as_JSON_or_text()
    {
        (int exit, string o, _) = await Run("control", _device.DevId, "power=false", "level=3", "mode=eco", "label=\"x y\"");

        Assert.Equal(0, exit);
        Assert.Contains("\"cmd\": 2010", o);
        Assert.Equal("""{"power":false,"level":3,"mode":"eco","label":"x y"}""", (await _device.WaitForAsync(2011))["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Unbind_and_offline_send_2013_and_2017_with_seconds()
    {
        (int offlineExit, _, _) = await Run("offline", _device.DevId, "--seconds", "12");
        (int unbindExit, string o, _) = await Run("unbind", _device.DevId, "--wait", "0");

        Assert.Equal(0, offlineExit);
        Assert.Equal(0, unbindExit);
        Assert.Contains("sent 2013", o);
        Assert.Equal("""{"seconds":12}""", (await _device.WaitForAsync(2017))["data"]!.ToJsonString());
        Assert.Equal("{}", (await _device.WaitForAsync(2013))["data"]!.ToJsonString());
    }

    [Fact]
    public async Task File_takes_inline_JSON_or_a_file_and_events_and_frames_show_the_exchange()
    {
        string path = Path.Combine(Path.GetTempPath(), $"clife-2019-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, FileOperations.SeedDownExample().ToJsonString());
        try
        {
            (int inlineExit, _, _) = await Run("file", _device.DevId, FileOperations.Query().ToJsonString());
            (int fileExit, string o, _) = await Run("file", _device.DevId, "@" + path);
            (int eventsExit, string events, _) = await Run("events", _device.DevId);
            (int framesExit, string frames, _) = await Run("frames", _device.DevId, "--limit", "3");

            Assert.Equal(0, inlineExit);
            Assert.Equal(0, fileExit);
            Assert.Contains("\"cmd\": 2018", o);
            Assert.True(JsonNode.DeepEquals(FileOperations.SeedDownExample(), _device.Received.Last(f => (int)f["cmd"]! == 2019)["data"]));
            Assert.Equal(0, eventsExit);
            Assert.Equal(2, events.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("{1,1}")));
            Assert.Equal(0, framesExit);
            Assert.Equal(3, frames.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Add_file_hosts_an_image_with_misbehaviour()
    {
        string path = Path.Combine(Path.GetTempPath(), $"clife-img-{Guid.NewGuid():N}.bin");
        byte[] image = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(path, image);
        try
        {
            (int exit, string o, _) = await Run("add-file", "ota.bin", path, "--status", "500", "--times", "1");
            using var http = new HttpClient();
            using HttpResponseMessage first = await http.GetAsync(_sim.FileUrl("ota.bin"));
            byte[] second = await http.GetByteArrayAsync(_sim.FileUrl("ota.bin"));

            Assert.Equal(0, exit);
            Assert.Contains(FileImage.Md5Hex(image), o);
            Assert.Contains(_sim.FileUrl("ota.bin"), o);
            Assert.Equal(500, (int)first.StatusCode);
            Assert.Equal(image, second);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new[] { "query", "ghost" }, "unknown device 'ghost'")]
    [InlineData(new[] { "file", "{devId}", "{not json" }, "bad JSON")]
    [InlineData(new[] { "file", "{devId}", "[1,2]" }, "bad JSON")]
    [InlineData(new[] { "file", "{devId}", "@/nonexistent/file.json" }, "does not exist")]
    [InlineData(new[] { "control", "{devId}", "novalue" }, "is not name=value")]
    [InlineData(new[] { "add-file", "x.bin", "/nonexistent/image.bin" }, "does not exist")]
    [InlineData(new[] { "offline", "{devId}", "--seconds", "-3" }, "--seconds must be >= 0")]
    public async Task Bad_input_fails_with_a_clear_message_and_exit_code_1(string[] args, string message)
    {
        string[] resolved = args.Select(a => a.Replace("{devId}", _device.DevId, StringComparison.Ordinal)).ToArray();

        (int exit, _, string err) = await Run(resolved);

        Assert.Equal(1, exit);
        Assert.Contains(message, err);
    }

    [Fact]
    public async Task A_simulator_that_is_not_running_is_reported_as_not_reachable()
    {
        int unused = FreePort.Find();
        var o = new StringWriter();
        var e = new StringWriter();

        int exit = await SimulatorCli.RunAsync(["devices", "--url", $"http://127.0.0.1:{unused}"], o, e);

        Assert.Equal(1, exit);
        Assert.Contains($"simulator not reachable at http://127.0.0.1:{unused}", e.ToString());
    }

    [Fact]
    public async Task An_unknown_command_or_missing_argument_is_a_usage_error()
    {
        (int unknownExit, _, string unknownErr) = await Run("frobnicate");
        (int missingExit, _, string missingErr) = await Run("query");

        Assert.NotEqual(0, unknownExit);
        Assert.False(string.IsNullOrWhiteSpace(unknownErr));
        Assert.NotEqual(0, missingExit);
        Assert.False(string.IsNullOrWhiteSpace(missingErr));
    }
}

/// <summary>`serve` runs a simulator from the command line until cancelled.</summary>
public sealed class CliServeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_starts_a_simulator_with_products_from_options_and_a_file_and_stops_on_cancel()
    {
        int http = FreePort.Find();
        int mqtt = FreePort.Find();
        string products = Path.Combine(Path.GetTempPath(), $"clife-products-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(products, """{"products":[{"productCode":"F1","devKey":"abcdefghijklmnop","cipherMode":"CBC","iv":"0123456789abcdef","authLevels":[1]}]}""");
        var o = new SyncWriter(output);
        var e = new SyncWriter(output);
        using var cts = new CancellationTokenSource();
        try
        {
            Task<int> serve = SimulatorCli.RunAsync(
                ["serve", "--http-port", http.ToString(), "--mqtt-port", mqtt.ToString(), "--product", $"{Sim.Product}:{Sim.DevKey}:12", "--products", products],
                o, e, cts.Token);
            string url = $"http://127.0.0.1:{http}";
            using var admin = new AdminClient(url);
            JsonNode status = await WaitForStatusAsync(admin, serve);

            RegistrationResult r = await Registration.RegisterAsync(url, 1, Sim.Product, null, Sim.DevKey, "5E:00:00:00:00:01");
            RegistrationResult cbc = await Registration.RegisterAsync(url, 1, "F1", null, "abcdefghijklmnop", "5E:00:00:00:00:02", iv: "0123456789abcdef");
            await using var device = new TestDevice(Sim.Product, r.DevId, r.DevSecret);
            await device.ConnectOrThrowAsync("127.0.0.1", mqtt);
            cts.Cancel();
            int exit = await serve.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(mqtt, (int)status["mqttPort"]!);
            Assert.Equal(0, r.RespCode);
            Assert.Equal(0, cbc.RespCode);
            Assert.Equal(0, exit);
            Assert.Contains("clife platform simulator ready", o.Text);
            Assert.DoesNotContain(Sim.DevKey, o.Text);
            Assert.DoesNotContain(r.DevSecret, o.Text);
        }
        finally
        {
            File.Delete(products);
        }
    }

    [Theory]
    [InlineData(new[] { "serve", "--product", "P1:tooshort" }, "devKey must be 32 hex digits or 16 ASCII characters")]
    [InlineData(new[] { "serve", "--product", "P1" }, "is not CODE:KEY")]
    [InlineData(new[] { "serve", "--products", "/nonexistent/products.json" }, "does not exist")]
    [InlineData(new[] { "serve", "--broker", "http://x" }, "is not of the form mqtt://host:port")]
    public async Task Serve_rejects_bad_options_with_exit_code_1(string[] args, string message)
    {
        var o = new StringWriter();
        var e = new StringWriter();

        int exit = await SimulatorCli.RunAsync(args, o, e);

        Assert.Equal(1, exit);
        Assert.Contains(message, e.ToString());
    }

    private static async Task<JsonNode> WaitForStatusAsync(AdminClient admin, Task<int> serve)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (serve.IsCompleted) throw new InvalidOperationException($"serve ended early with exit code {await serve}");
            try
            {
                return await admin.StatusAsync();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A thread-safe writer that keeps the text and echoes it to the test output.</summary>
    private sealed class SyncWriter(ITestOutputHelper output) : StringWriter
    {
        private readonly object _gate = new();
        private readonly Action<string> _echo = TestLog.To(output);

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }
            _echo(value ?? "");
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }
}

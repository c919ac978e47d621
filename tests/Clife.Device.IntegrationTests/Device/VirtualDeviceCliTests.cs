using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Products;
using Xunit;

namespace Clife.Device.IntegrationTests.Device;

/// <summary>
/// The virtual device program as a user runs it: `run` against a platform URL with the console on a TCP port, and
/// clear errors for bad options.
/// </summary>
public sealed class VirtualDeviceCliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static ProcessStartInfo Program(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "clife-device.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, // never the test runner's terminal
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    [Fact]
    public async Task Run_registers_against_the_given_platform_and_serves_the_console_on_tcp()
    {
        await using PlatformSimulator sim = await PlatformSimulator.StartNewAsync(new SimulatorOptions
        {
            Products = [new Product { ProductCode = Sim.Product, DevKey = Sim.DevKey }],
            Log = null,
        });
        using Process device = Process.Start(Program("run", "--server", sim.BaseUrl, "--product-code", Sim.Product, "--dev-key", Sim.DevKey,
                                                     "--mac", "02c1f0cc0001", "--console-port", "0", "--quiet"))!;
        StringBuilder stdout = Collect(device.StandardOutput);
        StringBuilder stderr = Collect(device.StandardError);
        try
        {
            await sim.WaitForDeviceAsync(d => d.Mac == "02c1f0cc0001" && d.Online, Timeout);
            Assert.StartsWith("clife device console.", Text(stdout));

            Match port = await MatchAsync(stderr, @"console also on 127\.0\.0\.1:(\d+)");
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", int.Parse(port.Groups[1].Value));
            NetworkStream stream = tcp.GetStream();
            // The platform counts the device online when it sends 2005; the device a moment later, when it reads it.
            DateTime deadline = DateTime.UtcNow + Timeout;
            string status;
            do
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes("status\r\n"));
                status = await ReadUntilAsync(stream, "memory:");
            }
            while (!status.Contains("state:      connected (online)") && DateTime.UtcNow < deadline);
            Assert.Contains("state:      connected (online)", status);
            Assert.Contains("devId " + (await sim.WaitForDeviceAsync(d => d.Mac == "02c1f0cc0001", Timeout)).DevId, status);
            await stream.WriteAsync(Encoding.UTF8.GetBytes("config show\r\n"));
            string answer = await ReadUntilAsync(stream, "upTopic:");
            Assert.Contains("productCode:    " + Sim.Product, answer);
            Assert.DoesNotContain(Sim.DevKey, answer);
        }
        finally
        {
            device.Kill(entireProcessTree: true);
            await device.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Run_with_an_unknown_board_fails_with_the_list_of_boards_and_exit_code_2()
    {
        using Process device = Process.Start(Program("run", "--board", "esp32-nope"))!;
        Task<string> err = device.StandardError.ReadToEndAsync();
        Assert.True(device.WaitForExit(60_000), "the program did not exit");
        Assert.Equal(2, device.ExitCode);
        Assert.Contains("unknown board 'esp32-nope'; known boards: esp32-c3-devkitm-1, esp32-devkitc", await err);
    }

    /// <summary>Copies everything a stream of the process writes into a buffer, on a thread of its own.</summary>
    private static StringBuilder Collect(StreamReader reader)
    {
        var text = new StringBuilder();
        var thread = new System.Threading.Thread(() =>
        {
            var buffer = new char[256];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (text) text.Append(buffer, 0, n);
            }
        }) { IsBackground = true };
        thread.Start();
        return text;
    }

    private static string Text(StringBuilder b)
    {
        lock (b) return b.ToString();
    }

    private static async Task<Match> MatchAsync(StringBuilder b, string pattern)
    {
        Match m = Match.Empty;
        await Poll.UntilAsync(() => (m = Regex.Match(Text(b), pattern)).Success, Timeout, () => "timed out waiting for " + pattern);
        return m;
    }

    private static async Task<string> ReadUntilAsync(NetworkStream stream, string marker)
    {
        var text = new StringBuilder();
        var buffer = new byte[1024];
        using var cts = new System.Threading.CancellationTokenSource(Timeout);
        while (!text.ToString().Contains(marker))
        {
            int n = await stream.ReadAsync(buffer, cts.Token);
            if (n == 0) break;
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }
        return text.ToString();
    }
}

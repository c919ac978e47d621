using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Admin;
using Clife.Simulator.Mqtt;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Simulator;

/// <summary>The CLI as a real process: `serve` runs until SIGTERM, and an operator command talks to it.</summary>
public sealed class CliProcessTests(ITestOutputHelper output)
{
    private static async Task SendSigTermAsync(int pid)
    {
        using Process kill = Process.Start("kill", ["-TERM", pid.ToString()])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static ProcessStartInfo Dotnet(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Clife.PlatformSimulator.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    [Fact]
    public async Task Serve_runs_as_a_process_answers_operator_commands_and_stops_cleanly_on_SIGTERM()
    {
        Assert.True(OperatingSystem.IsLinux(), "this test sends SIGTERM");
        int http = FreePort.Find();
        int mqtt = FreePort.Find();
        using Process serve = Process.Start(Dotnet("serve", "--http-port", http.ToString(), "--mqtt-port", mqtt.ToString(), "--product", $"{Sim.Product}:{Sim.DevKey}"))!;
        Task<string> serveOut = serve.StandardOutput.ReadToEndAsync();
        Task<string> serveErr = serve.StandardError.ReadToEndAsync();
        try
        {
            string url = $"http://127.0.0.1:{http}";
            using var admin = new AdminClient(url);
            DateTime deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                try
                {
                    await admin.StatusAsync();
                    break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline && !serve.HasExited)
                {
                    await Task.Delay(100);
                }
            }
            RegistrationResult r = await Registration.RegisterAsync(url, 1, Sim.Product, null, Sim.DevKey, "9A:00:00:00:00:01");

            using Process devices = Process.Start(Dotnet("devices", "--url", url))!;
            string listed = await devices.StandardOutput.ReadToEndAsync();
            await devices.WaitForExitAsync();
            using Process unknown = Process.Start(Dotnet("query", "ghost", "--url", url))!;
            string unknownErr = await unknown.StandardError.ReadToEndAsync();
            await unknown.WaitForExitAsync();

            await SendSigTermAsync(serve.Id);
            await serve.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            output.WriteLine(await serveOut);
            output.WriteLine(await serveErr);

            Assert.Equal(0, devices.ExitCode);
            Assert.Contains(r.DevId, listed);
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains("unknown device 'ghost'", unknownErr);
            Assert.Equal(0, serve.ExitCode);
            Assert.Contains("[sim/sim] stopped", await serveOut);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }
}

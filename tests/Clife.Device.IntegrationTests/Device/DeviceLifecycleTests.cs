using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Device.Host;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Devices;
using Clife.Simulator.Protocol;
using Xunit;
using Xunit.Abstractions;
using PlatformState = Clife.Simulator.Devices.DeviceState;
using RuntimeState = Clife.Device.Runtime.DeviceState;

namespace Clife.Device.IntegrationTests.Device;

/// <summary>
/// The virtual device's whole life cycle against the platform simulator, with the embedded broker and with mosquitto:
/// provisioning over the console, registration, connection, reports, control, query, forced offline, unbind, reboot.
/// </summary>
public sealed class DeviceLifecycleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = DeviceUnderTest.StepTimeout;

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_device_provisioned_over_its_console_registers_connects_reports_obeys_and_recovers(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);

        // Provisioning: a blank device waits for a technician, who configures it over the serial console.
        await dut.WaitForAsync(r => r.State == RuntimeState.Unconfigured, "waiting for its configuration");
        foreach (string line in new[]
                 {
                     "config set server " + sim.BaseUrl, "config set authLevel 2", "config set productCode " + Infrastructure.Sim.Product,
                     "config set wifiSsid test-lab", "config set wifiPassword lab-pass-2026", "config set devKey " + Infrastructure.Sim.DevKey,
                 })
        {
            Assert.Contains("saved", await dut.RunAsync(line));
        }
        string shown = await dut.RunAsync("config show");
        Assert.DoesNotContain(Infrastructure.Sim.DevKey, shown);
        Assert.DoesNotContain("lab-pass-2026", shown);

        // Registration over HTTP with encrypted data.
        await dut.WaitForAsync(r => r.Config.IsRegistered, "registered");
        string devId = dut.DevId;
        RegistrationAttempt attempt = Assert.Single(sim.RegistrationAttempts);
        Assert.Equal((200, 0, devId, "2"), (attempt.HttpStatus, attempt.RespCode, attempt.IssuedDevId, attempt.AuthLevel));
        Assert.Equal(dut.Mac, attempt.Mac, ignoreCase: true);

        // MQTT connection: CONNACK, subscription, 2004 answered by 2005.
        DeviceInfo online = await sim.WaitForOnlineAsync(devId, Step);
        await dut.WaitForAsync(r => r.State == RuntimeState.Connected, "connected");
        Assert.Equal(("1.0.0.0", "1.0", 1, "127.0.0.1", -52), (online.Software, online.Hardware, online.ProductVer, online.Ip, online.Rssi));
        Assert.Equal(1, online.Connects);

        // The first data report carries every data point.
        FrameRecord first = await sim.WaitForFrameAsync(devId, PlatformCmd.Report, null, Step, 0);
        Assert.Equal("""{"power":false,"brightness":50,"mode":"auto","temperature":22}""", first.Frame!.Data!.ToJsonString());

        // Control: applied, answered with the resulting values, then reported.
        long cursor = sim.LastSequence;
        Frame control = await sim.RequestAsync(devId, PlatformCmd.Control, new JsonObject { ["power"] = true, ["brightness"] = 80 }, Step);
        Assert.Equal((PlatformCmd.ControlReply, 0), (control.Cmd, control.RespCode));
        Assert.Equal("""{"respCode":0,"power":true,"brightness":80}""", control.Data!.ToJsonString());
        FrameRecord report = await sim.WaitForFrameAsync(devId, PlatformCmd.Report, null, Step, cursor);
        Assert.Equal("""{"power":true,"brightness":80,"mode":"auto","temperature":22}""", report.Frame!.Data!.ToJsonString());

        // A control with one bad point is refused as a whole.
        Frame refused = await sim.RequestAsync(devId, PlatformCmd.Control, new JsonObject { ["power"] = false, ["brightness"] = 250 }, Step);
        Assert.Equal(-1, refused.RespCode);
        Assert.Contains("brightness", refused.RespCont);
        Assert.True(dut.Device.Get(r => r.Model.At(r.Model.IndexOf("power")).Boolean), "power stays on: nothing was applied");

        // Query of two points.
        Frame query = await sim.RequestAsync(devId, PlatformCmd.Query, new JsonObject { ["brightness"] = null, ["temperature"] = null }, Step);
        Assert.Equal(PlatformCmd.QueryReply, query.Cmd);
        Assert.Equal("""{"respCode":0,"brightness":80,"temperature":22}""", query.Data!.ToJsonString());

        // Forced offline for 2 s: acknowledged, offline, then back by itself no earlier than asked.
        cursor = sim.LastSequence;
        Frame offline = await sim.RequestAsync(devId, PlatformCmd.ForceOffline, new JsonObject { ["seconds"] = 2 }, Step);
        Assert.Equal((PlatformCmd.ForceOfflineReply, 0), (offline.Cmd, offline.RespCode));
        Assert.Equal("forced offline", sim.RequireDevice(devId).OfflineReason);
        Assert.Equal(1, dut.LogLinesContaining("forced offline by the platform for 2 s"));
        DeviceInfo back = await sim.WaitForDeviceAsync(d => d.DevId == devId && d.Online && d.Connects == 2, Step);
        FrameRecord offlineAt = Assert.Single(sim.UpFrames(devId, PlatformCmd.ForceOfflineReply, cursor));
        FrameRecord reconnectAt = Assert.Single(sim.UpFrames(devId, PlatformCmd.Connect, cursor));
        // It held off (2 s on the device's clock); 1 s leaves room for the platform's delays in recording either frame.
        Assert.True(reconnectAt.Time - offlineAt.Time >= TimeSpan.FromSeconds(1), $"reconnected {(reconnectAt.Time - offlineAt.Time).TotalMilliseconds} ms after the 2016");
        await dut.WaitForAsync(r => r.State == RuntimeState.Connected, "connected again");

        // Unbind: acknowledged, login erased, registered again (same devId for the same MAC, fresh secret), online.
        string oldSecret = dut.Device.Get(r => r.Config.DevSecret);
        Frame unbind = await sim.RequestAsync(devId, PlatformCmd.Unbind, new JsonObject(), Step);
        Assert.Equal((PlatformCmd.UnbindReply, 0), (unbind.Cmd, unbind.RespCode));
        await sim.WaitForRegistrationAttemptsAsync(2, Step);
        await sim.WaitForDeviceAsync(d => d.DevId == devId && d.Online && d.Connects == 3, Step);
        await dut.WaitForAsync(r => r.State == RuntimeState.Connected, "connected after re-registration");
        Assert.Equal(devId, dut.DevId);
        Assert.NotEqual(oldSecret, dut.Device.Get(r => r.Config.DevSecret));
        Assert.Equal(2, sim.RequireDevice(devId).Registrations);

        // Reboot from the console: the login comes back from flash, so it reconnects without registering.
        int boots = dut.Device.Boots;
        dut.Device.Type("reboot");
        await dut.WaitForAsync(() => dut.Device.Boots == boots + 1, "rebooted");
        await sim.WaitForDeviceAsync(d => d.DevId == devId && d.Online && d.Connects == 4, Step);
        await dut.WaitForAsync(r => r.State == RuntimeState.Connected, "connected after the reboot");
        Assert.Equal(2, sim.RegistrationAttempts.Count);
        Assert.Equal(PlatformState.Online, sim.RequireDevice(devId).State);
        Assert.DoesNotContain(Infrastructure.Sim.DevKey, dut.ConsoleOutput);
    }
}

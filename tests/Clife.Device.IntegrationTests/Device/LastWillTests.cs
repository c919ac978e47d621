using System;
using System.Linq;
using System.Threading.Tasks;
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
/// The last will (2014): the broker publishes it on the device's up topic when the device drops off without
/// DISCONNECT, and the platform then counts the device offline; a clean disconnect leaves no will.
/// </summary>
public sealed class LastWillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = DeviceUnderTest.StepTimeout;

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_device_switched_off_without_DISCONNECT_leaves_its_last_will_and_the_platform_marks_it_offline(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);
        string devId = await dut.ProvisionAndWaitOnlineAsync(sim);
        long cursor = sim.LastSequence;

        dut.Device.Stop();

        FrameRecord will = await sim.WaitForFrameAsync(devId, PlatformCmd.Will, null, Step, cursor);
        Assert.Equal("03", will.Frame!.Dir);
        Assert.Equal($$"""{"devId":"{{devId}}","reason":"offline"}""", will.Frame.Data!.ToJsonString());
        DeviceInfo info = sim.RequireDevice(devId);
        Assert.Equal((PlatformState.Offline, "will"), (info.State, info.OfflineReason));
    }

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_device_whose_connection_breaks_leaves_its_will_then_notices_at_its_next_publish_and_comes_back_without_losing_it(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);
        string devId = await dut.ProvisionAndWaitOnlineAsync(sim);
        await sim.WaitForFrameAsync(devId, PlatformCmd.Report, null, Step, 0);
        long cursor = sim.LastSequence;

        dut.Device.Mqtt.Abort();

        FrameRecord will = await sim.WaitForFrameAsync(devId, PlatformCmd.Will, null, Step, cursor);
        Assert.Equal($$"""{"devId":"{{devId}}","reason":"offline"}""", will.Frame!.Data!.ToJsonString());
        Assert.Equal((PlatformState.Offline, "will"), (sim.RequireDevice(devId).State, sim.RequireDevice(devId).OfflineReason));

        dut.Device.Do(r =>
        {
            r.Model.SetInteger("brightness", 33);
            r.Report(2);
        });

        await sim.WaitForDeviceAsync(d => d.DevId == devId && d.Online && d.Connects == 2, Step);
        FrameRecord report = (await sim.WaitForUpFramesAsync(devId, PlatformCmd.Report, 1, will.Sequence, Step))[0];
        Assert.Equal(33, (int)report.Frame!.DataObject!["brightness"]!);
        Assert.Equal(2, report.Frame.Prio);
        Assert.True(dut.LogLinesContaining("publish failed") > 0, dut.Describe());
    }

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_clean_console_disconnect_sends_DISCONNECT_and_leaves_no_will(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);
        string devId = await dut.ProvisionAndWaitOnlineAsync(sim);
        long cursor = sim.LastSequence;

        Assert.Contains("disconnected", await dut.RunAsync("disconnect"));

        Assert.Equal(RuntimeState.Offline, dut.Device.State);
        // The broker saw a DISCONNECT packet, not a dropped socket.
        if (platform.Mosquitto is { } mosquitto)
            await dut.WaitForAsync(() => mosquitto.Output.Contains($"Client {devId} disconnected.", StringComparison.Ordinal), "seen disconnecting cleanly by mosquitto");
        else
            Assert.Equal("disconnected", (await sim.WaitForOfflineAsync(devId, Step)).OfflineReason);
        // Back online from the console; by then a will, had there been one, would long have arrived.
        Assert.Contains("connecting", await dut.RunAsync("connect"));
        await sim.WaitForDeviceAsync(d => d.DevId == devId && d.Online && d.Connects == 2, Step);
        Assert.Empty(sim.UpFrames(devId, PlatformCmd.Will, cursor));
        if (platform.Mosquitto is { } m) Assert.DoesNotContain($"Client {devId} closed its connection", m.Output);
    }
}

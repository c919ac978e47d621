using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Devices;
using Clife.Simulator.Protocol;
using Xunit;
using Xunit.Abstractions;
using RuntimeState = Clife.Device.Runtime.DeviceState;

namespace Clife.Device.IntegrationTests.Device;

/// <summary>
/// The broker is killed under a connected device and started again on the same port without any session: the device
/// reconnects by itself, subscribes again, and the reports it made meanwhile reach the platform high priority first,
/// in the order they were made within a priority.
/// </summary>
public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    // Reconnecting waits out the backoff (full jitter, ceilings 1, 2, 4... s). If the device's 2004 reaches the
    // restarted broker before the platform's client has subscribed again, it is lost and the device tries again only
    // after its 15 s connect-reply timeout; the budget covers that too.
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Step = DeviceUnderTest.StepTimeout;

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task After_a_broker_restart_the_device_reconnects_by_itself_and_its_queued_reports_arrive_high_priority_first(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        PlatformSimulator sim = platform.Sim;
        using DeviceUnderTest dut = DeviceUnderTest.Start(output);
        string devId = await dut.ProvisionAndWaitOnlineAsync(sim);
        await sim.WaitForFrameAsync(devId, PlatformCmd.Report, null, Step, 0);
        int connects = sim.RequireDevice(devId).Connects;

        await platform.StopBrokerAsync();
        await dut.WaitForAsync(r => r.State is not (RuntimeState.Connected or RuntimeState.Handshaking), "aware that the broker is gone");
        Assert.True(dut.LogLinesContaining("connection lost") > 0, dut.Describe());

        // Reports made while the broker is down, each with its own brightness to tell them apart.
        (int Prio, int Brightness)[] made = [(0, 11), (1, 12), (2, 13), (0, 14), (2, 15), (1, 16)];
        foreach ((int prio, int brightness) in made)
        {
            dut.Device.Do(r =>
            {
                Assert.True(r.Model.SetInteger("brightness", brightness));
                r.Report(prio);
            });
        }
        Assert.Equal(made.Length, dut.Device.Get(r => r.QueuedFrames));
        long cursor = sim.LastSequence;

        await platform.StartBrokerAsync();

        await sim.WaitForDeviceAsync(d => d.DevId == devId && d.Online && d.Connects > connects, Reconnect);
        List<FrameRecord> reports = await sim.WaitForUpFramesAsync(devId, PlatformCmd.Report, made.Length, cursor, Step);
        List<FrameRecord> flushed = reports.Take(made.Length).ToList();
        Assert.Equal([13, 15, 12, 16, 11, 14], flushed.Select(f => (int)f.Frame!.DataObject!["brightness"]!));
        Assert.Equal([2, 2, 1, 1, 0, 0], flushed.Select(Prio));
        for (int i = 1; i < flushed.Count; i++)
        {
            if (Prio(flushed[i]) == Prio(flushed[i - 1]))
                Assert.True(flushed[i].MsgId > flushed[i - 1].MsgId, $"FIFO within priority {Prio(flushed[i])}: msgId {flushed[i - 1].MsgId} then {flushed[i].MsgId}");
        }
        // The reconnection's 2004 went first: queued reports wait for the 2005.
        FrameRecord hello = sim.UpFrames(devId, PlatformCmd.Connect, cursor).Last();
        Assert.True(hello.Sequence < flushed[0].Sequence);
        Assert.Equal(0, dut.Device.Get(r => r.QueuedFrames));

        // The restarted broker forgot the device's session: commands reach it because it subscribed again.
        Frame query = await sim.RequestAsync(devId, PlatformCmd.Query, new JsonObject { ["brightness"] = null }, Step);
        Assert.Equal("""{"respCode":0,"brightness":16}""", query.Data!.ToJsonString());
        Assert.Equal(RuntimeState.Connected, dut.Device.State);
    }

    /// <summary>A frame's priority; a frame without "prio" is medium (1), the protocol's default.</summary>
    private static int Prio(FrameRecord f) => f.Frame!.Prio ?? 1;
}

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

namespace Clife.Device.IntegrationTests.Device;

/// <summary>
/// QoS 1 may deliver a command twice: the device answers the repeat with the very reply it sent the first time, and
/// does not act on it again.
/// </summary>
public sealed class DuplicateCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = DeviceUnderTest.StepTimeout;

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_control_delivered_twice_with_the_same_msgId_is_answered_twice_identically_and_applied_once(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        PlatformSimulator sim = platform.Sim;
        var controls = new ControlCounter();
        using DeviceUnderTest dut = DeviceUnderTest.Start(output, controls.Model);
        string devId = await dut.ProvisionAndWaitOnlineAsync(sim);
        await sim.WaitForFrameAsync(devId, PlatformCmd.Report, null, Step, 0);
        long cursor = sim.LastSequence;
        long msgId = 770_000_000 + Random.Shared.Next(1_000_000);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string control = $$$"""{"cmd":2011,"ver":"1.0","dir":"30","msgId":{{{msgId}}},"timestamp":{{{now}}},"data":{"brightness":77,"mode":"night"}}""";

        await sim.SendRawAsync(devId, control);
        await sim.SendRawAsync(devId, control);

        List<FrameRecord> replies = await sim.WaitForUpFramesAsync(devId, PlatformCmd.ControlReply, 2, cursor, Step, f => f.MsgId == msgId);
        Assert.Equal(2, replies.Count);
        Assert.Equal(replies[0].Raw, replies[1].Raw);
        Assert.Equal("""{"respCode":0,"brightness":77,"mode":"night"}""", replies[0].Frame!.Data!.ToJsonString());
        // A query is a barrier: whatever the two deliveries caused was published before its reply.
        Frame query = await sim.RequestAsync(devId, PlatformCmd.Query, new JsonObject(), Step);
        Assert.Equal("""{"respCode":0,"power":false,"brightness":77,"mode":"night","temperature":22}""", query.Data!.ToJsonString());
        FrameRecord queryReply = sim.UpFrames(devId, PlatformCmd.QueryReply, cursor).Single();
        List<FrameRecord> reports = sim.UpFrames(devId, PlatformCmd.Report, cursor).Where(f => f.Sequence < queryReply.Sequence).ToList();
        FrameRecord report = Assert.Single(reports);
        Assert.True(replies[0].Sequence < report.Sequence, "the report follows the first reply");
        Assert.Equal(1, controls.Calls);
        Assert.Equal(["brightness", "mode"], controls.LastPoints);
        Assert.Equal(1, dut.LogLinesContaining($"repeat of control msgId {msgId}"));
    }
}

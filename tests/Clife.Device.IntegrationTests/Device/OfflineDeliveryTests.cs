using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Simulator;
using Clife.Simulator.Protocol;
using Xunit;
using Xunit.Abstractions;
using RuntimeState = Clife.Device.Runtime.DeviceState;

namespace Clife.Device.IntegrationTests.Device;

/// <summary>
/// The device's session survives its own disconnects (cleanSession false): a QoS 1 command the platform sends while
/// the device is away reaches it when it comes back, and is applied and answered.
/// </summary>
public sealed class OfflineDeliveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = DeviceUnderTest.StepTimeout;

    [Theory]
    [MemberData(nameof(Brokers.Both), MemberType = typeof(Brokers))]
    public async Task A_control_sent_while_the_device_is_offline_is_delivered_applied_and_answered_when_it_reconnects(string broker)
    {
        await using TestPlatform platform = await TestPlatform.StartAsync(broker, output);
        PlatformSimulator sim = platform.Sim;
        var controls = new ControlCounter();
        using DeviceUnderTest dut = DeviceUnderTest.Start(output, controls.Model);
        string devId = await dut.ProvisionAndWaitOnlineAsync(sim);
        Assert.Contains("disconnected", await dut.RunAsync("disconnect"));

        long msgId = await sim.ControlAsync(devId, new JsonObject { ["brightness"] = 64 });
        Assert.Null(sim.GetReply(msgId));
        Assert.Equal(0, controls.Calls);
        Assert.Contains("connecting", await dut.RunAsync("connect"));

        Frame reply = await sim.WaitForReplyAsync(msgId, Step);
        Assert.Equal("""{"respCode":0,"brightness":64}""", reply.Data!.ToJsonString());
        Assert.Equal(1, controls.Calls);
        await dut.WaitForAsync(r => r.State == RuntimeState.Connected, "connected");
        Assert.Equal(64, dut.Device.Get(r => r.Model.At(r.Model.IndexOf("brightness")).Integer));
    }
}

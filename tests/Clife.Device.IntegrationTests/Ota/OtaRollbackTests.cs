using System.Threading.Tasks;
using Clife.Device.Host;
using Clife.Device.Ota;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Ota;

/// <summary>
/// Images that pass verification but do not work, after ESP-IDF's app rollback and MCUboot's test swap: a new image
/// gets one trial boot and must reach Connected; otherwise the next boot runs the previous image again and the
/// platform hears {-1,rollback}.
/// </summary>
public sealed class OtaRollbackTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_image_that_never_reaches_the_platform_within_the_trial_window_is_rolled_back()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        rig.Device.Type("config set trialWindow 10");
        await rig.WaitDeviceAsync(r => r.Config.TrialWindowSeconds == 10, "the console did not set trialWindow");
        byte[] bad = OtaImages.Bundle("1.1.0.0", entryPoint: VirtualDevice.NoNetworkEntryPoint);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "bad.bin", bad, "1.1.0.0", "1.0", productVer: 2);
        await rig.WaitForEventAsync(msgId, -1, "rollback");
        await rig.WaitIdleAsync();

        // Verified and swapped ({0,1}); the trial boot has no network, reboots after 10 s and the boot manager
        // returns to slot A, which reports the rollback. No {0,100}: the upgrade never finished.
        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, "{0,1}", "{-1,rollback}"]);
        rig.AssertFactoryImageStillActive();
        Assert.Equal(bad, rig.SlotBytes(1, bad.Length));
        Assert.Equal(3, rig.Device.Boots);
        Assert.Equal(BootRecord.ReportNone, rig.Record.Report);
        rig.AssertLogged("the new image did not reach Connected within 10 s: rebooting to roll back");
        rig.AssertLogged("the trial of slot B was never confirmed: rolled back to slot A");
    }

    [Fact]
    public async Task An_image_that_fails_to_start_is_rolled_back_and_the_slot_takes_the_next_upgrade()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] crashing = OtaImages.Bundle("1.1.0.0", entryPoint: VirtualDevice.CrashingEntryPoint);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "crash.bin", crashing, "1.1.0.0", "1.0", productVer: 2);
        await rig.WaitForEventAsync(msgId, -1, "rollback");
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, "{0,1}", "{-1,rollback}"]);
        rig.AssertFactoryImageStillActive();
        Assert.Equal(crashing, rig.SlotBytes(1, crashing.Length));
        Assert.Equal(1, rig.Device.FailedStarts);
        Assert.Equal(3, rig.Device.Boots);

        // The rolled-back slot is overwritten by the next upgrade, which succeeds.
        byte[] good = OtaImages.Bundle("1.2.0.0", productVer: 3);
        long next = await rig.Sim.SendFirmwareAsync(rig.DevId, "good.bin", good, "1.2.0.0", "1.0", productVer: 3);
        await rig.WaitForEventAsync(next, 3);
        await rig.WaitIdleAsync();
        Assert.Equal([.. OtaImages.DownloadInTenths, "{0,1}", "{0,100}", "{3,ver}"], rig.Events(next));
        rig.AssertActiveImage(1, good, "1.2.0.0");
    }
}

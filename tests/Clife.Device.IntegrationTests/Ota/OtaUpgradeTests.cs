using System;
using System.Linq;
using System.Threading.Tasks;
using Clife.Device.Simulation;
using Clife.Device.Storage;
using Clife.Simulator.Devices;
using Clife.Simulator.Files;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Ota;

/// <summary>
/// Upgrades that succeed, as ESP-IDF's advanced_https_ota tests them against a local server: the happy path, and
/// downloads that are interrupted (a dropped connection, a reboot, a power cut) and resume.
/// </summary>
public sealed class OtaUpgradeTests(ITestOutputHelper output)
{
    /// <summary>{0,1} after verification, then (after the reboot, once the trial image confirmed itself) {0,100} and the versions.</summary>
    private static readonly string[] Installed = ["{0,1}", "{0,100}", "{3,ver}"];

    [Fact]
    public async Task Happy_path_downloads_verifies_swaps_confirms_and_reports_the_new_version()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app-1.1.bin", image, "1.1.0.0", "1.0", productVer: 2);
        FileEvent report = await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, .. Installed]);
        Assert.Equal(2, report.ProductVer);
        Assert.Equal([(0, "1.1.0.0", "1.0")], report.DevVer.Select(v => (v.DevNum, v.Software, v.Hardware)));
        rig.AssertActiveImage(1, image, "1.1.0.0");
        Assert.Equal(rig.FactoryImage, rig.SlotBytes(0, rig.FactoryImage.Length));
        Assert.Equal([null], (await rig.WaitForRequestsAsync("app-1.1.bin", 1)).RangeHeaders);
        Assert.Equal(2, rig.Device.Boots);
    }

    [Fact]
    public async Task A_connection_dropped_mid_way_is_resumed_with_a_Range_request_from_the_last_verified_sector()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image, new FileMisbehavior { DropAfterByte = 20_000, Times = 1 });

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);
        await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitIdleAsync();

        // Four whole sectors (16384 bytes) were written and verified when the link dropped at byte 20000; the partial
        // fifth is fetched again. Progress is not repeated: the platform sees one clean download.
        HostedFileInfo file = await rig.WaitForRequestsAsync("app.bin", 2);
        Assert.Equal([null, "bytes=16384-"], file.RangeHeaders);
        Assert.Equal([200, 206], file.Requests.Select(r => r.Status));
        Assert.Equal([20_000L, image.Length - 16_384L], file.Requests.Select(r => r.BytesSent));
        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, .. Installed]);
        rig.AssertActiveImage(1, image, "1.1.0.0");
    }

    [Fact]
    public async Task A_power_cut_while_writing_the_slot_resumes_after_the_reboot_from_the_last_saved_sector()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        CutPowerAtSlotWrite(rig, 6 * Clife.Device.Ota.FileOperations.ChunkBytes);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);
        await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitIdleAsync();

        // Sector 7 (offset 24576) was being written when the power went; 60 % had been reported and saved.
        Assert.Equal(1, rig.Device.PowerCuts);
        Assert.Equal([null, "bytes=24576-"], (await rig.WaitForRequestsAsync("app.bin", 2)).RangeHeaders);
        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, .. Installed]);
        rig.AssertActiveImage(1, image, "1.1.0.0");
        Assert.Equal(rig.FactoryImage, rig.SlotBytes(0, rig.FactoryImage.Length));
        Assert.Equal(0, rig.Device.Http.OpenTransfers);
    }

    [Fact]
    public async Task A_server_that_ignores_Range_after_a_power_cut_makes_the_download_start_again_from_byte_0()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image, new FileMisbehavior { IgnoreRange = true });
        CutPowerAtSlotWrite(rig, 6 * Clife.Device.Ota.FileOperations.ChunkBytes);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);
        await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitIdleAsync();

        // The resume asked for bytes=24576- and got 200 with the whole file: the device hashed and wrote it from byte 0
        // again, so download progress restarts at 10 %.
        HostedFileInfo file = await rig.WaitForRequestsAsync("app.bin", 2);
        Assert.Equal([null, "bytes=24576-"], file.RangeHeaders);
        Assert.Equal([200, 200], file.Requests.Select(r => r.Status));
        rig.AssertSequence(msgId, ["{1,1}", "{1,10}", "{1,20}", "{1,30}", "{1,40}", "{1,50}", "{1,60}", .. OtaImages.DownloadInTenths[1..], .. Installed]);
        rig.AssertActiveImage(1, image, "1.1.0.0");
    }

    [Fact]
    public async Task A_reboot_typed_on_the_console_mid_download_resumes_from_the_saved_sector_after_the_reboot()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image, new FileMisbehavior { StallAfterByte = 20_000, StallFor = TimeSpan.FromSeconds(2), Times = 1 });

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);
        await rig.Sim.Files.WaitForStallAsync("app.bin", OtaRig.Timeout);
        int boots = rig.Device.Boots;
        // The stall holds the download at byte 20000 for 2 s. The reboot is typed between two polls of the device,
        // once four sectors are saved, so it is served before any further byte: the device resumes from exactly the
        // offset saved at that moment (16384 if it came before the read that waits out the stall, 20480 if after).
        long savedAt = -1;
        await rig.WaitDeviceAsync(_ =>
        {
            long offset = rig.Ota(f => f.Pending?.Offset ?? -1);
            if (offset < 4 * Clife.Device.Ota.FileOperations.ChunkBytes) return false;
            savedAt = offset;
            rig.Device.Type("reboot");
            return true;
        }, "the download did not get four sectors far");
        await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitIdleAsync();

        Assert.Contains(savedAt, new long[] { 16_384, 20_480 });
        Assert.Equal(boots + 2, rig.Device.Boots);
        // The server logs a request when it ends; the first may still sit in its stall after the resumed one is done.
        Assert.Equal([null, $"bytes={savedAt}-"], (await rig.WaitForRequestsAsync("app.bin", 2)).RangeHeaders);
        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, .. Installed]);
        rig.AssertActiveImage(1, image, "1.1.0.0");
        Assert.Equal(0, rig.Device.Http.OpenTransfers);
    }

    [Fact]
    public async Task A_second_request_while_one_runs_is_refused_as_busy_and_the_first_completes()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        byte[] other = OtaImages.Bundle("1.2.0.0");

        long first = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2, startTime: 3);
        await rig.WaitDeviceAsync(_ => rig.Ota(f => f.Busy), "the first request did not start waiting");
        long second = await rig.Sim.SendFirmwareAsync(rig.DevId, "other.bin", other, "1.2.0.0", "1.0", productVer: 3);
        await rig.WaitForEventAsync(second, -1);
        await rig.WaitForEventAsync(first, 3);
        await rig.WaitIdleAsync();

        // The first waits 3 s for its start time; the second arrives meanwhile and is answered {-1,0} (busy) at once.
        // Nothing else reaches the platform.
        Assert.Equal(["{-1,0}"], rig.Events(second));
        Assert.Equal([.. OtaImages.DownloadInTenths, .. Installed], rig.Events(first));
        Assert.Equal(1 + OtaImages.DownloadInTenths.Length + Installed.Length, rig.AllEvents().Length);
        Assert.Equal(0, rig.Sim.Files.Find("other.bin")!.RequestCount);
        rig.AssertActiveImage(1, image, "1.1.0.0");
    }

    /// <summary>Cuts the power at the first flash write of slot B at or after the given slot offset (once).</summary>
    internal static void CutPowerAtSlotWrite(OtaRig rig, int slotOffset)
    {
        NorFlash chip = rig.Device.Flash.Chip;
        int slotB = rig.Device.Flash.Board.StorageOffset + rig.Device.Flash.Layout.OffsetOf(StorageLayout.SlotB);
        bool armed = true;
        // Changed is raised on the device thread after each write or erase; the operation after the erase of that
        // sector is the write of its data.
        chip.Changed += (address, length) =>
        {
            if (!armed || address != slotB + slotOffset || length != chip.SectorSize) return;
            armed = false;
            chip.CutAtOperation = chip.Operations + 1;
        };
    }
}

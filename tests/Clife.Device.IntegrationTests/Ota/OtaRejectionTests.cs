using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Simulator.Files;
using Xunit;
using Xunit.Abstractions;
using SimFiles = Clife.Simulator.Protocol.FileOperations;

namespace Clife.Device.IntegrationTests.Ota;

/// <summary>
/// Upgrades that must not happen, after ESP-IDF's advanced_https_ota cases (truncated, random, wrong chip, anti-rollback,
/// oversized) and the protocol's own checks: each is reported with the code of table 5.4-1, nothing is switched, and
/// the factory image in slot A stays active while slot B is left unbootable.
/// </summary>
public sealed class OtaRejectionTests(ITestOutputHelper output)
{
    /// <summary>Sends a DOWN request (productVer 2) with this one entry.</summary>
    private static Task<long> SendAsync(OtaRig rig, JsonObject entry) => rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Down(2, [entry]));

    private static async Task AssertRejectedAsync(OtaRig rig, long msgId, string[] sequence, bool resumable = false)
    {
        await rig.WaitForEventAsync(msgId, -1);
        await rig.WaitIdleAsync();
        rig.AssertSequence(msgId, sequence);
        rig.AssertFactoryImageStillActive();
        // Only an interrupted download is kept for resuming; anything that failed verification or was refused is gone.
        Assert.Equal(resumable, rig.Ota(f => f.Pending) is not null);
        Assert.Equal(1, rig.Device.Boots);
    }

    [Fact]
    public async Task A_truncated_image_is_downloaded_but_fails_verification_with_2()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] truncated = OtaImages.Bundle("1.1.0.0")[..20_480];

        // md5 and checkSum are those of the hosted (truncated) file, so only the bundle check can catch it.
        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", truncated, "1.1.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, ["{1,1}", "{1,20}", "{1,40}", "{1,60}", "{1,80}", "{1,100}", "{-1,2}"]);
        rig.AssertLogged($"verification failed, nothing switched: bundle says it is {OtaImages.Size} bytes but the file has 20480");
    }

    [Fact]
    public async Task An_image_truncated_inside_its_header_fails_verification_with_2()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] truncated = OtaImages.Bundle("1.1.0.0")[..40];

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", truncated, "1.1.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, ["{1,1}", "{1,100}", "{-1,2}"]);
        rig.AssertLogged("verification failed, nothing switched: truncated bundle: the header needs");
    }

    [Fact]
    public async Task Random_bytes_of_the_right_length_fail_verification_with_2()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] random = OtaImages.RandomBytes(OtaImages.Size, 11);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", random, "1.1.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, [.. OtaImages.DownloadInTenths, "{-1,2}"]);
        rig.AssertLogged("verification failed, nothing switched: not an image bundle (wrong magic)");
    }

    [Fact]
    public async Task A_right_md5_with_a_wrong_checkSum_fails_verification_with_2()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image);
        JsonObject entry = SimFiles.Firmware(rig.Sim.FileUrl("app.bin"), image, "1.1.0.0", "1.0");
        uint right = (uint)entry["checkSum"]!;
        entry["checkSum"] = right + 1;

        long msgId = await SendAsync(rig, entry);

        await AssertRejectedAsync(rig, msgId, [.. OtaImages.DownloadInTenths, "{-1,2}"]);
        rig.AssertLogged($"verification failed, nothing switched: checkSum mismatch: expected {right + 1}, got {right}");
    }

    [Fact]
    public async Task A_right_checkSum_with_a_wrong_md5_fails_verification_with_2()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image);
        JsonObject entry = SimFiles.Firmware(rig.Sim.FileUrl("app.bin"), image, "1.1.0.0", "1.0");
        entry["md5"] = OtaImages.Md5([1, 2, 3]);

        long msgId = await SendAsync(rig, entry);

        await AssertRejectedAsync(rig, msgId, [.. OtaImages.DownloadInTenths, "{-1,2}"]);
        rig.AssertLogged($"verification failed, nothing switched: md5 mismatch: expected {OtaImages.Md5([1, 2, 3])}, got {OtaImages.Md5(image)}");
    }

    [Fact]
    public async Task Bytes_corrupted_in_transit_fail_verification_with_2()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image, new FileMisbehavior { CorruptMiddle = true });

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, [.. OtaImages.DownloadInTenths, "{-1,2}"]);
        rig.AssertLogged("verification failed, nothing switched: md5 mismatch");
    }

    [Fact]
    public async Task A_request_for_other_hardware_is_refused_before_downloading()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0", hardware: "2.0");

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "2.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, ["{-1,hardware}"]);
        Assert.Equal(0, rig.Sim.Files.Find("app.bin")!.RequestCount);
    }

    [Fact]
    public async Task An_image_built_for_other_hardware_behind_a_matching_request_fails_verification_with_2()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0", hardware: "2.0");

        // The request claims hardware 1.0; the bundle header (like ESP-IDF's chip id) says 2.0.
        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, [.. OtaImages.DownloadInTenths, "{-1,2}"]);
        rig.AssertLogged("verification failed, nothing switched: the image is for hardware 2.0");
    }

    [Fact]
    public async Task An_image_whose_header_names_another_version_than_the_request_fails_verification_with_2()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.2.0.0");

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, [.. OtaImages.DownloadInTenths, "{-1,2}"]);
        rig.AssertLogged("verification failed, nothing switched: the image is version 1.2.0.0, not 1.1.0.0");
    }

    [Fact]
    public async Task A_downgrade_is_refused_before_downloading()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("0.9.0.0");

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "0.9.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, ["{-1,downgrade}"]);
        Assert.Equal(0, rig.Sim.Files.Find("app.bin")!.RequestCount);
    }

    [Fact]
    public async Task A_downgrade_is_installed_when_allowDowngrade_is_on()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        rig.Device.Type("config set allowDowngrade on");
        await rig.WaitDeviceAsync(r => r.Config.AllowDowngrade, "the console did not set allowDowngrade");
        byte[] image = OtaImages.Bundle("0.9.0.0", productVer: 1);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "0.9.0.0", "1.0", productVer: 1);
        await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, "{0,1}", "{0,100}", "{3,ver}"]);
        rig.AssertActiveImage(1, image, "0.9.0.0");
    }

    [Fact]
    public async Task The_running_version_again_is_answered_with_the_versions_and_nothing_is_downloaded()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.0.0.0");

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.0.0.0", "1.0", productVer: 1);
        await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, ["{3,ver}"]);
        rig.AssertFactoryImageStillActive();
        Assert.Equal(0, rig.Sim.Files.Find("app.bin")!.RequestCount);
    }

    [Fact]
    public async Task An_image_larger_than_a_slot_is_refused_from_its_Content_Length_without_writing_it()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        int slot = rig.Device.Flash.Layout.SlotSize;
        byte[] image = OtaImages.Bundle("1.1.0.0", size: slot + 4096);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, ["{1,1}", $"{{-1,file of {slot + 4096} bytes is larger than the {slot} bytes available}}"]);
        Assert.Equal(94_208, slot);
        Assert.Equal(1, (await rig.WaitForRequestsAsync("app.bin", 1)).RequestsBegun);
    }

    [Fact]
    public async Task A_missing_file_404_is_reported_as_an_illegal_URL_0()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        JsonObject entry = SimFiles.Firmware(rig.Sim.FileUrl("missing.bin"), image, "1.1.0.0", "1.0");

        long msgId = await SendAsync(rig, entry);

        await AssertRejectedAsync(rig, msgId, ["{1,1}", "{-1,0}"]);
        rig.AssertLogged("download refused: HTTP 404");
    }

    [Fact]
    public async Task A_server_that_keeps_failing_with_500_is_retried_three_times_then_reported_interrupted_1()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image, new FileMisbehavior { StatusCode = 500 });

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);

        await AssertRejectedAsync(rig, msgId, ["{1,1}", "{-1,1}"], resumable: true);
        Assert.Equal([500, 500, 500, 500], (await rig.WaitForRequestsAsync("app.bin", 4)).Requests.Select(r => r.Status));

        // The platform was told the upgrade is over ({-1,1}); the kept record only lets a new request for the same
        // file resume. A reboot must not start the abandoned download again by itself.
        rig.Sim.Files.SetMisbehavior("app.bin", FileMisbehavior.None);
        rig.Device.Type("reboot");
        await rig.WaitDeviceAsync(_ => rig.Device.Boots == 2, "the device did not reboot");
        await rig.WaitIdleAsync();
        Assert.Equal(4, rig.Sim.Files.Find("app.bin")!.RequestsBegun);
        rig.AssertSequence(msgId, ["{1,1}", "{-1,1}"]);
        rig.AssertFactoryImageStillActive();
    }

    [Fact]
    public async Task A_connection_that_keeps_dropping_is_given_up_with_1_and_resumes_only_when_the_same_file_is_requested_again()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image, new FileMisbehavior { DropAfterByte = 20_000 });

        long first = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);
        await AssertRejectedAsync(rig, first, ["{1,1}", "{1,10}", "{1,20}", "{1,30}", "{1,40}", "{-1,1}"], resumable: true);
        Assert.Equal([null, "bytes=16384-", "bytes=16384-", "bytes=16384-"], (await rig.WaitForRequestsAsync("app.bin", 4)).RangeHeaders);

        // A reboot does not restart it by itself ...
        rig.Device.Type("reboot");
        await rig.WaitDeviceAsync(_ => rig.Device.Boots == 2, "the device did not reboot");
        await rig.WaitIdleAsync();
        rig.AssertLogged($"the download of msgId {first} was given up; it resumes only if the same file is requested again");
        Assert.Equal(4, rig.Sim.Files.Find("app.bin")!.RequestsBegun);

        // ... but the same file requested again continues from the 16384 verified bytes.
        rig.Sim.Files.SetMisbehavior("app.bin", FileMisbehavior.None);
        long second = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2);
        await rig.WaitForEventAsync(second, 3);
        await rig.WaitIdleAsync();
        Assert.Equal("bytes=16384-", (await rig.WaitForRequestsAsync("app.bin", 5)).RangeHeaders[4]);
        Assert.Equal(["{1,1}", "{1,10}", "{1,20}", "{1,30}", "{1,40}", "{-1,1}"], rig.Events(first));
        Assert.Equal(["{1,1}", "{1,50}", "{1,60}", "{1,70}", "{1,80}", "{1,90}", "{1,100}", "{0,1}", "{0,100}", "{3,ver}"], rig.Events(second));
        rig.AssertActiveImage(1, image, "1.1.0.0");
    }

    [Fact]
    public async Task A_download_still_running_when_the_stop_time_passes_is_stopped_with_1()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");
        rig.Sim.AddFile("app.bin", image, new FileMisbehavior { StallAfterByte = 20_000, StallFor = TimeSpan.FromSeconds(4) });

        // stopTime 2 s; the server holds the fifth sector back for 4 s. The read waiting out the stall completes the
        // sector (50 %), then the next step finds the window closed.
        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2, stopTime: 2);

        await AssertRejectedAsync(rig, msgId, ["{1,1}", "{1,10}", "{1,20}", "{1,30}", "{1,40}", "{1,50}", "{-1,1}"]);
        rig.AssertLogged("the time window closed");
    }

    [Fact]
    public async Task A_request_whose_stop_time_has_already_passed_is_refused_with_1()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] image = OtaImages.Bundle("1.1.0.0");

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "app.bin", image, "1.1.0.0", "1.0", productVer: 2, startTime: -60, stopTime: -1);

        await AssertRejectedAsync(rig, msgId, ["{-1,1}"]);
        Assert.Equal(0, rig.Sim.Files.Find("app.bin")!.RequestCount);
    }
}

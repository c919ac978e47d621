using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clife.Device.Host.Platform;
using Clife.Simulator.Devices;
using Clife.Simulator.Files;
using Xunit;
using Xunit.Abstractions;
using SimFiles = Clife.Simulator.Protocol.FileOperations;

namespace Clife.Device.IntegrationTests.Ota;

/// <summary>
/// The other file operations end to end: SUBFIRM to a simulated sub-device (and its failures), PROFILE, and UP of LOG,
/// PHOTO and DATA to the simulator's upload endpoint. None of them touches the running image.
/// </summary>
public sealed class FileOperationTests(ITestOutputHelper output)
{
    private static readonly string[] SubDeviceProgress = ["{0,1}", .. Enumerable.Range(1, 9).Select(t => "{0," + t * 10 + "}")];

    private static OtaRigOptions WithSubDevice(out SimulatedSubDevices subDevices)
    {
        subDevices = new SimulatedSubDevices().Add(1, "1.0.0.0", "1.0");
        return new OtaRigOptions { SubDevices = subDevices };
    }

    [Fact]
    public async Task SUBFIRM_is_downloaded_verified_and_handed_to_the_sub_device_in_chunks_then_the_versions_are_reported()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output, WithSubDevice(out SimulatedSubDevices subDevices));
        byte[] image = OtaImages.RandomBytes(OtaImages.Size, 21);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "sub.bin", image, "1.1.0.0", "1.0", productVer: 2, devNum: 1);
        FileEvent report = await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitIdleAsync();

        // The sub-device gets ten 4 KiB writes: {0,10} ... {0,90}, then {0,100} once it accepted the image.
        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, .. SubDeviceProgress, "{0,100}", "{3,ver}"]);
        Assert.Equal([(0, "1.0.0.0", "1.0"), (1, "1.1.0.0", "1.0")], report.DevVer.Select(v => (v.DevNum ?? -1, v.Software, v.Hardware)));
        Assert.Equal(OtaImages.Md5(image), subDevices.LastImageMd5);
        Assert.Equal(1, subDevices.Updates);
        // The image was staged in the inactive slot, which stays unbootable; the module's own image is untouched.
        rig.AssertFactoryImageStillActive();
        Assert.Equal(image, rig.SlotBytes(1, image.Length));
        Assert.Null(rig.Ota(f => f.Pending));
        Assert.Equal(1, rig.Device.Boots);
    }

    [Theory]
    [InlineData("begin", 0, "the sub-device refused the update")]
    [InlineData("write", 0, "the link to the sub-device broke")]
    [InlineData("finish", 9, "the sub-device rejected the image")]
    public async Task A_sub_device_that_fails_is_reported_and_keeps_its_version(string step, int progressSteps, string reason)
    {
        await using OtaRig rig = await OtaRig.StartAsync(output, WithSubDevice(out SimulatedSubDevices subDevices));
        subDevices.FailAt = step;
        byte[] image = OtaImages.RandomBytes(OtaImages.Size, 22);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "sub.bin", image, "1.1.0.0", "1.0", productVer: 2, devNum: 1);
        await rig.WaitForEventAsync(msgId, -1);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, .. SubDeviceProgress[..(1 + progressSteps)], "{-1,sub-device 1: " + reason + "}"]);
        Assert.Equal(0, subDevices.Updates);
        Assert.Equal("1.0.0.0", subDevices.Versions().Single(v => v.DevNum == 1).Software);
        rig.AssertFactoryImageStillActive();
        Assert.Null(rig.Ota(f => f.Pending));
    }

    [Fact]
    public async Task SUBFIRM_for_a_sub_device_that_does_not_exist_is_refused_before_downloading()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output, WithSubDevice(out _));
        byte[] image = OtaImages.RandomBytes(1000, 23);

        long msgId = await rig.Sim.SendFirmwareAsync(rig.DevId, "sub.bin", image, "1.1.0.0", "1.0", productVer: 2, devNum: 2);
        await rig.WaitForEventAsync(msgId, -1);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, ["{-1,no sub-device 2}"]);
        Assert.Equal(0, rig.Sim.Files.Find("sub.bin")!.RequestCount);
        rig.AssertFactoryImageStillActive();
    }

    [Fact]
    public async Task PROFILE_is_downloaded_verified_stored_and_applied()
    {
        var profiles = new RecordingProfileHandler();
        await using OtaRig rig = await OtaRig.StartAsync(output, new OtaRigOptions { Profiles = profiles });
        byte[] profile = Encoding.UTF8.GetBytes("{\"points\":[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"{{\"id\":{i},\"name\":\"p{i}\"}}")) + "]}");
        rig.Sim.AddFile("profile.json", profile);

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Down(null, [SimFiles.FileEntry("PROFILE", rig.Sim.FileUrl("profile.json"), profile)]));
        await rig.WaitForEventAsync(msgId, 0, "100");
        await rig.WaitIdleAsync();

        Assert.True(profile.Length < 4096, "one chunk: no intermediate progress");
        rig.AssertSequence(msgId, ["{1,1}", "{1,100}", "{0,1}", "{0,100}"]);
        Assert.Equal(profile, rig.Ota(f => f.StoredProfile()));
        Assert.Equal(profile, profiles.Applied);
        rig.AssertFactoryImageStillActive();
        rig.AssertLogged($"profile of {profile.Length} bytes stored and applied");
    }

    [Fact]
    public async Task A_PROFILE_the_device_refuses_is_reported_with_the_reason()
    {
        var profiles = new RecordingProfileHandler { RefuseNext = "unknown data point \"fan\"" };
        await using OtaRig rig = await OtaRig.StartAsync(output, new OtaRigOptions { Profiles = profiles });
        byte[] profile = Encoding.UTF8.GetBytes("{\"points\":[{\"id\":1,\"name\":\"fan\"}]}");
        rig.Sim.AddFile("profile.json", profile);

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Down(null, [SimFiles.FileEntry("PROFILE", rig.Sim.FileUrl("profile.json"), profile)]));
        await rig.WaitForEventAsync(msgId, -1);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, ["{1,1}", "{1,100}", "{0,1}", "{-1,profile refused: unknown data point \"fan\"}"]);
        Assert.Null(profiles.Applied);
        rig.AssertFactoryImageStillActive();
    }

    [Fact]
    public async Task A_PROFILE_whose_md5_does_not_match_is_neither_stored_nor_applied()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        byte[] profile = Encoding.UTF8.GetBytes("{\"points\":[]}");
        rig.Sim.AddFile("profile.json", profile, new FileMisbehavior { FlipOffsets = [3] });

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Down(null, [SimFiles.FileEntry("PROFILE", rig.Sim.FileUrl("profile.json"), profile)]));
        await rig.WaitForEventAsync(msgId, -1);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, ["{1,1}", "{1,100}", "{-1,2}"]);
        Assert.Null(rig.Ota(f => f.StoredProfile()));
        Assert.Null(rig.Options.Profiles.Applied);
        rig.AssertFactoryImageStillActive();
    }

    [Fact]
    public async Task UP_of_LOG_uploads_the_log_lines_of_the_window_each_with_its_platform_time()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output);
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Up("LOG", rig.Sim.UploadUrl("device.log"), startTime: -600, stopTime: 0));
        UploadRecord upload = await rig.Sim.Files.WaitForUploadAsync("device.log", OtaRig.Timeout);
        await rig.WaitForEventAsync(msgId, 1, "100");
        await rig.WaitIdleAsync();

        // The window is the last 10 minutes up to the request: every line this boot logged before it took the request.
        // The line logging the request itself falls in the window only when it was written within the same
        // millisecond as the request's time was taken, so it may or may not be there; nothing later is.
        string[] lines = Encoding.UTF8.GetString(upload.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] uploaded = lines.Select(l => l[(l.IndexOf(' ') + 1)..]).ToArray();
        string[] logged = rig.DeviceLogLines;
        int request = Array.FindIndex(logged, l => l.Contains($"file request msgId {msgId}", StringComparison.Ordinal));
        Assert.True(uploaded.Length == request || uploaded.Length == request + 1, $"{uploaded.Length} lines uploaded, the request is line {request + 1}");
        Assert.Equal(logged[..uploaded.Length], uploaded);
        Assert.All(lines, l => Assert.InRange(long.Parse(l[..l.IndexOf(' ')]), before - 60_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        Assert.Contains(lines, l => l.EndsWith("booted slot A", StringComparison.Ordinal));
        Assert.Equal("text/plain", upload.ContentType);
        Assert.True(upload.Size < 4096, "one chunk: no intermediate progress");
        rig.AssertSequence(msgId, ["{1,1}", "{1,100}"]);
        rig.AssertFactoryImageStillActive();
    }

    [Fact]
    public async Task UP_of_PHOTO_uploads_the_devices_photo_byte_for_byte()
    {
        var files = new MemoryFileStore();
        byte[] photo = OtaImages.RandomBytes(20_000, 24);
        files.Put("PHOTO", "snapshot.jpg", photo);
        await using OtaRig rig = await OtaRig.StartAsync(output, new OtaRigOptions { Files = files });

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Up("PHOTO", rig.Sim.UploadUrl("photo.jpg")));
        UploadRecord upload = await rig.Sim.Files.WaitForUploadAsync("photo.jpg", OtaRig.Timeout);
        await rig.WaitForEventAsync(msgId, 1, "100");
        await rig.WaitIdleAsync();

        Assert.Equal(photo, upload.Content);
        Assert.Equal("application/octet-stream", upload.ContentType);
        // 20000 bytes in 4 KiB chunks: 20 %, 40 %, 61 %, 81 %, then done.
        rig.AssertSequence(msgId, ["{1,1}", "{1,20}", "{1,40}", "{1,60}", "{1,80}", "{1,100}"]);
        rig.AssertFactoryImageStillActive();
    }

    [Fact]
    public async Task UP_of_DATA_uploads_the_devices_data_file_byte_for_byte()
    {
        var files = new MemoryFileStore();
        byte[] data = Encoding.UTF8.GetBytes("time,temperature\n1,22\n2,23\n3,23\n");
        files.Put("DATA", "readings.csv", data);
        await using OtaRig rig = await OtaRig.StartAsync(output, new OtaRigOptions { Files = files });

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Up("DATA", rig.Sim.UploadUrl("readings.csv")));
        UploadRecord upload = await rig.Sim.Files.WaitForUploadAsync("readings.csv", OtaRig.Timeout);
        await rig.WaitForEventAsync(msgId, 1, "100");
        await rig.WaitIdleAsync();

        Assert.Equal(data, upload.Content);
        rig.AssertSequence(msgId, ["{1,1}", "{1,100}"]);
        rig.AssertFactoryImageStillActive();
    }

    [Fact]
    public async Task An_upload_the_server_refuses_is_reported_with_its_HTTP_status_and_not_retried()
    {
        var files = new MemoryFileStore();
        files.Put("PHOTO", "snapshot.jpg", OtaImages.RandomBytes(20_000, 25));
        await using OtaRig rig = await OtaRig.StartAsync(output, new OtaRigOptions { Files = files });
        rig.Sim.Files.SetUploadFault("photo.jpg", 403);

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Up("PHOTO", rig.Sim.UploadUrl("photo.jpg")));
        await rig.WaitForEventAsync(msgId, -1);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, ["{1,1}", "{1,20}", "{1,40}", "{1,60}", "{1,80}", "{-1,upload refused: HTTP 403}"]);
        Assert.Empty(rig.Sim.Files.Uploads);
        rig.AssertFactoryImageStillActive();
    }

    [Fact]
    public async Task UP_of_a_type_the_device_has_no_file_of_is_refused()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output, new OtaRigOptions { Files = new MemoryFileStore() });

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.Up("VIDEO", rig.Sim.UploadUrl("clip.mp4")));
        await rig.WaitForEventAsync(msgId, -1);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, ["{-1,no VIDEO file to upload}"]);
        Assert.Empty(rig.Sim.Files.Uploads);
        rig.AssertFactoryImageStillActive();
    }
}

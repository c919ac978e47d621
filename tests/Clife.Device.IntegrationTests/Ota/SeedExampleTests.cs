using System.Linq;
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
/// The seed document's own 2019 examples (4.3.2.8.1), sent as written over MQTT to a virtual device configured to
/// match them: hardware "02" (= 2.0), software 1.0.0.0 (below the FIRM entry's 1.0.2.0), and sub-device 1 with
/// hardware 2.0 and software 0.9.0.0 (below the SUBFIRM entry's "01" = 1.0.0.0). Their URLs name
/// http://clife.open.cn; the device resolves that host to the simulator (VirtualDeviceOptions.HostOverrides), which
/// serves /device/ota/esp8266.bin and esp8266_1.bin and takes uploads at /device/storage.
/// </summary>
public sealed class SeedExampleTests(ITestOutputHelper output)
{
    private const string SeedMd5 = "6d348c902ace4d09b6d62ce982dc8ace";

    private static OtaRigOptions SeedDevice(out SimulatedSubDevices subDevices, MemoryFileStore? files = null)
    {
        subDevices = new SimulatedSubDevices().Add(1, "0.9.0.0", "2.0");
        return new OtaRigOptions
        {
            Hardware = "2.0",
            SubDevices = subDevices,
            SimulatorHostNames = ["clife.open.cn"],
            Files = files ?? MemoryFileStore.WithSamples(),
        };
    }

    /// <summary>
    /// Our reading of the example as written. Both entries pass the request checks: the FIRM entry is 1.0.2.0 for
    /// hardware "02", the SUBFIRM entry is "01" for hardware "02" on devNum 1 (the document writes the key " devNum"
    /// with a leading space; property names are read with surrounding spaces ignored, protocol.md section 1). FIRM
    /// ends with a reboot, so the SUBFIRM entry runs first. Its md5 (the same value for both entries in the document)
    /// is not the MD5 of any file we host, so table 5.4-1 and the rule below it ("升级异常：{-1,0};{-1,1};{-1,2}")
    /// give: download started {1,1}, progress, downloaded {1,100}, then "downloaded but verification failed, upgrade
    /// cancelled" {-1,2}. The upgrade is cancelled as a whole: the FIRM entry is never fetched, nothing is installed.
    /// </summary>
    [Fact]
    public async Task The_seed_DOWN_example_as_written_fails_verification_of_the_entry_downloaded_first_and_cancels_the_upgrade()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output, SeedDevice(out SimulatedSubDevices subDevices));
        rig.Sim.AddFile("esp8266_1.bin", OtaImages.RandomBytes(OtaImages.Size, 31));
        rig.Sim.AddFile("esp8266.bin", OtaImages.Bundle("1.0.2.0", hardware: "2.0"));

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.SeedDownExample());
        await rig.WaitForEventAsync(msgId, -1);
        await rig.WaitIdleAsync();

        rig.AssertSequence(msgId, [.. OtaImages.DownloadInTenths, "{-1,2}"]);
        Assert.Equal([null], (await rig.WaitForRequestsAsync("esp8266_1.bin", 1)).RangeHeaders);
        Assert.Equal(0, rig.Sim.Files.Find("esp8266.bin")!.RequestCount);
        rig.AssertLogged($"verification failed, nothing switched: md5 mismatch: expected {SeedMd5}, got ");
        Assert.Equal(0, subDevices.Updates);
        Assert.Equal("0.9.0.0", subDevices.Versions().Single().Software);
        rig.AssertFactoryImageStillActive();
    }

    /// <summary>
    /// The same example with each entry's md5 and checkSum replaced by those of real files hosted at the example's
    /// own URLs (versions, devNum, productVer, window unchanged): the normal sequence {1,1} {1,100} {0,1} {0,100} and
    /// a version report, first for the sub-device, then for the module after its reboot into 1.0.2.0.
    /// </summary>
    [Fact]
    public async Task The_seed_DOWN_example_with_real_md5_and_checkSum_upgrades_the_sub_device_then_the_module()
    {
        await using OtaRig rig = await OtaRig.StartAsync(output, SeedDevice(out SimulatedSubDevices subDevices));
        byte[] sub = OtaImages.RandomBytes(3_000, 32);
        byte[] firm = OtaImages.Bundle("1.0.2.0", hardware: "2.0", productVer: 2, size: 4_000);
        rig.Sim.AddFile("esp8266_1.bin", sub);
        rig.Sim.AddFile("esp8266.bin", firm);
        JsonObject data = SimFiles.SeedDownExample();
        foreach (JsonObject entry in data["fileInfo"]!.AsArray().Cast<JsonObject>())
        {
            byte[] file = (string)entry["fileType"]! == "FIRM" ? firm : sub;
            entry["md5"] = OtaImages.Md5(file);
            entry["checkSum"] = file.Aggregate(0u, (sum, b) => sum + b);
        }

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, data);
        await rig.WaitForEventAsync(msgId, 3);
        await rig.WaitForEventAsync(msgId, 0, "100");
        FileEvent final = await rig.Sim.WaitForFileEventAsync(rig.DevId, e => e.MsgId == msgId && e.RespCode == 3 && e.DevVer.Any(v => v.DevNum == 0 && v.Software == "1.0.2.0"), OtaRig.Timeout);
        await rig.WaitIdleAsync();

        string[] normal = ["{1,1}", "{1,100}", "{0,1}", "{0,100}", "{3,ver}"];
        rig.AssertSequence(msgId, [.. normal, .. normal]);
        FileEvent[] reports = rig.Sim.GetFileEvents(rig.DevId).Where(e => e.RespCode == 3).ToArray();
        Assert.Equal([(0, "1.0.0.0", "2.0"), (1, "01", "2.0")], reports[0].DevVer.Select(v => (v.DevNum ?? -1, v.Software, v.Hardware)));
        Assert.Equal([(0, "1.0.2.0", "2.0"), (1, "01", "2.0")], final.DevVer.Select(v => (v.DevNum ?? -1, v.Software, v.Hardware)));
        Assert.Equal(2, final.ProductVer);
        Assert.Equal(OtaImages.Md5(sub), subDevices.LastImageMd5);
        rig.AssertActiveImage(1, firm, "1.0.2.0");
        Assert.Equal(rig.FactoryImage, rig.SlotBytes(0, rig.FactoryImage.Length));
        Assert.Equal([null], (await rig.WaitForRequestsAsync("esp8266.bin", 1)).RangeHeaders);
    }

    /// <summary>The seed's UP example as written: the device's photo is POSTed to http://clife.open.cn/device/storage.</summary>
    [Fact]
    public async Task The_seed_UP_example_as_written_uploads_the_photo_to_the_storage_URL()
    {
        var files = new MemoryFileStore();
        byte[] photo = OtaImages.RandomBytes(20_000, 33);
        files.Put("PHOTO", "snapshot.jpg", photo);
        await using OtaRig rig = await OtaRig.StartAsync(output, SeedDevice(out _, files));

        long msgId = await rig.Sim.SendFileOperationAsync(rig.DevId, SimFiles.SeedUpExample());
        UploadRecord upload = await rig.Sim.Files.WaitForUploadAsync(null, OtaRig.Timeout);
        await rig.WaitForEventAsync(msgId, 1, "100");
        await rig.WaitIdleAsync();

        Assert.Equal(photo, upload.Content);
        Assert.Equal("POST", upload.Method);
        rig.AssertSequence(msgId, ["{1,1}", "{1,20}", "{1,40}", "{1,60}", "{1,80}", "{1,100}"]);
        rig.AssertFactoryImageStillActive();
    }
}

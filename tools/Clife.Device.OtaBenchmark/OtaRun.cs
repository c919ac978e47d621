using System;
using System.Diagnostics;
using System.Linq;
using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Host.Crypto;
using Clife.Device.Host.Platform;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Simulation;
using Clife.Device.Storage;
using Clife.Device.Text;

namespace Clife.Device.OtaBenchmark;

/// <summary>What one upgrade run measured: seconds to store the image, seconds until it was activated, bytes allocated, polls.</summary>
public readonly record struct OtaResult(double StoreSeconds, double TotalSeconds, long AllocatedBytes, int Polls);

/// <summary>
/// One upgrade on a fresh simulated device, the way the firmware does it: a flash chip laid out like the device's
/// storage (slots big enough for the image) with a factory image in slot A, the firmware started through
/// <see cref="Firmware.Start"/>, a 2019 DOWN FIRM request handed to its <see cref="Clife.Device.Ota.FileOperations"/>,
/// which is then polled as the runtime polls it until the image is downloaded (the measured pipeline: network reads,
/// erase-ahead, write, read-back, MD5, checkSum, resume records, progress frames) and then until it has verified and
/// activated the image and asks for the reboot.
/// </summary>
public sealed class OtaRun
{
    /// <summary>Bytes per read of the fake network: one TCP segment's payload on Ethernet/Wi-Fi.</summary>
    public const int SegmentBytes = 1460;

    private const int SectorSize = 4096;
    private readonly byte[] _image;
    private readonly FileRequest _request;
    private readonly int _slotSize;

    /// <summary>Prepares upgrades to the given bundle (software 1.1.0.0, hardware 1.0).</summary>
    public OtaRun(byte[] image)
    {
        _image = image;
        _slotSize = (image.Length / SectorSize + 16) * SectorSize;
        var file = new Clife.Device.Protocol.FileInfo
        {
            FileType = Names.TypeFirm,
            DevNum = 0,
            Software = "1.1.0.0",
            Hardware = "1.0",
            Url = "http://ota.bench/app.bin",
            Md5 = Hex.Encode(Md5.Hash(image, 0, image.Length), 0, Md5.HashSize),
            CheckSum = CheckSum.Compute(image, 0, image.Length),
            HasCheckSum = true,
        };
        _request = new FileRequest
        {
            FileMode = Names.ModeDown,
            ProductVer = 2,
            Files = [file],
            StartTime = 0,
            StopTime = 600,
            HasStopTime = true,
        };
    }

    /// <summary>A bundle of the given size (one placeholder assembly), as the bundler makes them.</summary>
    public static byte[] Bundle(string software, int size)
    {
        byte[] probe = Build(software, 1);
        return Build(software, size - (probe.Length - 1));
    }

    /// <summary>Runs one upgrade and returns what it measured; throws when the firmware did not install the image.</summary>
    public OtaResult Run()
    {
        Device device = NewDevice();
        FileOperations ota = device.Firmware.Ota;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        ota.OnRequest(1, Profile.PrioMedium, _request);
        int polls = 0;
        while (device.Http.Last is not { Closed: true })
        {
            ota.Poll();
            polls++;
        }
        double store = clock.Elapsed.TotalSeconds;
        while (!device.System.RebootRequested)
        {
            ota.Poll();
            polls++;
        }
        double total = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Check(device);
        return new OtaResult(store, total, allocated, polls);
    }

    /// <summary>Bytes allocated by this many polls of the file operations of an idle device (no operation running).</summary>
    public long AllocatedByIdlePolls(int polls)
    {
        FileOperations ota = NewDevice().Firmware.Ota;
        ota.Poll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < polls; i++) ota.Poll();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private void Check(Device device)
    {
        BootRecord r = device.Firmware.Ota.Boot.Record;
        if (r.Active != 1 || r.State != BootRecord.Trial || r.Slots[1].Size != _image.Length)
            throw new InvalidOperationException("the firmware did not activate the image: " + string.Join(" / ", device.Firmware.Runtime.Log.Recent(5).Select(e => e.Text)));
        byte[] slot = new byte[_image.Length];
        device.Firmware.Ota.Boot.Slot(1).Read(0, slot, 0, slot.Length);
        if (!slot.AsSpan().SequenceEqual(_image)) throw new InvalidOperationException("slot B does not hold the image");
    }

    private Device NewDevice()
    {
        int fixedAreas = 2 * StorageLayout.ConfigCopyBytes + 2 * SectorSize + 2 * StorageLayout.ProfileCopyBytes + 2 * SectorSize;
        var layout = new StorageLayout(fixedAreas + 2 * _slotSize, SectorSize);
        var chip = new NorFlash(layout.TotalSize, SectorSize, 1);
        var areas = new IFlashArea[StorageLayout.AreaCount];
        for (int a = 0; a < areas.Length; a++) areas[a] = chip.Area(layout.OffsetOf(a), layout.SizeOf(a));
        if (layout.SlotSize < _image.Length) throw new InvalidOperationException("slot too small for the image");

        byte[] scratch = new byte[FileOperations.ChunkBytes];
        var boot = new BootManager(areas[StorageLayout.Boot], areas[StorageLayout.SlotA], areas[StorageLayout.SlotB]);
        boot.InstallFactoryImage(0, Bundle("1.0.0.0", 8 * 1024), scratch);
        BootDecision decision = boot.Boot(scratch);
        var http = new MemoryHttpClient(_image, SegmentBytes);
        var system = new HostSystem();
        var hal = new DeviceHal(new SystemClock(), new HostRandom(), new HostNetwork("02b0e0000001"), new OfflineMqttLink(), http,
                                new AesBlockCipherFactory(), system, areas[StorageLayout.Config]);
        var model = new DataModel([DataPoint.Bool("power", true, false)]);
        Firmware firmware = Firmware.Start(hal, areas, boot, decision, "1.0", model, new FirmwareParts());
        return new Device(firmware, http, system);
    }

    private static byte[] Build(string software, int assemblySize)
    {
        byte[] assembly = new byte[assemblySize];
        new Random(assemblySize).NextBytes(assembly);
        return Clife.Device.Ota.Bundle.Build(DeviceVersion.ParseSoftware(software), DeviceVersion.ParseHardware("1.0"), 2, "Clife.Device.Esp32.Program",
                                             ["Clife.Device.App.pe"], [assembly]);
    }

    private sealed record Device(Firmware Firmware, MemoryHttpClient Http, HostSystem System);
}

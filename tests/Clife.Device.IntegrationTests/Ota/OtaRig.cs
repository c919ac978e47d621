using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Clife.Device.Hal;
using Clife.Device.Host;
using Clife.Device.Host.Boards;
using Clife.Device.Host.Platform;
using Clife.Device.IntegrationTests.Infrastructure;
using Clife.Device.Ota;
using Clife.Device.Runtime;
using Clife.Simulator;
using Clife.Simulator.Devices;
using Clife.Simulator.Files;
using Xunit;
using Xunit.Abstractions;
using RuntimeState = Clife.Device.Runtime.DeviceState;

namespace Clife.Device.IntegrationTests.Ota;

/// <summary>How to set up an <see cref="OtaRig"/>.</summary>
public sealed record OtaRigOptions
{
    /// <summary>Hardware version of the board.</summary>
    public string Hardware { get; init; } = "1.0";
    /// <summary>Software version of the factory image.</summary>
    public string Software { get; init; } = "1.0.0.0";
    /// <summary>Sub-devices, or null for none.</summary>
    public SimulatedSubDevices? SubDevices { get; init; }
    /// <summary>Files the device can upload.</summary>
    public MemoryFileStore Files { get; init; } = MemoryFileStore.WithSamples();
    /// <summary>Applies downloaded profiles.</summary>
    public RecordingProfileHandler Profiles { get; init; } = new();
    /// <summary>Host names the device resolves to the simulator (like /etc/hosts entries).</summary>
    public string[] SimulatorHostNames { get; init; } = [];
}

/// <summary>
/// One OTA case's world: a platform simulator (embedded broker, file server) and a virtual device (board
/// esp32-devkitc, in-memory flash, a known factory image in slot A) registered and online, plus what the cases
/// assert: the 2018 events the platform received, and the boot record and slot bytes of the device.
/// </summary>
public sealed class OtaRig : IAsyncDisposable
{
    /// <summary>How long any single wait of a case may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Size of the factory image in slot A.</summary>
    public const int FactorySize = 5 * Clife.Device.Ota.FileOperations.ChunkBytes + 123;

    private readonly OutputSink _log;

    private OtaRig(OtaRigOptions options, PlatformSimulator sim, VirtualDevice device, byte[] factory, OutputSink log)
    {
        Options = options;
        Sim = sim;
        Device = device;
        FactoryImage = factory;
        _log = log;
    }

    /// <summary>How the rig was set up.</summary>
    public OtaRigOptions Options { get; }
    /// <summary>The platform.</summary>
    public PlatformSimulator Sim { get; }
    /// <summary>The device.</summary>
    public VirtualDevice Device { get; }
    /// <summary>The image flashed into slot A at the factory.</summary>
    public byte[] FactoryImage { get; }
    /// <summary>The devId the platform issued.</summary>
    public string DevId { get; private set; } = "";

    /// <summary>Starts the simulator and the device, and waits until the device is registered and online.</summary>
    public static async Task<OtaRig> StartAsync(ITestOutputHelper output, OtaRigOptions? options = null)
    {
        OtaRigOptions o = options ?? new OtaRigOptions();
        PlatformSimulator sim = await PlatformSimulator.StartNewAsync(new SimulatorOptions
        {
            Products = Infrastructure.Sim.Products,
            Log = TestLog.To(output),
            DefaultTimeout = Timeout,
        });
        var hosts = o.SimulatorHostNames.ToDictionary(h => h, _ => "127.0.0.1:" + sim.HttpPort);
        byte[] factory = OtaImages.Bundle(o.Software, o.Hardware, 1, FactorySize);
        var log = new OutputSink(output);
        var device = new VirtualDevice(new VirtualDeviceOptions
        {
            Board = BoardDescription.Find("esp32-devkitc"),
            Software = o.Software,
            Hardware = o.Hardware,
            FactoryImage = factory,
            SubDevices = o.SubDevices,
            Files = o.Files,
            Profiles = o.Profiles,
            HostOverrides = hosts,
            Log = log,
            PowerOffMs = 50,
        });
        var rig = new OtaRig(o, sim, device, factory, log);
        try
        {
            device.Start();
            device.Do(r =>
            {
                foreach ((string key, string value) in new[]
                         {
                             (ConfigKeys.Server, sim.BaseUrl), (ConfigKeys.AuthLevel, "1"), (ConfigKeys.ProductCode, Infrastructure.Sim.Product),
                             (ConfigKeys.DevKey, Infrastructure.Sim.DevKey),
                         })
                {
                    string? problem = r.SetConfig(key, value);
                    if (problem is not null) throw new InvalidOperationException($"config set {key}: {problem}");
                }
            });
            await rig.WaitConnectedAsync();
            rig.DevId = device.Get(r => r.Config.LoginDevId);
            await sim.WaitForOnlineAsync(rig.DevId, Timeout);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>The file operations of the current boot (read under the device's lock).</summary>
    public T Ota<T>(Func<Clife.Device.Ota.FileOperations, T> read) => Device.Get(_ => read(Device.Firmware.Ota));

    /// <summary>A copy of the boot record.</summary>
    public BootRecord Record => Ota(f => f.Boot.Record.Clone());

    /// <summary>The first bytes of a slot (0 = A, 1 = B).</summary>
    public byte[] SlotBytes(int slot, int length) => Ota(f =>
    {
        byte[] bytes = new byte[length];
        f.Boot.Slot(slot).Read(0, bytes, 0, length);
        return bytes;
    });

    /// <summary>Waits until the device reached Connected (after a boot).</summary>
    public Task WaitConnectedAsync() => WaitDeviceAsync(r => r.State == RuntimeState.Connected, "the device did not reach Connected");

    /// <summary>Waits until the device is connected and no file operation runs.</summary>
    public Task WaitIdleAsync() =>
        WaitDeviceAsync(r => r.State == RuntimeState.Connected && !Device.Firmware.Ota.Busy, "the device did not become idle and connected");

    /// <summary>Waits for a condition on the device's runtime (polled; the device may be rebooting meanwhile).</summary>
    public Task WaitDeviceAsync(Func<DeviceRuntime, bool> condition, string what) =>
        Poll.UntilAsync(() => TryGet(condition), Timeout, () => $"{what} within {Timeout.TotalSeconds} s; 2018 events: {string.Join(" ", AllEvents())}");

    /// <summary>
    /// A hosted file once the file server has logged this many requests for it (it logs a request when the response
    /// ends, which may be a moment after the device has all the bytes, or much later for a stalled one).
    /// </summary>
    public Task<HostedFileInfo> WaitForRequestsAsync(string file, int count) => Sim.Files.WaitForRequestsAsync(file, count, Timeout);

    /// <summary>Waits for the device's 2018 answering msgId with this respCode (and respCont, when given).</summary>
    public Task<FileEvent> WaitForEventAsync(long msgId, int respCode, string? respCont = null) =>
        Sim.WaitForFileEventAsync(DevId, e => e.MsgId == msgId && e.RespCode == respCode && (respCont is null || e.RespCont == respCont), Timeout);

    /// <summary>
    /// The lines the firmware's log wrote so far, all boots, as "uptime LEVEL text" (the host's own lines, such as
    /// flashing the factory image, left out).
    /// </summary>
    public string[] DeviceLogLines => _log.Lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+\.\d{3} [A-Z]+ ")).ToArray();

    /// <summary>Asserts that the device logged a line containing the text (in any boot).</summary>
    public void AssertLogged(string text) =>
        Assert.True(_log.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"the device never logged \"{text}\"");

    /// <summary>Every 2018 the platform received from the device, as {respCode,respCont}.</summary>
    public string[] AllEvents() => Sim.GetFileEvents(DevId).Select(Show).ToArray();

    /// <summary>The 2018s answering one request, as {respCode,respCont}.</summary>
    public string[] Events(long msgId) => Sim.GetFileEvents(DevId).Where(e => e.MsgId == msgId).Select(Show).ToArray();

    /// <summary>
    /// Asserts the exact sequence of 2018 frames the platform received from the device since it came online: every
    /// one of them, in order, and each answering <paramref name="msgId"/>.
    /// </summary>
    public void AssertSequence(long msgId, IEnumerable<string> expected)
    {
        IReadOnlyList<FileEvent> events = Sim.GetFileEvents(DevId);
        Assert.Equal(expected.ToArray(), events.Select(Show).ToArray());
        Assert.All(events, e => Assert.Equal(msgId, e.MsgId));
    }

    /// <summary>Asserts that slot A holds the factory image, active and confirmed, and that slot B holds nothing valid.</summary>
    public void AssertFactoryImageStillActive()
    {
        BootRecord r = Record;
        Assert.Equal(0, r.Active);
        Assert.Equal(BootRecord.Confirmed, r.State);
        Assert.True(r.Slots[0].Valid);
        Assert.Equal(OtaImages.Md5(FactoryImage), r.Slots[0].Md5);
        Assert.False(r.Slots[1].Valid, "slot B must not be bootable");
        Assert.Equal(FactoryImage, SlotBytes(0, FactoryImage.Length));
        Assert.Equal(r.Slots[0].Software, Device.Get(d => d.Identity.Software));
    }

    /// <summary>Asserts that a slot holds the image, is the active one and is confirmed (the upgrade is complete).</summary>
    public void AssertActiveImage(int slot, byte[] image, string software)
    {
        BootRecord r = Record;
        Assert.Equal(slot, r.Active);
        Assert.Equal(BootRecord.Confirmed, r.State);
        Assert.Equal(BootRecord.ReportNone, r.Report);
        SlotInfo info = r.Slots[slot];
        Assert.True(info.Valid);
        Assert.Equal(image.Length, info.Size);
        Assert.Equal(software, info.Software);
        Assert.Equal(OtaImages.Md5(image), info.Md5);
        Assert.Equal(image, SlotBytes(slot, image.Length));
        Assert.Equal(software, Device.Get(d => d.Identity.Software));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Device.Dispose();
        await Sim.DisposeAsync();
    }

    private bool TryGet(Func<DeviceRuntime, bool> condition)
    {
        try
        {
            return Device.Get(condition);
        }
        catch (InvalidOperationException)
        {
            // Between two boots (an image that failed to start) there is no runtime to ask.
            return false;
        }
    }

    private static string Show(FileEvent e) => "{" + e.RespCode + "," + e.RespCont + "}";

    /// <summary>The device's log lines into the test output (ignored once the test ended).</summary>
    private sealed class OutputSink(ITestOutputHelper output) : ILogSink
    {
        private readonly Action<string> _output = TestLog.To(output);

        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public void WriteLine(string line)
        {
            Lines.Enqueue(line);
            _output("device " + line);
        }
    }
}

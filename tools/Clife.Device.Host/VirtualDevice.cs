using System;
using System.Collections.Generic;
using System.Threading;
using Clife.Device.Hal;
using Clife.Device.Host.Boards;
using Clife.Device.Host.Console;
using Clife.Device.Host.Crypto;
using Clife.Device.Host.Flash;
using Clife.Device.Host.Http;
using Clife.Device.Host.Mqtt;
using Clife.Device.Host.Ota;
using Clife.Device.Host.Platform;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Simulation;
using Clife.Device.Storage;

namespace Clife.Device.Host;

/// <summary>Settings of a virtual device.</summary>
public sealed class VirtualDeviceOptions
{
    /// <summary>The board whose flash layout the device uses.</summary>
    public required BoardDescription Board { get; init; }

    /// <summary>File backing the flash image; null keeps it in memory (lost when the process ends).</summary>
    public string? FlashPath { get; init; }

    /// <summary>Seed of the flash simulator's partial writes at power cuts.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>MAC address (12 hex digits); identifies the device to the platform.</summary>
    public string Mac { get; init; } = "02c1f0000001";

    /// <summary>Software version of the factory image flashed into a blank device.</summary>
    public string Software { get; init; } = "1.0.0.0";

    /// <summary>Hardware version of the board.</summary>
    public string Hardware { get; init; } = "1.0";

    /// <summary>Overall product version of the factory image.</summary>
    public int ProductVer { get; init; } = 1;

    /// <summary>The image flashed into slot A of a blank device (default: a generated image of <see cref="Software"/>).</summary>
    public byte[]? FactoryImage { get; init; }

    /// <summary>Sub-devices (SUBFIRM targets); default: none.</summary>
    public SimulatedSubDevices? SubDevices { get; init; }

    /// <summary>Files to upload; default: a sample photo and data file.</summary>
    public MemoryFileStore Files { get; init; } = MemoryFileStore.WithSamples();

    /// <summary>Applies downloaded profiles.</summary>
    public RecordingProfileHandler Profiles { get; init; } = new();

    /// <summary>Builds the data model at every boot (default: <see cref="SampleModel"/>).</summary>
    public Func<DataModel> ModelFactory { get; init; } = SampleModel;

    /// <summary>
    /// Host names the device resolves to another endpoint, like /etc/hosts entries with a port (e.g. "clife.open.cn"
    /// → "127.0.0.1:8088"), so URLs naming the real platform reach a local simulator unchanged; default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? HostOverrides { get; init; }

    /// <summary>Serve the console on stdin/stdout.</summary>
    public bool ConsoleOnStdio { get; init; }

    /// <summary>Serve the console on this loopback TCP port (0 = a free port, null = no TCP console).</summary>
    public int? ConsoleTcpPort { get; init; }

    /// <summary>Echo typed characters (for an interactive terminal).</summary>
    public bool ConsoleEcho { get; init; }

    /// <summary>Receives every log line of every boot; may be null.</summary>
    public ILogSink? Log { get; init; }

    /// <summary>Pause between polls of the runtime.</summary>
    public int PollIntervalMs { get; init; } = 10;

    /// <summary>How long the power stays off after a simulated power cut.</summary>
    public int PowerOffMs { get; init; } = 200;

    /// <summary>The data points of the sample product: a lamp with a power switch, brightness, mode and a temperature sensor.</summary>
    public static DataModel SampleModel() => new(new[]
    {
        DataPoint.Bool("power", true, false),
        DataPoint.Int("brightness", 0, 100, true, 50),
        DataPoint.Str("mode", 16, true, "auto"),
        DataPoint.Int("temperature", -40, 125, false, 22),
    });
}

/// <summary>
/// The firmware's portable core running on host adapters: MQTTnet, HttpClient, .NET Aes, a NOR flash image laid out
/// from a board file, and a console on stdin and/or TCP. Like the ESP32's loader, each boot asks the boot manager which
/// slot to start (flashing a factory image into a blank device first), and takes the firmware's versions from that
/// image. It polls the runtime on its own thread, boots again when the firmware reboots, and survives simulated power
/// cuts (set <see cref="NorFlash.CutAtOperation"/> on <see cref="Flash"/>.Chip): the socket drops without DISCONNECT,
/// the power stays off briefly, then it boots again.
/// </summary>
/// <remarks>
/// The virtual device cannot run the .pe assemblies of an image, so two entry points stand for broken test images:
/// <see cref="CrashingEntryPoint"/> fails to start (the loader's start throws), and <see cref="NoNetworkEntryPoint"/>
/// starts but never gets a network (it can never reach Connected and confirm itself).
/// </remarks>
public sealed class VirtualDevice : IDisposable
{
    /// <summary>Entry point of a test image that fails to start.</summary>
    public const string CrashingEntryPoint = "Test.CrashOnStart";

    /// <summary>Entry point of a test image whose networking is broken.</summary>
    public const string NoNetworkEntryPoint = "Test.NoNetwork";

    /// <summary>Entry point of the generated application images.</summary>
    public const string AppEntryPoint = "Clife.Device.Esp32.Program";

    private readonly VirtualDeviceOptions _options;
    private readonly object _sync = new();
    private readonly SystemClock _clock = new();
    private readonly HostRandom _random = new();
    private readonly HostSystem _system = new();
    private readonly HostHttpClient _http;
    private readonly MqttNetLink _mqtt = new();
    private readonly ConsoleStreams _console = new();
    private readonly byte[] _scratch = new byte[FileOperations.ChunkBytes];
    private Thread? _thread;
    private volatile bool _running;
    private DeviceRuntime? _runtime;
    private Firmware? _firmware;

    /// <summary>Creates the device; <see cref="Start"/> boots it.</summary>
    public VirtualDevice(VirtualDeviceOptions options)
    {
        _options = options;
        _http = new HostHttpClient(options.HostOverrides);
        Network = new HostNetwork(options.Mac);
        Flash = FlashImage.Open(options.Board, options.FlashPath, options.Seed);
        if (options.ConsoleOnStdio) _console.AttachStdio();
        if (options.ConsoleTcpPort is int port) _console.ListenTcp(port);
    }

    /// <summary>The flash image (and its chip, for power cuts).</summary>
    public FlashImage Flash { get; }

    /// <summary>The simulated network (switch it off to test the device without one).</summary>
    public HostNetwork Network { get; }

    /// <summary>The MQTT link (to abort the connection as a crash would).</summary>
    public MqttNetLink Mqtt => _mqtt;

    /// <summary>The HTTP client (downloads and uploads of the firmware).</summary>
    public HostHttpClient Http => _http;

    /// <summary>The console transport (inject input, watch output).</summary>
    public ConsoleStreams ConsoleStream => _console;

    /// <summary>TCP port of the console, or 0.</summary>
    public int ConsolePort => _console.TcpPort;

    /// <summary>How many times the firmware booted (the first boot counts).</summary>
    public int Boots { get; private set; }

    /// <summary>How many simulated power cuts happened.</summary>
    public int PowerCuts { get; private set; }

    /// <summary>Boots whose image failed to start.</summary>
    public int FailedStarts { get; private set; }

    /// <summary>The firmware of the current boot (runtime, file operations, console).</summary>
    public Firmware Firmware => _firmware ?? throw new InvalidOperationException("the device has not booted");

    /// <summary>Builds an application image as the bundler would (compressed), with a placeholder assembly.</summary>
    public static byte[] BuildImage(string software, string hardware, int productVer, string entryPoint = AppEntryPoint, int size = 48 * 1024)
    {
        byte[] assembly = new byte[size];
        new Random(software.GetHashCode(StringComparison.Ordinal)).NextBytes(assembly);
        return BundleFactory.Build(software, hardware, productVer, entryPoint, new[] { "Clife.Device.App.pe" }, new[] { assembly });
    }

    /// <summary>Raised on the device thread when the power is cut.</summary>
    public event Action<VirtualDevice, string>? PowerLost;

    /// <summary>Boots the firmware and starts polling it on a background thread.</summary>
    public void Start()
    {
        lock (_sync) Boot();
        _running = true;
        _thread = new Thread(Loop) { IsBackground = true, Name = "virtual-device" };
        _thread.Start();
    }

    /// <summary>Stops polling. The MQTT connection is closed without DISCONNECT, as when the device is switched off.</summary>
    public void Stop()
    {
        _running = false;
        _thread?.Join(TimeSpan.FromSeconds(10));
        DropConnections();
    }

    /// <summary>Runs an action on the runtime between two polls (the runtime is single-threaded).</summary>
    public void Do(Action<DeviceRuntime> action)
    {
        lock (_sync) action(Runtime);
    }

    /// <summary>Reads something from the runtime between two polls.</summary>
    public T Get<T>(Func<DeviceRuntime, T> read)
    {
        lock (_sync) return read(Runtime);
    }

    /// <summary>The runtime of the current boot.</summary>
    public DeviceRuntime Runtime => _runtime ?? throw new InvalidOperationException("the device has not booted");

    /// <summary>State of the current boot.</summary>
    public int State => Get(r => r.State);

    /// <summary>Types a line on the console.</summary>
    public void Type(string line) => _console.Inject(System.Text.Encoding.UTF8.GetBytes(line + "\r\n"));

    /// <summary>Waits until a condition on the runtime holds; false on timeout.</summary>
    public bool WaitUntil(Func<DeviceRuntime, bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Get(condition)) return true;
            Thread.Sleep(20);
        }
        return Get(condition);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _mqtt.Dispose();
        _http.Dispose();
        _console.Dispose();
        Flash.Dispose();
    }

    private void Boot()
    {
        _system.RebootRequested = false;
        _runtime = null;
        _firmware = null;
        IFlashArea[] areas = new IFlashArea[StorageLayout.AreaCount];
        for (int a = 0; a < areas.Length; a++) areas[a] = Flash.Area(a);
        var boot = new BootManager(areas[StorageLayout.Boot], areas[StorageLayout.SlotA], areas[StorageLayout.SlotB]);
        BootDecision decision = boot.Boot(_scratch);
        if (decision.Slot == BootRecord.NoSlot)
        {
            // A blank (or wiped) device: flash the factory image into slot A, as flash.ps1 does on a board.
            byte[] factory = _options.FactoryImage ?? BuildImage(_options.Software, _options.Hardware, _options.ProductVer);
            boot.InstallFactoryImage(0, factory, _scratch);
            _options.Log?.WriteLine("flashed the factory image into slot A (" + decision.Note + ")");
            decision = boot.Boot(_scratch);
        }
        Boots++;
        string entry = decision.Header!.EntryPoint;
        string? startFailure = entry == CrashingEntryPoint ? "its entry point threw" : LoadAssemblies(boot.Slot(decision.Slot), decision.Header);
        if (startFailure is not null)
        {
            FailedStarts++;
            _options.Log?.WriteLine("loader: the image in slot " + BootRecord.SlotName(decision.Slot) + " failed to start (" + startFailure + "); rebooting");
            _system.RebootRequested = true;
            return;
        }
        Network.BrokenByImage = entry == NoNetworkEntryPoint;
        var hal = new DeviceHal(_clock, _random, Network, _mqtt, _http, new AesBlockCipherFactory(), _system, areas[StorageLayout.Config])
        {
            LogSink = _options.Log,
        };
        var parts = new FirmwareParts
        {
            Console = _console,
            Echo = _options.ConsoleEcho,
            SubDevices = _options.SubDevices,
            Files = _options.Files,
            Profiles = _options.Profiles,
        };
        _firmware = Firmware.Start(hal, areas, boot, decision, _options.Hardware, _options.ModelFactory(), parts);
        _runtime = _firmware.Runtime;
        if (_options.ConsoleOnStdio || _options.ConsoleTcpPort is not null) _firmware.Console!.Greet();
    }

    /// <summary>
    /// What the ESP32 loader does before Assembly.Load: expand every assembly of the image and check its CRC (the
    /// virtual device cannot run .pe files, so this is where its "load" can fail). Returns why it failed, or null.
    /// </summary>
    private static string? LoadAssemblies(IFlashArea slot, BundleHeader header)
    {
        var inflater = new Inflate();
        try
        {
            for (int i = 0; i < header.Names.Length; i++) Bundle.ReadAssembly(slot, header, i, inflater);
            return null;
        }
        catch (BundleException e)
        {
            return e.Message;
        }
    }

    private void Loop()
    {
        while (_running)
        {
            lock (_sync)
            {
                try
                {
                    _runtime?.Poll();
                    if (_system.RebootRequested)
                    {
                        DropConnections();
                        Boot();
                    }
                }
                catch (PowerCutException e)
                {
                    PowerCut(e.Message);
                }
            }
            Thread.Sleep(_options.PollIntervalMs);
        }
    }

    /// <summary>What a reset does to the network: the MQTT socket and every open HTTP transfer close without a goodbye.</summary>
    private void DropConnections()
    {
        _mqtt.Abort();
        _http.AbortTransfers();
    }

    private void PowerCut(string what)
    {
        PowerCuts++;
        DropConnections();
        PowerLost?.Invoke(this, what);
        Thread.Sleep(_options.PowerOffMs);
        Flash.Chip.PowerOn();
        Boot();
    }
}

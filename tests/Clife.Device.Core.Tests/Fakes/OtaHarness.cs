using System.Collections;
using Clife.Device.Hal;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Simulation;
using Clife.Device.Storage;
using Clife.Device.Tests.Ota;

namespace Clife.Device.Tests
{
    /// <summary>A condition a test waits for.</summary>
    public delegate bool Condition();

    /// <summary>
    /// A whole device booted the way the ESP32 loader and the virtual device boot it, on fakes, for the OTA tests: the
    /// boot manager over the storage areas of a NOR flash (the factory image goes into slot A when the flash is blank),
    /// then <see cref="Firmware.Start"/> with the runtime, the console, the file operations, sub-devices, a file store
    /// and a profile handler. When the firmware reboots, the harness boots again from the same flash; when a flash
    /// operation hits the power cut (<see cref="NorFlash.CutAtOperation"/>), the <see cref="PowerCutException"/> that
    /// escapes the poll is the power going off, and the harness powers the flash on and boots again.
    /// </summary>
    /// <remarks>
    /// Every boot is checked: the image started must be byte for byte one of the images the test built (never a mix of
    /// two), and the boot record must describe it. Like the virtual device, two entry points stand for broken images:
    /// <see cref="TestImages.NoNetworkEntryPoint"/> starts without a network, <see cref="TestImages.CrashingEntryPoint"/>
    /// fails to start (the loader reboots at the next poll).
    /// </remarks>
    public sealed class OtaHarness
    {
        /// <summary>Storage size by default: slots of 72 KiB.</summary>
        public const int DefaultStorageSize = 0x30000;
        /// <summary>Sector size.</summary>
        public const int SectorSize = 0x1000;
        /// <summary>Poll step of the Run methods, in ms.</summary>
        public const int Step = 100;
        /// <summary>Software version of the factory image.</summary>
        public const string FactorySoftware = "1.0.0.0";
        /// <summary>productVer of the factory image.</summary>
        public const int FactoryProductVer = 1;
        /// <summary>Size of the factory image.</summary>
        public const int FactoryImageBytes = 20000;
        /// <summary>Where the fake platform's file server lives.</summary>
        public const string FileHost = "http://files.local/";
        /// <summary>Platform time at monotonic time 0 (the platform's clock runs with the fake clock).</summary>
        public const long PlatformEpochMs = 1700000000000;
        /// <summary>Window (stopTime) of the requests the helpers send, in seconds.</summary>
        public const int DefaultStopTime = 3600;

        private readonly byte[] _scratch = new byte[FileOperations.ChunkBytes];
        private readonly ArrayList _known = new ArrayList();
        private Firmware? _firmware;

        /// <summary>Creates the fakes with the default storage; <see cref="Start"/> boots the device.</summary>
        public OtaHarness() : this(DefaultStorageSize) { }

        /// <summary>Creates the fakes with storage of the given size; <see cref="Start"/> boots the device.</summary>
        public OtaHarness(int storageSize)
        {
            Clock = new FakeClock(1000, 1600000000000);
            Random = new FakeRandom(42);
            Network = new FakeNetwork();
            Mqtt = new FakeMqttLink();
            Platform = new FakePlatform(Mqtt);
            Platform.PlatformTime = PlatformEpochMs + Clock.NowMs;
            Http = new RecordingHttp(Platform);
            System = new FakeSystem();
            Flash = new NorFlash(storageSize, SectorSize, 7);
            Layout = new StorageLayout(storageSize, SectorSize);
            Areas = new IFlashArea[StorageLayout.AreaCount];
            for (int a = 0; a < Areas.Length; a++) Areas[a] = Flash.Area(Layout.OffsetOf(a), Layout.SizeOf(a));
            Factory = TestImages.Build(FactorySoftware, FactoryProductVer, FactoryImageBytes);
        }

        /// <summary>A provisioned device with the factory image, booted and Connected.</summary>
        public static OtaHarness Online()
        {
            OtaHarness h = new OtaHarness();
            h.Start();
            return h;
        }

        // ---- The fakes ----

        /// <summary>Time.</summary>
        public FakeClock Clock { get; }
        /// <summary>Randomness.</summary>
        public FakeRandom Random { get; }
        /// <summary>Network.</summary>
        public FakeNetwork Network { get; }
        /// <summary>MQTT link.</summary>
        public FakeMqttLink Mqtt { get; }
        /// <summary>The platform (register endpoint, MQTT peer, file server).</summary>
        public FakePlatform Platform { get; }
        /// <summary>The device's HTTP client (the platform, with every download read recorded).</summary>
        public RecordingHttp Http { get; }
        /// <summary>Reboots.</summary>
        public FakeSystem System { get; }
        /// <summary>The flash chip.</summary>
        public NorFlash Flash { get; }
        /// <summary>Storage layout.</summary>
        public StorageLayout Layout { get; }
        /// <summary>The flash areas by <see cref="StorageLayout"/> id.</summary>
        public IFlashArea[] Areas { get; }
        /// <summary>Sub-devices (add them before <see cref="Start"/>).</summary>
        public readonly FakeSubDevices SubDevices = new FakeSubDevices();
        /// <summary>Files to upload.</summary>
        public readonly FakeFileStore Files = new FakeFileStore();
        /// <summary>Profile handler.</summary>
        public readonly FakeProfileHandler Profiles = new FakeProfileHandler();
        /// <summary>Every log line of every boot.</summary>
        public readonly LogCollector LogLines = new LogCollector();
        /// <summary>One line per boot: "A 1.0.0.0", "B 1.0.1.0 trial", "none".</summary>
        public readonly ArrayList BootLog = new ArrayList();

        /// <summary>The image flashed into slot A of the blank device (set before <see cref="Start"/>).</summary>
        public byte[] Factory { get; set; }

        // ---- The current boot ----

        /// <summary>The boot manager of the current boot.</summary>
        public BootManager Manager { get; private set; } = null!;
        /// <summary>What the boot manager decided at the current boot.</summary>
        public BootDecision Decision { get; private set; } = null!;
        /// <summary>The firmware of the current boot (null while a crashing image "runs").</summary>
        public Firmware? Firmware => _firmware;
        /// <summary>The runtime of the current boot.</summary>
        public DeviceRuntime Device => _firmware!.Runtime;
        /// <summary>The file operations of the current boot.</summary>
        public FileOperations Ota => _firmware!.Ota;
        /// <summary>The console's transport of the current boot.</summary>
        public FakeConsoleStream ConsoleStream { get; private set; } = new FakeConsoleStream();
        /// <summary>The boot record as the boot manager last saw it.</summary>
        public BootRecord Record => Manager.Record;

        // ---- Counters ----

        /// <summary>Boots (each power-on or reboot that reached the boot manager).</summary>
        public int Boots { get; private set; }
        /// <summary>Boots that found no valid image (the factory image was then flashed).</summary>
        public int BlankBoots { get; private set; }
        /// <summary>Reboots the firmware asked for.</summary>
        public int Reboots { get; private set; }
        /// <summary>Power cuts that happened.</summary>
        public int PowerCuts { get; private set; }
        /// <summary>Power cuts that hit a new image running on trial, before its confirmation was saved (the next boot rolls it back).</summary>
        public int CutsDuringTrial { get; private set; }
        /// <summary>Boots whose image failed to start.</summary>
        public int FailedStarts { get; private set; }

        // ---- Life cycle ----

        /// <summary>Boots the blank device (flashing the factory image), provisions it over its configuration and waits until it is Connected.</summary>
        public void Start()
        {
            Know(Factory);
            Boot();
            Check.Null(Device.SetConfig(ConfigKeys.Server, DeviceHarness.Server), "server");
            Check.Null(Device.SetConfig(ConfigKeys.ProductCode, DeviceHarness.ProductCode), "productCode");
            Check.Null(Device.SetConfig(ConfigKeys.DevKey, DeviceHarness.DevKeyHex), "devKey");
            Check.Null(Device.SetConfig(ConfigKeys.WifiSsid, "shop-floor"), "wifiSsid");
            Check.Null(Device.SetConfig(ConfigKeys.WifiPassword, "wifi-pass-123"), "wifiPassword");
            RunUntilConnected(10000);
        }

        /// <summary>Powers on and boots from flash, as often as power cuts during the boot itself require.</summary>
        public void Boot()
        {
            while (true)
            {
                try
                {
                    BootOnce();
                    return;
                }
                catch (PowerCutException)
                {
                    PowerLost();
                }
            }
        }

        /// <summary>Polls the firmware once: reboots when it asked to, boots again after a power cut.</summary>
        public void Poll()
        {
            if (_firmware == null)
            {
                // The image failed to start: the loader (or the watchdog) reboots.
                Boot();
                return;
            }
            int reboots = System.Reboots;
            try
            {
                _firmware.Runtime.Poll();
            }
            catch (PowerCutException)
            {
                PowerLost();
                Boot();
                return;
            }
            if (System.Reboots != reboots)
            {
                Reboots++;
                Boot();
            }
        }

        /// <summary>Advances time by one step, moves the platform's clock with it, and polls.</summary>
        public void StepOnce() => Advance(Step);

        /// <summary>Runs for the given time in steps.</summary>
        public void Run(long milliseconds) => Run(milliseconds, Step);

        /// <summary>Runs for the given time in steps of the given size (for long idle stretches).</summary>
        public void Run(long milliseconds, int stepMs)
        {
            for (long t = 0; t < milliseconds; t += stepMs) Advance(stepMs);
        }

        /// <summary>Types a console line, polls once, and returns what the console printed.</summary>
        public string Type(string line)
        {
            FakeConsoleStream console = ConsoleStream; // a reboot during the step starts a new console
            console.TakeOutput();
            console.Type(line + "\r\n");
            StepOnce();
            return console.TakeOutput();
        }

        /// <summary>Runs until the condition holds (checked before each step); fails after maxMs of fake time.</summary>
        public void RunUntil(Condition condition, long maxMs, string what)
        {
            for (long t = 0; t <= maxMs; t += Step)
            {
                if (condition()) return;
                StepOnce();
            }
            if (condition()) return;
            Check.Fail("not within " + maxMs.ToString() + " ms: " + what + " (device " + (_firmware == null ? "not running" : Device.StateName + ": " + Device.Reason)
                       + "; activity: " + (_firmware == null ? "" : Ota.Activity) + ")");
        }

        /// <summary>Runs until the current boot's runtime is Connected.</summary>
        public void RunUntilConnected(long maxMs) =>
            RunUntil(delegate { return _firmware != null && _firmware.Runtime.State == DeviceState.Connected; }, maxMs, "Connected");

        /// <summary>Runs one step (so a request just sent is taken), then until no file operation is in progress.</summary>
        public void RunUntilIdle(long maxMs)
        {
            StepOnce();
            RunUntil(delegate { return _firmware != null && !_firmware.Ota.Busy; }, maxMs, "file operation done");
        }

        /// <summary>Reboots as the firmware would (console, watchdog): the runtime stops and the device boots again.</summary>
        public void Reboot()
        {
            Device.Reboot();
            Reboots++;
            Boot();
        }

        /// <summary>Cuts the power now (between two polls) and boots again.</summary>
        public void CutPower()
        {
            PowerLost();
            Boot();
        }

        // ---- Images and requests ----

        /// <summary>Remembers an image as one the device may legitimately boot.</summary>
        public void Know(byte[] image)
        {
            if (!_known.Contains(image)) _known.Add(image);
        }

        /// <summary>Builds an image bundle of a version and size, remembered as bootable.</summary>
        public byte[] NewImage(string software, int productVer, int totalBytes)
        {
            byte[] image = TestImages.Build(software, productVer, totalBytes);
            Know(image);
            return image;
        }

        /// <summary>Hosts bytes on the platform's file server; returns the URL.</summary>
        public string Host(string name, byte[] content)
        {
            string url = FileHost + name;
            Platform.Files.Add(url, content);
            return url;
        }

        /// <summary>Sends a 2019 with the given data; returns its msgId.</summary>
        public long SendFile(string dataJson) => Platform.Send(Cmd.File, dataJson);

        /// <summary>Sends a 2019 with a chosen msgId (the platform retrying a request).</summary>
        public void SendFile(long msgId, string dataJson) =>
            Platform.SendRaw("{\"cmd\":" + Cmd.File.ToString() + ",\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":" + msgId.ToString()
                             + ",\"timestamp\":" + Platform.PlatformTime.ToString() + ",\"data\":" + dataJson + "}");

        /// <summary>The data of a DOWN of one entry, from now until <see cref="DefaultStopTime"/>.</summary>
        public static string Down(int productVer, FileEntry entry) =>
            FileEntry.Request(Names.ModeDown, productVer, new FileEntry[] { entry }, 0, DefaultStopTime);

        /// <summary>The data of the FIRM upgrade to an image hosted at a URL.</summary>
        public static string FirmDown(string url, byte[] image)
        {
            BundleHeader h = BundleHeader.Parse(image, 0, image.Length);
            return Down(h.ProductVer, FileEntry.Firm(url, image, h.Software.ToString()));
        }

        /// <summary>Hosts the image and sends the FIRM upgrade to it; returns the msgId.</summary>
        public long Upgrade(byte[] image)
        {
            BundleHeader h = BundleHeader.Parse(image, 0, image.Length);
            Know(image);
            return SendFile(FirmDown(Host("firmware-" + h.Software.ToString() + ".bin", image), image));
        }

        // ---- What the platform saw ----

        /// <summary>
        /// The 2018 events the platform received for a msgId, in order, as "{respCode,respCont}" separated by spaces
        /// (for example "{1,1} {1,10} {1,100} {0,1}").
        /// </summary>
        public string Events(long msgId)
        {
            string result = "";
            for (int i = 0; i < Platform.Frames.Count; i++)
            {
                DeviceFrame f = (DeviceFrame)Platform.Frames[i]!;
                if (f.Cmd != Cmd.FileReply || f.MsgId != msgId) continue;
                FileReply r = FileReply.Read(f.Data());
                result += (result.Length > 0 ? " " : "") + "{" + r.RespCode.ToString() + "," + r.RespCont + "}";
            }
            return result;
        }

        /// <summary>The last 2018 of a msgId with the given respCode, or null.</summary>
        public FileReply? LastReply(long msgId, int respCode)
        {
            FileReply? found = null;
            for (int i = 0; i < Platform.Frames.Count; i++)
            {
                DeviceFrame f = (DeviceFrame)Platform.Frames[i]!;
                if (f.Cmd != Cmd.FileReply || f.MsgId != msgId) continue;
                FileReply r = FileReply.Read(f.Data());
                if (r.RespCode == respCode) found = r;
            }
            return found;
        }

        /// <summary>How many 2018 events (of any msgId) had this respCode and respCont.</summary>
        public int CountEvents(int respCode, string respCont)
        {
            int n = 0;
            for (int i = 0; i < Platform.Frames.Count; i++)
            {
                DeviceFrame f = (DeviceFrame)Platform.Frames[i]!;
                if (f.Cmd != Cmd.FileReply) continue;
                FileReply r = FileReply.Read(f.Data());
                if (r.RespCode == respCode && r.RespCont == respCont) n++;
            }
            return n;
        }

        /// <summary>The boots so far, as <see cref="BootLog"/> lines separated by "|".</summary>
        public string BootHistory()
        {
            string result = "";
            for (int i = 0; i < BootLog.Count; i++) result += (i > 0 ? "|" : "") + (string)BootLog[i]!;
            return result;
        }

        /// <summary>The GET requests the file server got, as "url range-start" separated by " | ".</summary>
        public string Requests()
        {
            string result = "";
            for (int i = 0; i < Platform.Files.Requests.Count; i++) result += (i > 0 ? " | " : "") + (string)Platform.Files.Requests[i]!;
            return result;
        }

        /// <summary>The first <paramref name="length"/> bytes of a slot (of the current boot's boot manager).</summary>
        public byte[] SlotBytes(int slot, int length)
        {
            byte[] bytes = new byte[length];
            Manager.Slot(slot).Read(0, bytes, 0, length);
            return bytes;
        }

        /// <summary>Fails unless the slot holds exactly the image and the boot record describes it as valid.</summary>
        public void ExpectSlotHolds(int slot, byte[] image, string what)
        {
            Check.Bytes(image, SlotBytes(slot, image.Length), what + ": bytes of slot " + BootRecord.SlotName(slot));
            BundleHeader h = BundleHeader.Parse(image, 0, image.Length);
            SlotInfo s = Record.Slots[slot];
            Check.True(s.Valid, what + ": slot " + BootRecord.SlotName(slot) + " is valid in the boot record");
            Check.Equal(h.Software.ToString(), s.Software, what + ": software of slot " + BootRecord.SlotName(slot));
            Check.Equal(image.Length, s.Size, what + ": size of slot " + BootRecord.SlotName(slot));
            Check.Equal(TestImages.Md5Hex(image), s.Md5, what + ": md5 of slot " + BootRecord.SlotName(slot));
        }

        /// <summary>Fails unless the image in the slot is the active, confirmed image that runs now.</summary>
        public void ExpectRunning(int slot, byte[] image, string what)
        {
            ExpectSlotHolds(slot, image, what);
            BundleHeader h = BundleHeader.Parse(image, 0, image.Length);
            Check.Equal(slot, Record.Active, what + ": active slot");
            Check.Equal(BootRecord.Confirmed, Record.State, what + ": confirmed");
            Check.Equal(slot, Decision.Slot, what + ": booted slot");
            Check.Equal(h.Software.ToString(), Device.Identity.Software, what + ": running software");
            Check.Equal(h.ProductVer, Device.Identity.ProductVer, what + ": running productVer");
        }

        // ---- Internals ----

        /// <summary>Advances time, moves the platform's clock with it, and polls.</summary>
        private void Advance(int milliseconds)
        {
            Clock.Advance(milliseconds);
            Platform.PlatformTime = PlatformEpochMs + Clock.NowMs;
            Poll();
        }

        private void PowerLost()
        {
            PowerCuts++;
            if (_firmware != null && Decision.Trial && Manager.InTrial && Manager.Record.Active == Decision.Slot) CutsDuringTrial++;
            _firmware = null;
            Mqtt.Drop("power lost");
            Flash.PowerOn();
        }

        private void BootOnce()
        {
            _firmware = null;
            Boots++;
            Manager = new BootManager(Areas[StorageLayout.Boot], Areas[StorageLayout.SlotA], Areas[StorageLayout.SlotB]);
            BootDecision decision = Manager.Boot(_scratch);
            if (decision.Slot == BootRecord.NoSlot)
            {
                // A blank (or wiped) device: flash the factory image into slot A, as flash.ps1 does on a board.
                BlankBoots++;
                Manager.InstallFactoryImage(0, Factory, _scratch);
                decision = Manager.Boot(_scratch);
            }
            Decision = decision;
            BootLog.Add(decision.Slot == BootRecord.NoSlot ? "none"
                        : BootRecord.SlotName(decision.Slot) + " " + decision.Header!.Software.ToString() + (decision.Trial ? " trial" : ""));
            CheckBoot(decision);
            string entry = decision.Header!.EntryPoint;
            if (entry == TestImages.CrashingEntryPoint)
            {
                FailedStarts++;
                return;
            }
            Network.Available = entry != TestImages.NoNetworkEntryPoint;
            DeviceHal hal = new DeviceHal(Clock, Random, Network, Mqtt, Http, new TestCipherFactory(), System, Areas[StorageLayout.Config]);
            hal.LogSink = LogLines;
            FirmwareParts parts = new FirmwareParts();
            ConsoleStream = new FakeConsoleStream();
            parts.Console = ConsoleStream;
            parts.SubDevices = SubDevices;
            parts.Files = Files;
            parts.Profiles = Profiles;
            _firmware = Clife.Device.Ota.Firmware.Start(hal, Areas, Manager, decision, TestImages.Hardware, DeviceHarness.NewModel(), parts);
        }

        /// <summary>The booted image must be one the test built, whole, and the boot record must describe it.</summary>
        private void CheckBoot(BootDecision decision)
        {
            string where = "boot " + Boots.ToString() + " (slot " + BootRecord.SlotName(decision.Slot) + ")";
            Check.True(decision.Slot != BootRecord.NoSlot, where + ": no bootable image after the factory image was flashed");
            int length = decision.Header!.TotalLength;
            byte[] stored = SlotBytes(decision.Slot, length);
            byte[]? image = null;
            for (int i = 0; i < _known.Count && image == null; i++)
            {
                byte[] candidate = (byte[])_known[i]!;
                if (candidate.Length == length && Same(candidate, stored)) image = candidate;
            }
            if (image == null) Check.Fail(where + ": the slot holds " + length.ToString() + " bytes that are no image the test built (a mix of two?)");
            SlotInfo s = Manager.Record.Slots[decision.Slot];
            Check.Equal(decision.Slot, Manager.Record.Active, where + ": the boot record's active slot");
            Check.True(s.Valid, where + ": valid in the boot record");
            Check.Equal(decision.Header.Software.ToString(), s.Software, where + ": software in the boot record");
            Check.Equal(TestImages.Md5Hex(image!), s.Md5, where + ": md5 in the boot record");
        }

        private static bool Same(byte[] a, byte[] b)
        {
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }
    }
}

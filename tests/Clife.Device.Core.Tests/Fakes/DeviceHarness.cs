using System.Collections;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Shell;
using Clife.Device.Simulation;
using Clife.Device.Storage;

namespace Clife.Device.Tests
{
    /// <summary>
    /// A whole device on fakes for the portable runtime tests: NOR flash laid out like a board's storage, a fake
    /// clock, network, MQTT link and platform, the runtime and its console. <see cref="Boot"/> again to reboot from
    /// the same flash.
    /// </summary>
    public sealed class DeviceHarness
    {
        /// <summary>The product's devKey used by default (32 hex digits).</summary>
        public const string DevKeyHex = "00112233445566778899aabbccddeeff";
        /// <summary>Product code used by default.</summary>
        public const string ProductCode = "P-TEST";
        /// <summary>Server URL used by default.</summary>
        public const string Server = "http://platform.local";
        /// <summary>Storage size (like the ESP32-DevKitC's usable storage).</summary>
        public const int StorageSize = 0x30000;
        /// <summary>Sector size.</summary>
        public const int SectorSize = 0x1000;
        /// <summary>Poll step of <see cref="Run"/>, in ms.</summary>
        public const int Step = 100;

        /// <summary>Creates the fakes; provisioned devices get server, product code and devKey in flash.</summary>
        public DeviceHarness(bool provision)
        {
            Clock = new FakeClock(1000, 1600000000000);
            Random = new FakeRandom(42);
            Network = new FakeNetwork();
            Mqtt = new FakeMqttLink();
            Platform = new FakePlatform(Mqtt);
            System = new FakeSystem();
            Flash = new NorFlash(StorageSize, SectorSize, 7);
            Layout = new StorageLayout(StorageSize, SectorSize);
            ConfigFlash = new WornFlashArea(Flash.Area(Layout.OffsetOf(StorageLayout.Config), Layout.SizeOf(StorageLayout.Config)));
            Boot();
            if (provision)
            {
                Check.Null(Device.SetConfig(ConfigKeys.Server, Server), "server");
                Check.Null(Device.SetConfig(ConfigKeys.ProductCode, ProductCode), "productCode");
                Check.Null(Device.SetConfig(ConfigKeys.DevKey, DevKeyHex), "devKey");
                Check.Null(Device.SetConfig(ConfigKeys.WifiSsid, "shop-floor"), "wifiSsid");
                Check.Null(Device.SetConfig(ConfigKeys.WifiPassword, "wifi-pass-123"), "wifiPassword");
            }
        }

        /// <summary>Time.</summary>
        public FakeClock Clock { get; }
        /// <summary>Randomness.</summary>
        public FakeRandom Random { get; }
        /// <summary>Network.</summary>
        public FakeNetwork Network { get; }
        /// <summary>MQTT link.</summary>
        public FakeMqttLink Mqtt { get; }
        /// <summary>Platform (HTTP and MQTT peer).</summary>
        public FakePlatform Platform { get; }
        /// <summary>Reboot and memory.</summary>
        public FakeSystem System { get; }
        /// <summary>The flash chip.</summary>
        public NorFlash Flash { get; }
        /// <summary>The configuration record's area of <see cref="Flash"/>, which a test can wear out.</summary>
        public WornFlashArea ConfigFlash { get; }
        /// <summary>Storage layout.</summary>
        public StorageLayout Layout { get; }
        /// <summary>The data model of the current boot.</summary>
        public DataModel Model { get; private set; } = NewModel();
        /// <summary>The runtime of the current boot.</summary>
        public DeviceRuntime Device { get; private set; } = null!;
        /// <summary>Console input and output of the current boot.</summary>
        public FakeConsoleStream ConsoleStream { get; private set; } = null!;
        /// <summary>The console of the current boot.</summary>
        public ServiceConsole Console { get; private set; } = null!;
        /// <summary>Lines the runtime logged, across boots.</summary>
        public readonly LogCollector LogLines = new LogCollector();

        /// <summary>(Re)starts the device from flash, like a power-on.</summary>
        public void Boot()
        {
            Model = NewModel();
            DeviceHal hal = new DeviceHal(Clock, Random, Network, Mqtt, Platform, new TestCipherFactory(), System, ConfigFlash);
            hal.LogSink = LogLines;
            Device = new DeviceRuntime(hal, new DeviceIdentity("1.0.0.0", "1.0", 1), Model);
            ConsoleStream = new FakeConsoleStream();
            Console = new ServiceConsole(Device, ConsoleStream, false);
            Device.Console = Console;
            Device.Start();
        }

        /// <summary>Advances time in steps of <see cref="Step"/> ms, polling after each.</summary>
        public void Run(long milliseconds)
        {
            for (long t = 0; t < milliseconds; t += Step)
            {
                Clock.Advance(Step);
                Device.Poll();
            }
        }

        /// <summary>Polls until the device is in a state, failing after maxMs of fake time.</summary>
        public void RunUntil(int state, long maxMs)
        {
            for (long t = 0; t <= maxMs; t += Step)
            {
                Device.Poll();
                if (Device.State == state) return;
                Clock.Advance(Step);
            }
            Check.Fail("device did not reach " + DeviceState.Name(state) + " within " + maxMs.ToString() + " ms; it is "
                       + Device.StateName + " (" + Device.Reason + ")");
        }

        /// <summary>Runs until the device is online (registering first when it has no login).</summary>
        public void RunUntilConnected() => RunUntil(DeviceState.Connected, 10000);

        /// <summary>
        /// Advances time by <paramref name="milliseconds"/> in steps of <paramref name="step"/> ms, polling after each,
        /// and returns the times (monotonic ms) at which <paramref name="counter"/> went up: when attempts happened.
        /// </summary>
        public long[] TimesOf(Counter counter, long milliseconds, int step)
        {
            ArrayList times = new ArrayList();
            int last = counter();
            for (long t = 0; t < milliseconds; t += step)
            {
                Clock.Advance(step);
                Device.Poll();
                int now = counter();
                for (; last < now; last++) times.Add(Clock.NowMs);
            }
            long[] result = new long[times.Count];
            for (int i = 0; i < result.Length; i++) result[i] = (long)times[i]!;
            return result;
        }

        /// <summary>Types a console line (CR LF appended), polls until the console read it all, and returns what it printed.</summary>
        public string Type(string line) => TypeBytes(Clife.Device.Text.Utf8.GetBytes(line + "\r\n"));

        /// <summary>Types raw bytes, polls until the console read them all, and returns what it printed.</summary>
        /// <remarks>The console reads a bounded chunk per poll, so a long paste takes several polls.</remarks>
        public string TypeBytes(byte[] bytes)
        {
            ConsoleStream.TakeOutput();
            ConsoleStream.TypeBytes(bytes);
            for (int polls = 0; polls < 10000; polls++)
            {
                Device.Poll();
                if (ConsoleStream.Pending == 0 || Device.State == DeviceState.Stopped) break;
            }
            return ConsoleStream.TakeOutput();
        }

        /// <summary>The data model of the test device: power, brightness, mode, and a read-only temperature.</summary>
        public static DataModel NewModel() => new DataModel(new DataPoint[]
        {
            DataPoint.Bool("power", true, false),
            DataPoint.Int("brightness", 0, 100, true, 50),
            DataPoint.Str("mode", 8, true, "auto"),
            DataPoint.Int("temperature", -40, 125, false, 21),
        });
    }

    /// <summary>A number a test watches, such as the count of registration attempts.</summary>
    public delegate int Counter();

    /// <summary>Counts the controls the application was told about, and remembers the points of the last one.</summary>
    public sealed class CountingListener : IDataModelListener
    {
        /// <summary>Controls applied.</summary>
        public int Calls;
        /// <summary>Points of the last control, separated by commas.</summary>
        public string LastPoints = "";

        /// <inheritdoc/>
        public void OnControlled(DataModel model, string[] changedPoints)
        {
            Calls++;
            LastPoints = "";
            for (int i = 0; i < changedPoints.Length; i++) LastPoints += (i > 0 ? "," : "") + changedPoints[i];
        }
    }

    /// <summary>Keeps every log line, to check what was (and was not) logged.</summary>
    public sealed class LogCollector : Clife.Device.Hal.ILogSink
    {
        /// <summary>All lines joined with newlines.</summary>
        public string All = "";

        /// <inheritdoc/>
        public void WriteLine(string line) => All += line + "\n";
    }
}

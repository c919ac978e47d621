using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.Hal;
using Clife.Device.Host;
using Clife.Device.Host.Boards;
using Clife.Device.Host.Console;
using Clife.Device.Runtime;
using Clife.Device.Shell;
using Clife.Simulator;
using Xunit;
using Xunit.Abstractions;
using RuntimeState = Clife.Device.Runtime.DeviceState;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="VirtualDevice"/> (board esp32-devkitc, flash in memory, a unique MAC) for end-to-end tests: its log
/// goes to the test output, its console can be typed on and read back, and every wait is asynchronous and bounded
/// (a timeout says what the device was doing).
/// </summary>
public sealed class DeviceUnderTest : IDisposable
{
    /// <summary>How long one step may take unless a test says otherwise.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    private static int _macCounter;
    private readonly ConsoleTranscript _console;

    private DeviceUnderTest(ITestOutputHelper output, Func<DataModel>? model)
    {
        Mac = "02c1e0" + Interlocked.Increment(ref _macCounter).ToString("x6");
        Device = new VirtualDevice(new VirtualDeviceOptions
        {
            Board = BoardDescription.Find("esp32-devkitc"),
            Mac = Mac,
            Log = new OutputSink(TestLog.To(output, "device " + Mac[^4..] + " ")),
            PollIntervalMs = 2,
            ModelFactory = model ?? VirtualDeviceOptions.SampleModel,
        });
        _console = new ConsoleTranscript(Device.ConsoleStream);
    }

    /// <summary>The virtual device.</summary>
    public VirtualDevice Device { get; }

    /// <summary>Its MAC address (unique in the test run).</summary>
    public string Mac { get; }

    /// <summary>The devId the platform issued (empty before registration).</summary>
    public string DevId => Device.Get(r => r.Config.LoginDevId);

    /// <summary>Everything the console printed so far.</summary>
    public string ConsoleOutput => _console.Text;

    /// <summary>Creates and boots a blank device (no configuration).</summary>
    public static DeviceUnderTest Start(ITestOutputHelper output, Func<DataModel>? model = null)
    {
        var device = new DeviceUnderTest(output, model);
        device.Device.Start();
        return device;
    }

    /// <summary>
    /// Configures everything registration needs in one step (so the device never registers half-configured):
    /// the server, authLevel 2, the standard product and its devKey, Wi-Fi, and the CA when given.
    /// </summary>
    public void Provision(string serverUrl, string? caPem = null)
    {
        var settings = new List<(string Key, string Value)>
        {
            (ConfigKeys.Server, serverUrl), (ConfigKeys.AuthLevel, "2"), (ConfigKeys.ProductCode, Sim.Product),
            (ConfigKeys.DevKey, Sim.DevKey), (ConfigKeys.WifiSsid, "test-lab"), (ConfigKeys.WifiPassword, "lab-pass-2026"),
        };
        if (caPem is not null) settings.Add((ConfigKeys.Ca, caPem));
        Device.Do(r =>
        {
            foreach ((string key, string value) in settings)
            {
                string? problem = r.SetConfig(key, value);
                Assert.True(problem is null, $"config set {key}: {problem}");
            }
        });
    }

    /// <summary>Provisions the device and waits until it registered and both it and the platform see it online; returns its devId.</summary>
    public async Task<string> ProvisionAndWaitOnlineAsync(PlatformSimulator sim, string? serverUrl = null, string? caPem = null)
    {
        Provision(serverUrl ?? sim.BaseUrl, caPem);
        return await WaitOnlineAsync(sim);
    }

    /// <summary>Waits until the device is connected and the platform counts it online; returns its devId.</summary>
    public async Task<string> WaitOnlineAsync(PlatformSimulator sim)
    {
        await WaitForAsync(r => r.State == RuntimeState.Connected, "connected");
        string devId = DevId;
        await sim.WaitForOnlineAsync(devId, StepTimeout);
        return devId;
    }

    /// <summary>Types a console line and returns what the console answered, up to its next prompt.</summary>
    /// <exception cref="TimeoutException">No prompt came back.</exception>
    public async Task<string> RunAsync(string line)
    {
        string answer = await TypeAsync(line, text => text.EndsWith(ServiceConsole.Prompt, StringComparison.Ordinal));
        return answer[..^ServiceConsole.Prompt.Length];
    }

    /// <summary>Types a console line and returns what the console answered once it contains a text (for prompts such as the PEM paste's).</summary>
    /// <exception cref="TimeoutException">The text did not come.</exception>
    public Task<string> RunAsync(string line, string answerContains)
        => TypeAsync(line, text => text.Contains(answerContains, StringComparison.Ordinal));

    /// <summary>Sets the CA as a technician does: `config set ca`, then the PEM pasted line by line; returns the final answer.</summary>
    public async Task<string> PasteCaAsync(string pem)
    {
        await RunAsync("config set ca", "paste the CA certificate (PEM)");
        string[] lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = 0; i < lines.Length - 1; i++) Device.Type(lines[i]);
        return await RunAsync(lines[^1]);
    }

    private async Task<string> TypeAsync(string line, Func<string, bool> answered)
    {
        int start = _console.Length;
        Device.Type(line);
        string text = "";
        await Poll.UntilAsync(() => answered(text = _console.Since(start)), TimeSpan.FromSeconds(10),
            () => $"the console did not answer `{line}` within 10 s; it printed: {text}");
        return text;
    }

    /// <summary>Waits until a condition on the runtime holds.</summary>
    /// <exception cref="TimeoutException">Not in time; the message has the device's state, reason and latest log lines.</exception>
    public Task WaitForAsync(Func<DeviceRuntime, bool> condition, string what, TimeSpan? timeout = null)
        => WaitForAsync(() => Device.Get(condition), what, timeout);

    /// <summary>Waits until a condition holds (checked every 10 ms).</summary>
    /// <exception cref="TimeoutException">Not in time; the message has the device's state, reason and latest log lines.</exception>
    public Task WaitForAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        TimeSpan t = timeout ?? StepTimeout;
        return Poll.UntilAsync(condition, t, () => $"device {Mac} not {what} within {t.TotalSeconds:0} s; {Describe()}");
    }

    /// <summary>Log lines of the current boot containing a text.</summary>
    public int LogLinesContaining(string text) => Device.Get(r => r.Log.Recent(int.MaxValue).Count(e => e.Text.Contains(text, StringComparison.Ordinal)));

    /// <summary>The device's state, reason, last error and latest log lines, for failure messages.</summary>
    public string Describe() => Device.Get(r =>
        $"state {r.StateName} ({r.Reason}); last error: {r.Log.LastError}; log:\n  " + string.Join("\n  ", r.Log.Recent(12).Select(e => e.ToString())));

    /// <inheritdoc />
    public void Dispose() => Device.Dispose();

    private sealed class OutputSink(Action<string> write) : ILogSink
    {
        public void WriteLine(string line) => write(line);
    }
}

/// <summary>A data model listener that counts the controls the device applied (OnControlled calls).</summary>
public sealed class ControlCounter : IDataModelListener
{
    private int _calls;
    private string[] _lastPoints = [];

    /// <summary>How many controls were applied.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The points of the last applied control.</summary>
    public string[] LastPoints => Volatile.Read(ref _lastPoints);

    /// <summary>The sample model with this listener attached (for VirtualDeviceOptions.ModelFactory).</summary>
    public DataModel Model()
    {
        DataModel model = VirtualDeviceOptions.SampleModel();
        model.Listener = this;
        return model;
    }

    /// <inheritdoc />
    public void OnControlled(DataModel model, string[] changedPoints)
    {
        Volatile.Write(ref _lastPoints, (string[])changedPoints.Clone());
        Interlocked.Increment(ref _calls);
    }
}

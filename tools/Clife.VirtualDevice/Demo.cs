using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.Host;
using Clife.Device.Host.Boards;
using Clife.Device.Host.Console;
using Clife.Device.Runtime;
using DeviceState = Clife.Device.Runtime.DeviceState;
using Clife.Simulator;
using Clife.Simulator.Devices;
using Clife.Simulator.Products;
using Clife.Simulator.Protocol;

namespace Clife.DeviceCli;

/// <summary>
/// The main job: starts the platform simulator (embedded broker) and a virtual device in one process and walks the
/// life cycle, printing each step: provisioning over the console, registration, connection, reports, a control, a
/// query, a forced offline with recovery, an unbind with re-registration, and a power cut during a credential write.
/// Every step checks what both sides saw; the demo exits 0 only if all of them behaved.
/// </summary>
public sealed class Demo
{
    private const string ProductCode = "DEMO-LAMP";
    private const string DevKey = "8f3a1c5e9b2d4f6081a7c3e5d9b1f4a2";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    private readonly TextWriter _out;
    private readonly bool _verbose;
    private int _step;
    private int _failures;

    /// <summary>Creates the demo writing to the given output.</summary>
    public Demo(TextWriter output, bool verbose)
    {
        _out = output;
        _verbose = verbose;
    }

    /// <summary>Runs every step; returns the exit code (0 when all behaved).</summary>
    public async Task<int> RunAsync(CancellationToken cancel)
    {
        _out.WriteLine("clife firmware demo: platform simulator + virtual device (portable core on host adapters)");
        _out.WriteLine();
        try
        {
            await using PlatformSimulator sim = await PlatformSimulator.StartNewAsync(new SimulatorOptions
            {
                Products = [new Product { ProductCode = ProductCode, DevKey = DevKey, AuthLevels = [1, 2] }],
                Log = _verbose ? line => _out.WriteLine("  sim    " + line) : null,
            }, cancel);
            _out.WriteLine($"simulator: register at {sim.RegisterUrl}, broker {sim.MqttHost}:{sim.MqttPort} (embedded)");

            using var device = new VirtualDevice(new VirtualDeviceOptions
            {
                Board = BoardDescription.Find("esp32-devkitc"),
                Mac = "02c1f0d3e001",
                Log = _verbose ? new DeviceLogPrinter(_out) : null,
                ConsoleTcpPort = null,
            });
            var console = new ConsoleCapture(device);
            device.Start();
            _out.WriteLine($"virtual device: board esp32-devkitc, flash {device.Flash.Board.FlashSize / 1024 / 1024} MB in memory, software 1.0.0.0");
            _out.WriteLine();

            await RunAsync(sim, device, console, cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Fail("the demo stopped: " + e.Message);
        }
        _out.WriteLine();
        _out.WriteLine(_failures == 0 ? $"demo passed: all {_step} steps behaved" : $"demo FAILED: {_failures} of {_step} steps misbehaved");
        return _failures == 0 ? 0 : 1;
    }

    private async Task RunAsync(PlatformSimulator sim, VirtualDevice device, ConsoleCapture console, CancellationToken cancel)
    {
        Step("provision the device over its serial console");
        string unconfigured = device.Get(r => r.StateName + " (" + r.Reason + ")");
        Say("device starts " + unconfigured);
        Check(device.State == DeviceState.Unconfigured, "a blank device waits for its configuration");
        foreach (string line in new[]
                 {
                     "config set server " + sim.BaseUrl, "config set authLevel 2", "config set productCode " + ProductCode,
                     "config set devKey " + DevKey, "config set wifiSsid demo-lab", "config set wifiPassword lab-pass-2026",
                 })
        {
            string answer = console.Run(line);
            Say("> " + Mask(line) + "   => " + answer.Trim());
            Check(answer.Contains("saved"), "the console accepted: " + Mask(line));
        }
        string shown = console.Run("config show");
        Check(!shown.Contains(DevKey) && !shown.Contains("lab-pass-2026"), "config show masks devKey and the Wi-Fi password");

        Step("registration over HTTP with encrypted data");
        Check(device.WaitUntil(r => r.Config.IsRegistered, StepTimeout), "the device registered");
        string devId = device.Get(r => r.Config.LoginDevId);
        RegistrationAttempt attempt = sim.RegistrationAttempts[^1];
        Say($"platform issued devId {devId}; the login is stored in the flash record");
        Check(attempt.HttpStatus == 200 && attempt.RespCode == 0 && attempt.IssuedDevId == devId, "the platform decrypted the request and accepted it");

        Step("MQTT connection: CONNACK, subscribe, 2004 and the 2005 reply");
        DeviceInfo online = await sim.WaitForOnlineAsync(devId, StepTimeout, cancel);
        Check(device.WaitUntil(r => r.State == DeviceState.Connected, StepTimeout), "the device is connected");
        Say($"platform sees {devId} online: software {online.Software}, hardware {online.Hardware}, ip {online.Ip}, rssi {online.Rssi}");

        Step("data report (2006)");
        DeviceInfo reported = await sim.WaitForDeviceAsync(d => d.DevId == devId && d.LastReport is not null, StepTimeout, cancel);
        Say("last report: " + reported.LastReport!.ToJsonString());
        Check(reported.LastReport["brightness"]?.GetValue<int>() == 50, "the report carries the data points");

        Step("control (2011): power on, brightness 80");
        long afterControl = sim.LastSequence;
        Frame controlReply = await sim.RequestAsync(devId, PlatformCmd.Control, new JsonObject { ["power"] = true, ["brightness"] = 80 }, StepTimeout, cancel);
        Say("device replied 2010: " + controlReply.Data!.ToJsonString());
        Check(controlReply.Cmd == PlatformCmd.ControlReply && controlReply.RespCode == 0, "the control was applied");
        FrameRecord report = await sim.WaitForFrameAsync(devId, PlatformCmd.Report, null, StepTimeout, afterControl, cancel);
        Say("then reported 2006: " + report.Frame!.Data!.ToJsonString());
        Check(report.Frame.DataObject!["brightness"]?.GetValue<int>() == 80, "the report after the control shows the new value");

        Step("control with an invalid value is refused as a whole");
        Frame refused = await sim.RequestAsync(devId, PlatformCmd.Control, new JsonObject { ["power"] = false, ["brightness"] = 250 }, StepTimeout, cancel);
        Say("device replied 2010: " + refused.Data!.ToJsonString());
        Check(refused.RespCode == -1 && device.Get(r => r.Model.At(r.Model.IndexOf("power")).Boolean), "nothing was applied (power stays on)");

        Step("query (2009)");
        Frame queryReply = await sim.RequestAsync(devId, PlatformCmd.Query, new JsonObject { ["brightness"] = null, ["temperature"] = null }, StepTimeout, cancel);
        Say("device replied 2008: " + queryReply.Data!.ToJsonString());
        Check(queryReply.Cmd == PlatformCmd.QueryReply && queryReply.DataObject!["brightness"]?.GetValue<int>() == 80, "the query returned the current values");

        Step("forced offline (2017) for 3 s, then recovery");
        Frame offlineReply = await sim.RequestAsync(devId, PlatformCmd.ForceOffline, new JsonObject { ["seconds"] = 3 }, StepTimeout, cancel);
        Check(offlineReply.Cmd == PlatformCmd.ForceOfflineReply && offlineReply.RespCode == 0, "the device acknowledged with 2016");
        await sim.WaitForOfflineAsync(devId, StepTimeout, cancel);
        Say("device is " + device.Get(r => r.StateName + " (" + r.Reason + ")"));
        Check(device.State == DeviceState.Offline, "the device went offline and holds off");
        await sim.WaitForOnlineAsync(devId, StepTimeout, cancel);
        Say("back online after the hold-off");
        Check(device.WaitUntil(r => r.State == DeviceState.Connected, StepTimeout), "the device recovered by itself");

        Step("unbind (2013) and re-registration");
        int registrations = sim.RegistrationAttempts.Count;
        string oldSecret = device.Get(r => r.Config.DevSecret);
        Frame unbindReply = await sim.RequestAsync(devId, PlatformCmd.Unbind, new JsonObject(), StepTimeout, cancel);
        Check(unbindReply.Cmd == PlatformCmd.UnbindReply && unbindReply.RespCode == 0, "the device acknowledged with 2012");
        await sim.WaitForRegistrationAttemptsAsync(registrations + 1, StepTimeout, cancel);
        Check(device.WaitUntil(r => r.State == DeviceState.Connected, StepTimeout), "the device registered again and reconnected");
        string newDevId = device.Get(r => r.Config.LoginDevId);
        Check(device.Get(r => r.Config.DevSecret) != oldSecret, "the platform issued a fresh devSecret, now in the flash record (not shown)");
        Say($"re-registered as {newDevId}");
        devId = newDevId;

        Step("power cut during a credential write");
        device.Flash.Chip.CutAtOperation = device.Flash.Chip.Operations + 3; // the record's erase, payload, then header write
        string secretBefore = device.Get(r => r.Config.DevSecret);
        int boots = device.Boots;
        Say("typed `register` with the power set to fail at the third flash operation of the login's record write");
        console.Run("register");
        Check(device.WaitUntil(_ => device.PowerCuts == 1 && device.Boots > boots, StepTimeout), "the power was cut during the write and the device booted again");
        bool kept = device.Get(r => r.Config.IsRegistered && r.Config.DevSecret == secretBefore);
        bool fresh = device.Get(r => r.Config.IsRegistered && r.Config.DevSecret != secretBefore);
        Say("after the cut the flash held " + (kept ? "the previous login (the new record was torn, so the old copy won)"
                                                  : fresh ? "the new login (the record was complete before the cut)" : "no login"));
        Check(kept || fresh, "the flash held the old or the new login, never a torn one");
        Check(device.WaitUntil(r => r.State == DeviceState.Connected, StepTimeout), "the device came back online with a valid login");
        if (kept && device.Get(r => r.Config.DevSecret != secretBefore))
            Say("the platform had already issued a new secret, so the broker refused the old one and the device registered again by itself");
        DeviceInfo final = await sim.WaitForOnlineAsync(device.Get(r => r.Config.LoginDevId), StepTimeout, cancel);
        Say($"online again as {final.DevId}");

        Step("OTA: upgrade to 1.1.0.0 (stream into the inactive slot, verify, swap, reboot on trial, confirm)");
        byte[] image = VirtualDevice.BuildImage("1.1.0.0", "1.0", 2);
        long afterOta = sim.LastSequence;
        long ota = await sim.SendFirmwareAsync(devId, "lamp-1.1.0.0.bin", image, "1.1.0.0", "1.0", 2, cancellationToken: cancel);
        Say($"platform sent 2019 DOWN FIRM 1.1.0.0 ({image.Length} bytes, md5 {FileImage.Md5Hex(image)})");
        FileEvent done = await sim.WaitForFileEventAsync(devId, e => e.MsgId == ota && e.RespCode == 3, TimeSpan.FromSeconds(60), 0, cancel);
        List<string> sequence = Events(sim, devId, ota);
        Say("2018 events: " + string.Join(" ", sequence));
        Check(sequence.Count >= 6 && sequence[0] == "{1,1}" && sequence.Contains("{1,100}") && sequence.IndexOf("{0,1}") > sequence.IndexOf("{1,100}")
              && sequence.IndexOf("{0,100}") > sequence.IndexOf("{0,1}"), "download, verify, swap and confirmation were reported in order");
        Check(device.Get(r => r.Identity.Software) == "1.1.0.0" && done.DevVer.Count > 0 && done.DevVer[0].Software == "1.1.0.0",
              "the device runs 1.1.0.0 and reported it (respCode 3)");
        Check(device.Get(r => !device.Firmware.Ota.Boot.InTrial), "the new image confirmed itself after reaching Connected");
        Say(device.Get(r => r.Log.Recent(64)).LastOrDefault(l => l.Text.StartsWith("booted slot", StringComparison.Ordinal))?.Text ?? "");

        Step("OTA: a bad image (its networking is broken) is rolled back");
        console.Run("config set trialWindow 10");
        byte[] bad = VirtualDevice.BuildImage("1.2.0.0", "1.0", 3, VirtualDevice.NoNetworkEntryPoint);
        long badOta = await sim.SendFirmwareAsync(devId, "lamp-1.2.0.0.bin", bad, "1.2.0.0", "1.0", 3, cancellationToken: cancel);
        await sim.WaitForFileEventAsync(devId, e => e.MsgId == badOta && e.RespCode == 0 && e.RespCont == "1", TimeSpan.FromSeconds(60), 0, cancel);
        Say("1.2.0.0 was verified and booted on trial; it cannot reach the platform, so it cannot confirm itself within 10 s");
        FileEvent rolledBack = await sim.WaitForFileEventAsync(devId, e => e.MsgId == badOta && e.RespCode == -1, TimeSpan.FromSeconds(60), 0, cancel);
        Say("2018 events: " + string.Join(" ", Events(sim, devId, badOta)));
        Check(rolledBack.RespCont == "rollback", "the device rolled back and reported {-1,rollback}");
        Check(device.WaitUntil(r => r.State == DeviceState.Connected && r.Identity.Software == "1.1.0.0", StepTimeout), "it runs 1.1.0.0 again, online");

        Step("status on the console");
        foreach (string line in console.Run("status").Split('\n', StringSplitOptions.RemoveEmptyEntries)) Say(line.TrimEnd('\r'));
        foreach (string line in console.Run("ota status").Split('\n', StringSplitOptions.RemoveEmptyEntries)) Say(line.TrimEnd('\r'));
        Check(!console.AllOutput.Contains(DevKey) && !console.AllOutput.Contains("lab-pass-2026"), "no secret ever appeared on the console");
    }

    private static List<string> Events(PlatformSimulator sim, string devId, long msgId)
    {
        var list = new List<string>();
        foreach (FileEvent e in sim.GetFileEvents(devId))
        {
            if (e.MsgId == msgId) list.Add("{" + e.RespCode + "," + e.RespCont + "}");
        }
        return list;
    }

    private void Step(string title)
    {
        _step++;
        _out.WriteLine($"[{_step}] {title}");
    }

    private void Say(string line) => _out.WriteLine("    " + line);

    private void Check(bool ok, string what)
    {
        if (ok)
        {
            _out.WriteLine("    ok: " + what);
            return;
        }
        Fail(what);
    }

    private void Fail(string what)
    {
        _failures++;
        _out.WriteLine("    FAILED: " + what);
    }

    /// <summary>A typed console line fit to print: the value of a secret setting (as the device defines them) is masked as the device masks it.</summary>
    private static string Mask(string line)
    {
        string[] words = line.Split(' ');
        return words.Length == 4 && words[0] == "config" && words[1] == "set" && ConfigKeys.IsSecret(words[2])
            ? $"config set {words[2]} {Clife.Device.Crypto.DevKey.Mask(words[3])}"
            : line;
    }

    /// <summary>Types console lines and collects what the console answered.</summary>
    private sealed class ConsoleCapture
    {
        private readonly VirtualDevice _device;
        private readonly ConsoleTranscript _transcript;

        public ConsoleCapture(VirtualDevice device)
        {
            _device = device;
            _transcript = new ConsoleTranscript(device.ConsoleStream);
        }

        /// <summary>Everything the console wrote so far.</summary>
        public string AllOutput => _transcript.Text;

        /// <summary>Types a line and returns the console's answer (up to the next prompt).</summary>
        public string Run(string line)
        {
            int start = _transcript.Length;
            _device.Type(line);
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                string text = _transcript.Since(start);
                if (text.EndsWith(Clife.Device.Shell.ServiceConsole.Prompt, StringComparison.Ordinal))
                    return text[..^Clife.Device.Shell.ServiceConsole.Prompt.Length];
                Thread.Sleep(10);
            }
            return _transcript.Since(start);
        }
    }
}

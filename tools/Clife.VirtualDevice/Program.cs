using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Clife.Device.Host;
using Clife.Device.Host.Boards;
using Clife.Device.Runtime;

namespace Clife.DeviceCli;

/// <summary>Command line of the virtual device: run one device, run the demo, list boards, pack an image bundle.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("clife virtual device: the ESP32 firmware's core on host adapters");
        root.Subcommands.Add(RunCommand());
        root.Subcommands.Add(DemoCommand());
        root.Subcommands.Add(BoardsCommand());
        return root.Parse(args).Invoke();
    }

    private static Command RunCommand()
    {
        var board = new Option<string>("--board") { Description = "board whose flash layout to use (see `boards`)", DefaultValueFactory = _ => "esp32-devkitc" };
        var flash = new Option<string?>("--flash") { Description = "flash image file (created erased when missing); default: in memory" };
        var server = new Option<string?>("--server") { Description = "platform URL to configure at boot (production, test or a URL)" };
        var product = new Option<string?>("--product-code") { Description = "product code to configure at boot" };
        var devKey = new Option<string?>("--dev-key") { Description = "devKey to configure at boot (32 hex digits or 16 characters)" };
        var devId = new Option<string?>("--dev-id") { Description = "provisioned device id (authLevel 0)" };
        var authLevel = new Option<int?>("--auth-level") { Description = "authLevel to configure at boot (0, 1 or 2)" };
        var mac = new Option<string>("--mac") { Description = "MAC address, 12 hex digits", DefaultValueFactory = _ => "02c1f0000001" };
        var software = new Option<string>("--software") { Description = "software version of the firmware", DefaultValueFactory = _ => "1.0.0.0" };
        var hardware = new Option<string>("--hardware") { Description = "hardware version of the board", DefaultValueFactory = _ => "1.0" };
        var port = new Option<int?>("--console-port") { Description = "also serve the console on this loopback TCP port (0 = any free port)" };
        var echo = new Option<bool>("--echo") { Description = "echo typed characters (for raw terminals)" };
        var cutAt = new Option<int?>("--cut-power-at-write") { Description = "cut the power at this flash write or erase (1-based), then boot again" };
        var quiet = new Option<bool>("--quiet") { Description = "do not print the device log" };

        var command = new Command("run", "run one virtual device; the console is on stdin (and on a TCP port with --console-port)")
        {
            board, flash, server, product, devKey, devId, authLevel, mac, software, hardware, port, echo, cutAt, quiet,
        };
        command.SetAction((parse, cancel) =>
        {
            BoardDescription b;
            try
            {
                b = BoardDescription.Find(parse.GetValue(board)!);
            }
            catch (BoardException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return Task.FromResult(2);
            }
            var options = new VirtualDeviceOptions
            {
                Board = b,
                FlashPath = parse.GetValue(flash),
                Mac = parse.GetValue(mac)!,
                Software = parse.GetValue(software)!,
                Hardware = parse.GetValue(hardware)!,
                ConsoleOnStdio = true,
                ConsoleTcpPort = parse.GetValue(port),
                ConsoleEcho = parse.GetValue(echo),
                Log = parse.GetValue(quiet) ? null : new DeviceLogPrinter(Console.Error),
            };
            using var device = new VirtualDevice(options);
            if (parse.GetValue(cutAt) is int n) device.Flash.Chip.CutAtOperation = device.Flash.Chip.Operations + n;
            device.PowerLost += (_, what) => Console.Error.WriteLine("*** " + what + "; power back on in " + options.PowerOffMs + " ms");
            device.Start();
            string? problem = Provision(device, parse.GetValue(server), parse.GetValue(product), parse.GetValue(devKey), parse.GetValue(devId), parse.GetValue(authLevel));
            if (problem is not null)
            {
                Console.Error.WriteLine("error: " + problem);
                return Task.FromResult(2);
            }
            if (device.ConsolePort > 0) Console.Error.WriteLine($"console also on 127.0.0.1:{device.ConsolePort}");
            var done = new ManualResetEventSlim();
            cancel.Register(done.Set);
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                done.Set();
            };
            done.Wait();
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command DemoCommand()
    {
        var verbose = new Option<bool>("--verbose") { Description = "also print the device's and the simulator's logs" };
        var command = new Command("demo", "the main job: simulator with embedded broker and a virtual device in one process, walking the whole life cycle")
        {
            verbose,
        };
        command.SetAction((parse, cancel) => new Demo(Console.Out, parse.GetValue(verbose)).RunAsync(cancel));
        return command;
    }

    private static Command BoardsCommand()
    {
        var command = new Command("boards", "list the boards described in boards/");
        command.SetAction(_ =>
        {
            string directory;
            try
            {
                directory = BoardDescription.FindBoardsDirectory();
            }
            catch (DirectoryNotFoundException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }
            int result = 0;
            foreach (string name in BoardDescription.Names(directory))
            {
                try
                {
                    BoardDescription b = BoardDescription.Find(name, directory);
                    Console.WriteLine($"{b.Name,-22} {b.NanoffTarget,-16} flash {b.FlashSize / 1024 / 1024} MB, storage {b.StorageSize / 1024} KB, "
                                      + $"slots 2 x {b.Storage.SlotSize / 1024} KB  {b.Description}");
                }
                catch (BoardException e)
                {
                    Console.Error.WriteLine($"error: {name}: {e.Message}");
                    result = 1;
                }
            }
            return result;
        });
        return command;
    }

    /// <summary>Applies the settings given on the command line, through the same path as the console.</summary>
    private static string? Provision(VirtualDevice device, string? server, string? product, string? devKey, string? devId, int? authLevel)
    {
        string? problem = null;
        device.Do(r =>
        {
            problem = Set(r, ConfigKeys.Server, server) ?? Set(r, ConfigKeys.ProductCode, product) ?? Set(r, ConfigKeys.DevKey, devKey)
                      ?? Set(r, ConfigKeys.DevId, devId) ?? Set(r, ConfigKeys.AuthLevel, authLevel?.ToString());
        });
        return problem;
    }

    private static string? Set(DeviceRuntime runtime, string key, string? value) =>
        value is null ? null : runtime.SetConfig(key, value);
}

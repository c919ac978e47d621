using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Clife.Device.Host.Boards;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Xunit;

namespace Clife.Device.Tests.Flashing
{
    /// <summary>
    /// flash.ps1 as CI runs it: under PowerShell 7.6.9 (a local dotnet tool, .config/dotnet-tools.json), with -WhatIf
    /// for every board, and with bad arguments, which must fail before anything runs.
    /// </summary>
    public sealed class FlashScriptTests
    {
        private const string Port = "COM7";
        private static readonly Lazy<string> Restored = new(RestoreTools);

        public static TheoryData<string> Boards()
        {
            var data = new TheoryData<string>();
            foreach (string name in BoardDescription.Names()) data.Add(name);
            return data;
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void WhatIf_prints_the_plan_for_the_board_and_runs_nothing(string name)
        {
            BoardDescription board = BoardDescription.Find(name);
            string image = SmallImage(board.Hardware);
            var run = Pwsh("-Board", name, "-Port", Port, "-Image", image, "-WhatIf");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains($"nanoff --platform esp32 --target {board.NanoffTarget} --serialport {Port} --update --masserase --filedeployment ", run.Output);
            Assert.Contains($"nanoff --platform esp32 --target {board.NanoffTarget} --serialport {Port} --deploy --image ", run.Output);
            Assert.Contains("\"DestinationFilePath\": \"I:\\\\clife-board.json\"", run.Output);
            Assert.Contains("\"DestinationFilePath\": \"I:\\\\clife-install.clb\"", run.Output);
            Assert.Contains(Path.GetFileName(image), run.Output);
            Assert.Contains($"slot size {board.Storage.SlotSize} bytes", run.Output);
            Assert.Contains($"{board.Console.Uart} at {board.Console.BaudRate} baud", run.Output);
            Assert.Contains("WhatIf: nothing was run.", run.Output);
        }

        [Fact]
        public void Update_keeps_the_drive_by_not_mass_erasing()
        {
            var run = Pwsh("-Board", "esp32-s3-devkitc-1", "-Port", Port, "-Image", SmallImage("1.0"), "-Update", "-WhatIf");
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("--serialport COM7 --update --filedeployment ", run.Output);
            Assert.DoesNotContain("--masserase", run.Output);
        }

        [Fact]
        public void WhatIf_without_an_image_plans_to_pack_the_visual_studio_build()
        {
            var run = Pwsh("-Board", "esp32-s3-devkitc-1", "-Port", Port, "-Software", "2.3.0.0", "-WhatIf");
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("tools/Clife.ImageBundler -c Release -- pack --out ", run.Output);
            Assert.Contains("--board esp32-s3-devkitc-1", run.Output);
            Assert.Contains("--software 2.3.0.0 --hardware 1.0", run.Output);
            Assert.Contains("Clife.Device.Core.pe", run.Output);
        }

        [Fact]
        public void Unknown_board_is_refused_with_the_list_of_boards()
        {
            var run = Pwsh("-Board", "esp32-nope", "-Port", Port, "-Image", SmallImage("1.0"));
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("unknown board 'esp32-nope'; known boards: ", run.Output);
            Assert.Contains("esp32-s3-devkitc-1", run.Output);
            Assert.DoesNotContain("Plan:", run.Output);
        }

        [Fact]
        public void Missing_port_is_refused()
        {
            var run = Pwsh("-Board", "esp32-devkitc", "-Image", SmallImage("1.0"));
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("missing -Port", run.Output);
            Assert.DoesNotContain("Plan:", run.Output);
        }

        [Fact]
        public void Image_too_big_for_the_board_is_refused_before_anything_runs()
        {
            BoardDescription board = BoardDescription.Find("esp32-devkitc");
            string image = Image("1.0", board.Storage.SlotSize + 1);
            var run = Pwsh("-Board", "esp32-devkitc", "-Port", Port, "-Image", image);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"but a slot of board esp32-devkitc holds {board.Storage.SlotSize} bytes", run.Output);
            Assert.DoesNotContain("Plan:", run.Output);
        }

        [Fact]
        public void Image_for_other_hardware_or_not_a_bundle_is_refused()
        {
            var other = Pwsh("-Board", "esp32-devkitc", "-Port", Port, "-Image", SmallImage("2.0"), "-WhatIf");
            Assert.Equal(2, other.ExitCode);
            Assert.Contains("is for hardware 2.0 but board esp32-devkitc is hardware 1.0", other.Output);

            string junk = Path.Combine(Path.GetTempPath(), "clife-test-junk.clb");
            File.WriteAllBytes(junk, new byte[100]);
            var notBundle = Pwsh("-Board", "esp32-devkitc", "-Port", Port, "-Image", junk, "-WhatIf");
            Assert.Equal(2, notBundle.ExitCode);
            Assert.Contains("is not a clife image bundle", notBundle.Output);
        }

        private static string SmallImage(string hardware) => Image(hardware, 4000);

        private static string Image(string hardware, int size)
        {
            int assembly = size;
            byte[] bundle = Bundle.Build(DeviceVersion.ParseSoftware("1.2.0.0"), DeviceVersion.ParseHardware(hardware), 1, "Clife.Device.Esp32.Program",
                                         new[] { "Clife.Device.Esp32.pe" }, new[] { new byte[assembly] });
            string path = Path.Combine(Path.GetTempPath(), $"clife-test-{hardware}-{bundle.Length}.clb");
            File.WriteAllBytes(path, bundle);
            return path;
        }

        private sealed record Run(int ExitCode, string Output);

        private static Run Pwsh(params string[] args)
        {
            _ = Restored.Value;
            var (code, output) = Execute("dotnet", new[] { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", Path.Combine(RepoPaths.Root, "flash.ps1") }.Concat(args).ToArray());
            return new Run(code, output);
        }

        private static string RestoreTools()
        {
            var (code, output) = Execute("dotnet", "tool", "restore");
            if (code != 0)
            {
                Assert.Fail("PowerShell is needed to test flash.ps1 and could not be restored as a local dotnet tool (.config/dotnet-tools.json: "
                            + "PowerShell 7.6.9). Run `dotnet tool restore` in the repository (it needs the NuGet feed), or install it with "
                            + "`dotnet tool install --global PowerShell --version 7.6.9`. Output:\n" + output);
            }
            return output;
        }

        private static (int Code, string Output) Execute(string file, params string[] args)
        {
            var info = new ProcessStartInfo(file)
            {
                WorkingDirectory = RepoPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in args) info.ArgumentList.Add(a);
            info.Environment["NO_COLOR"] = "1";
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
            using Process process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(180_000))
            {
                process.Kill(true);
                Assert.Fail($"{file} {string.Join(' ', args)} did not finish within 3 minutes");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}

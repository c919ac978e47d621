using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Clife.Device.Host.Flash;
using Clife.Device.Ota;
using Clife.ImageBundler;
using Xunit;

namespace Clife.Device.Tests.ImageBundler
{
    /// <summary>clife-bundle run in-process: pack and inspect round-trip, the printed integrity values, and every bad input.</summary>
    public sealed class BundlerCliTests : IDisposable
    {
        private readonly BundlerWorkspace _ws = new();

        public void Dispose() => _ws.Dispose();

        private string[] Pack(string outName, params string[] files) =>
            ["pack", "--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--entry", "Clife.Device.Esp32.Program", "--out", _ws.PathOf(outName), .. files];

        private static string Value(string output, string key) =>
            output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(key + ": ", StringComparison.Ordinal))[(key.Length + 2)..];

        [Fact]
        public void Pack_then_inspect_round_trips_versions_entry_point_and_every_assembly()
        {
            string a = _ws.File("Clife.Device.Core.pe", 5000, 1);
            string b = _ws.File("Clife.Device.Esp32.pe", 7000, 2);
            string c = _ws.File("mscorlib.pe", 1, 3);

            (int packExit, string packed, string packErr) = BundlerWorkspace.Run(Pack("app.bin", a, b, c));
            (int inspectExit, string inspected, string inspectErr) = BundlerWorkspace.Run("inspect", _ws.PathOf("app.bin"));

            Assert.True(packExit == 0, packErr);
            Assert.True(inspectExit == 0, inspectErr);
            byte[] bundle = File.ReadAllBytes(_ws.PathOf("app.bin"));
            BundleHeader header = BundleHeader.Parse(bundle, 0, bundle.Length);
            Assert.Equal(new[] { "Clife.Device.Core.pe", "Clife.Device.Esp32.pe", "mscorlib.pe" }, header.Names);
            Assert.Equal(File.ReadAllBytes(a), bundle.AsSpan(header.OffsetOf(0), 5000).ToArray());
            Assert.Equal(File.ReadAllBytes(b), bundle.AsSpan(header.OffsetOf(1), 7000).ToArray());
            Assert.Equal(File.ReadAllBytes(c), bundle.AsSpan(header.OffsetOf(2), 1).ToArray());
            Assert.Equal(bundle.Length, header.TotalLength);

            Assert.Contains($"valid image bundle (format 2), {bundle.Length} bytes", inspected);
            Assert.Equal("1.1.0.0", Value(inspected, "software"));
            Assert.Equal("1.0", Value(inspected, "hardware"));
            Assert.Equal("2", Value(inspected, "productVer"));
            Assert.Equal("Clife.Device.Esp32.Program", Value(inspected, "entry point"));
            Assert.Equal($"{header.HeaderLength} bytes", Value(inspected, "header"));
            Assert.Equal("3", Value(inspected, "assemblies"));
            string[] rows = inspected.Split('\n').Select(l => l.Trim()).Where(l => l.EndsWith(".pe", StringComparison.Ordinal)).ToArray();
            Assert.Equal(
                new[]
                {
                    $"1 {header.HeaderLength} 5000 5000 stored 0x{header.Crcs[0]:x8} Clife.Device.Core.pe",
                    $"2 {header.HeaderLength + 5000} 7000 7000 stored 0x{header.Crcs[1]:x8} Clife.Device.Esp32.pe",
                    $"3 {header.HeaderLength + 12000} 1 1 stored 0x{header.Crcs[2]:x8} mscorlib.pe",
                },
                rows.Select(r => string.Join(' ', r.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
            Assert.Equal(Value(packed, "md5"), Value(inspected, "md5"));
            Assert.Equal(Value(packed, "checkSum"), Value(inspected, "checkSum"));
        }

        [Fact]
        public void Compressible_assemblies_are_stored_deflated_and_expand_back_to_the_original()
        {
            byte[] text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("the device registers and connects; ", 2000)));
            string pe = _ws.File("Text.pe", text);

            (int exit, string packed, string error) = BundlerWorkspace.Run(Pack("small.bin", pe));
            (int storedExit, _, _) = BundlerWorkspace.Run([.. Pack("stored.bin", pe), "--store"]);

            Assert.True(exit == 0 && storedExit == 0, error);
            byte[] bundle = File.ReadAllBytes(_ws.PathOf("small.bin"));
            BundleHeader header = BundleHeader.Parse(bundle, 0, bundle.Length);
            Assert.Equal(BundleHeader.MethodDeflate, header.Methods[0]);
            Assert.Equal(text.Length, header.OriginalLengths[0]);
            Assert.True(bundle.Length < text.Length / 10, $"{bundle.Length} bytes for {text.Length} bytes of repetitive text");
            Assert.Equal(text, Bundle.ReadAssembly(new ReadOnlyArea(bundle), header, 0, new Inflate()));
            Assert.Equal($"{text.Length} bytes of assemblies, compressed with DEFLATE where smaller", Value(packed, "expanded"));

            byte[] stored = File.ReadAllBytes(_ws.PathOf("stored.bin"));
            BundleHeader storedHeader = BundleHeader.Parse(stored, 0, stored.Length);
            Assert.Equal(BundleHeader.MethodStored, storedHeader.Methods[0]);
            Assert.Equal(text, stored.AsSpan(storedHeader.OffsetOf(0), text.Length).ToArray());
        }

        [Fact]
        public void The_printed_size_md5_checkSum_and_fileInfo_match_an_independent_computation()
        {
            string a = _ws.File("App.pe", 40_000, 4);
            string b = _ws.File("Lib.pe", 3_333, 5);

            (int exit, string output, string error) = BundlerWorkspace.Run([.. Pack("fw.bin", a, b), "--url", "http://files.example/fw.bin"]);

            Assert.True(exit == 0, error);
            byte[] bundle = File.ReadAllBytes(_ws.PathOf("fw.bin"));
            string md5 = Convert.ToHexStringLower(MD5.HashData(bundle));
            uint checkSum = (uint)(bundle.Aggregate(0UL, (sum, x) => sum + x) % (1UL << 32));
            Assert.Equal(bundle.Length.ToString(), Value(output, "size"));
            Assert.Equal(md5, Value(output, "md5"));
            Assert.Equal(checkSum.ToString(), Value(output, "checkSum"));

            JsonObject fileInfo = JsonNode.Parse(output[output.IndexOf('{')..])!.AsObject();
            Assert.Equal("FIRM", (string)fileInfo["fileType"]!);
            Assert.Equal(0, (int)fileInfo["devNum"]!);
            Assert.Equal("1.1.0.0", (string)fileInfo["software"]!);
            Assert.Equal("1.0", (string)fileInfo["hardware"]!);
            Assert.Equal(md5, (string)fileInfo["md5"]!);
            Assert.Equal(checkSum, (uint)fileInfo["checkSum"]!);
            Assert.Equal("http://files.example/fw.bin", (string)fileInfo["url"]!);
        }

        [Fact]
        public void Without_url_the_fileInfo_carries_a_placeholder_naming_the_bundle()
        {
            (int exit, string output, _) = BundlerWorkspace.Run(Pack("app-1.1.bin", _ws.File("App.pe", 100, 6)));

            Assert.Equal(0, exit);
            Assert.Equal("http://HOST/PATH/app-1.1.bin", (string)JsonNode.Parse(output[output.IndexOf('{')..])!["url"]!);
        }

        [Fact]
        public void A_bundle_that_fits_the_boards_slot_says_so()
        {
            (int exit, string output, string error) = BundlerWorkspace.Run([.. Pack("app.bin", _ws.File("App.pe", 1000, 7)), "--board", "esp32-devkitc"]);

            Assert.True(exit == 0, error);
            Assert.Contains("fits a 94208-byte slot of esp32-devkitc", output);
        }

        public static TheoryData<string, string[], string> BadPackArguments => new()
        {
            { "missing file", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@out", "@missing.pe"], "file not found: " },
            { "directory as input", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@out", "@dir"], "is a directory, not a file" },
            { "empty file", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@out", "@empty.pe"], "is empty" },
            { "no files", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@out"], "Required argument missing for command: 'pack'" },
            { "software not a version", ["--software", "1.x", "--hardware", "1.0", "--product-ver", "2", "--out", "@out", "@a.pe"], "--software: software version \"1.x\" is malformed: part 2 has a character that is not a digit 0-9" },
            { "software part over 99", ["--software", "1.100.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@out", "@a.pe"], "--software: software version \"1.100.0.0\" is malformed: part 2 is greater than 99" },
            { "software with five parts", ["--software", "1.0.0.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@out", "@a.pe"], "--software: software version \"1.0.0.0.0\" is malformed: it has more than 4 parts" },
            { "hardware with three parts", ["--software", "1.1.0.0", "--hardware", "1.0.1", "--product-ver", "2", "--out", "@out", "@a.pe"], "--hardware: hardware version \"1.0.1\" is malformed: it has more than 2 parts" },
            { "empty hardware", ["--software", "1.1.0.0", "--hardware", "", "--product-ver", "2", "--out", "@out", "@a.pe"], "--hardware: hardware version \"\" is malformed: it is empty" },
            { "software missing", ["--hardware", "1.0", "--product-ver", "2", "--out", "@out", "@a.pe"], "Option '--software' is required." },
            { "productVer 0", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "0", "--out", "@out", "@a.pe"], "--product-ver must be 1..65535, not 0" },
            { "productVer too big", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "65536", "--out", "@out", "@a.pe"], "--product-ver must be 1..65535, not 65536" },
            { "productVer not a number", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "two", "--out", "@out", "@a.pe"], "Cannot parse argument 'two' for option '--product-ver'" },
            { "entry not a type name", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--entry", "Clife..Main()", "--out", "@out", "@a.pe"], "--entry \"Clife..Main()\" is not a type name like Namespace.Type" },
            { "entry too long", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--entry", "N." + new string('T', 130), "--out", "@out", "@a.pe"], "--entry is 132 bytes long; at most 128 are allowed" },
            { "too many assemblies", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@out", .. Enumerable.Range(0, 33).Select(i => $"@m{i}.pe")], "33 files given; a bundle holds at most 32" },
            { "duplicate names", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@out", "@a.pe", "@sub/a.pe"], "two files are named a.pe; the names in a bundle must be unique" },
            { "output directory missing", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@nowhere/app.bin", "@a.pe"], "the directory " },
            { "output is an input", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--out", "@a.pe", "@a.pe"], "is both an input and the --out file" },
            { "image larger than a slot", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--board", "esp32-devkitc", "--out", "@out", "@big.pe"], "but an image slot of board esp32-devkitc holds 94208" },
            { "unknown board", ["--software", "1.1.0.0", "--hardware", "1.0", "--product-ver", "2", "--board", "esp99", "--out", "@out", "@a.pe"], "--board: unknown board 'esp99'" },
        };

        [Theory]
        [MemberData(nameof(BadPackArguments))]
        public void Every_bad_pack_argument_gives_a_clear_error_exit_code_1_and_no_bundle(string what, string[] args, string expected)
        {
            _ws.File("a.pe", 100, 1);
            _ws.File("sub/a.pe", 100, 2);
            _ws.File("empty.pe", []);
            _ws.File("big.pe", 100_000, 3);
            Directory.CreateDirectory(_ws.PathOf("dir"));
            for (int i = 0; i < 33; i++) _ws.File($"m{i}.pe", 10, i);
            string[] resolved = args.Select(a => a == "@out" ? _ws.PathOf("out.bin") : a.StartsWith('@') ? _ws.PathOf(a[1..]) : a).ToArray();

            (int exit, _, string error) = BundlerWorkspace.Run(["pack", .. resolved]);

            Assert.True(exit == BundlerCli.Failed, what + ": exit code " + exit);
            Assert.Contains(expected, error);
            Assert.False(File.Exists(_ws.PathOf("out.bin")), what + ": no bundle is written");
        }

        public static TheoryData<string, string> BrokenBundles => new()
        {
            { "truncated", "truncated bundle: the header needs" },
            { "cut", "bundle says it is " },
            { "extra", "bundle says it is " },
            { "payload", "bundle payload is corrupt (CRC mismatch)" },
            { "header", "bundle header is corrupt (CRC mismatch)" },
            { "random", "not an image bundle (wrong magic)" },
            { "empty", "truncated bundle: 0 bytes, the header alone needs 32" },
            { "format", "bundle format 1 is not supported (this firmware reads format 2)" },
        };

        [Theory]
        [MemberData(nameof(BrokenBundles))]
        public void Inspect_names_the_exact_reason_a_bundle_is_invalid_with_exit_code_1(string damage, string reason)
        {
            Assert.Equal(0, BundlerWorkspace.Run(Pack("good.bin", _ws.File("App.pe", 10_000, 8))).Exit);
            byte[] good = File.ReadAllBytes(_ws.PathOf("good.bin"));
            byte[] bad = damage switch
            {
                "truncated" => good[..40],
                "cut" => good[..^1],
                "extra" => [.. good, 0],
                "payload" => Flip(good, good.Length - 100),
                "header" => Flip(good, 10),
                "random" => RandomBytes(good.Length),
                "empty" => [],
                "format" => Flip(good, 4, 0x01 ^ 0x02),
                _ => throw new ArgumentException(damage),
            };
            string path = _ws.File("bad.bin", bad);

            (int exit, string output, string error) = BundlerWorkspace.Run("inspect", path);

            Assert.Equal(BundlerCli.Failed, exit);
            Assert.Equal("", output);
            Assert.StartsWith($"error: {path} is not a valid image bundle: {reason}", error);
        }

        [Fact]
        public void Inspect_of_a_missing_file_or_without_a_file_fails_with_exit_code_1()
        {
            (int missingExit, _, string missing) = BundlerWorkspace.Run("inspect", _ws.PathOf("none.bin"));
            (int noneExit, _, string none) = BundlerWorkspace.Run("inspect");

            Assert.Equal(1, missingExit);
            Assert.Contains("file not found: ", missing);
            Assert.Equal(1, noneExit);
            Assert.Contains("Required argument missing for command: 'inspect'", none);
        }

        private static byte[] Flip(byte[] data, int at, int mask = 0xFF)
        {
            byte[] copy = (byte[])data.Clone();
            copy[at] ^= (byte)mask;
            return copy;
        }

        private static byte[] RandomBytes(int size)
        {
            byte[] bytes = new byte[size];
            new Random(9).NextBytes(bytes);
            return bytes;
        }
    }
}

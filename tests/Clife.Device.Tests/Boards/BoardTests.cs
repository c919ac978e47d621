using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Clife.Device.Esp32;
using Clife.Device.Host.Boards;
using Clife.Device.Host.Ota;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Storage;
using Xunit;

namespace Clife.Device.Tests.Boards
{
    /// <summary>
    /// Every board file describes a flash that nanoFramework really lays out that way, storage whose slots are what the
    /// firmware computes, and says truthfully whether the current application image fits a slot.
    /// </summary>
    public sealed class BoardTests
    {
        /// <summary>
        /// nanoff target names of the boards, as nf-interpreter defines them (targets/ESP32/CMakePresets.json @0188880:
        /// ESP32_REV3, ESP_WROVER_KIT, ESP32_S3_ALL, ESP32_C3 are configure presets that nanoff downloads by name).
        /// </summary>
        private static readonly string[] KnownTargets = { "ESP32_REV0", "ESP32_REV3", "ESP32_PSRAM_REV0", "ESP32_PSRAM_REV3", "ESP_WROVER_KIT", "ESP32_S3", "ESP32_S3_ALL", "ESP32_S3_ALL_UART", "ESP32_S3_BLE", "ESP32_C3", "ESP32_C3_REV3" };

        public static TheoryData<string> Boards()
        {
            var data = new TheoryData<string>();
            foreach (string file in Directory.GetFiles(RepoPaths.BoardsDir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
                data.Add(Path.GetFileNameWithoutExtension(file));
            return data;
        }

        private static BoardDescription Load(string name) => BoardDescription.Load(Path.Combine(RepoPaths.BoardsDir, name + ".json"));

        [Fact]
        public void The_supported_boards_are_described()
        {
            string[] names = Directory.GetFiles(RepoPaths.BoardsDir, "*.json").Select(Path.GetFileNameWithoutExtension).ToArray()!;
            foreach (string required in new[] { "esp32-devkitc", "esp32-wrover-kit", "esp32-s3-devkitc-1", "esp32-c3-devkitm-1" })
                Assert.Contains(required, names);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Board_file_is_named_after_its_board_and_names_a_real_nanoff_target(string name)
        {
            BoardDescription board = Load(name);
            Assert.Equal(name, board.Name);
            Assert.Contains(board.NanoffTarget, KnownTargets);
            Assert.NotEmpty(board.Description);
            DeviceVersion.ParseHardware(board.Hardware);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Partitions_do_not_overlap_and_fit_the_flash(string name)
        {
            BoardDescription board = Load(name);
            Assert.Empty(board.Problems());
            Assert.Contains(board.Partitions, p => p.Name == "factory" && p.Type == "app");
            Assert.Contains(board.Partitions, p => p.Name == "deploy" && p.Subtype == "0x84");
            Assert.Equal(0x8000, board.Partitions.Single(p => p.Type == "table").Offset);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Declared_slot_size_is_what_the_storage_layout_gives(string name)
        {
            BoardDescription board = Load(name);
            var layout = new StorageLayout(board.StorageSize, board.SectorSize);
            Assert.Equal(layout.SlotSize, board.Storage.SlotSize);
            Assert.True(layout.TotalSize <= board.StorageSize);
            Assert.Equal(layout.SizeOf(StorageLayout.SlotA), layout.SizeOf(StorageLayout.SlotB));
        }

        /// <summary>
        /// The current application bundle: the nano-built Clife.Device.Core.dll and Clife.Device.Esp32.dll packed as the
        /// bundler packs .pe files (each DEFLATE-compressed). The dlls are the best size estimate available without
        /// nanoFramework's MetadataProcessor, and an upper one: the .pe files it makes of them are smaller (no PE headers,
        /// 2-byte tokens, UTF-8 strings), and compress at least as well.
        /// </summary>
        private static byte[] CurrentBundle(string hardware)
        {
            byte[] core = File.ReadAllBytes(RepoPaths.NanoCoreDll);
            byte[] app = File.ReadAllBytes(RepoPaths.NanoEsp32Dll);
            return BundleFactory.Build("1.0.0.0", hardware, 1, "Clife.Device.Esp32.Program",
                                       new[] { "Clife.Device.Core.pe", "Clife.Device.Esp32.pe" }, new[] { core, app });
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Two_slots_of_the_current_application_bundle_fit_the_board_storage(string name)
        {
            BoardDescription board = Load(name);
            var layout = new StorageLayout(board.StorageSize, board.SectorSize);
            int bundle = CurrentBundle(board.Hardware).Length;
            Assert.True(bundle <= layout.SlotSize && layout.TotalSize <= board.StorageSize,
                $"board {name}: the current bundle is {bundle} bytes but a slot holds {layout.SlotSize} bytes "
                + $"({board.StorageSize} bytes of storage, {board.StorageSize - 2 * layout.SlotSize} used by the records)");
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void The_device_reads_its_board_file_as_the_host_does(string name)
        {
            BoardDescription board = Load(name);
            byte[] json = File.ReadAllBytes(Path.Combine(RepoPaths.BoardsDir, name + ".json"));
            BoardSettings device = BoardSettings.Parse(json, json.Length);
            Assert.Equal(board.Name, device.Name);
            Assert.Equal(board.Hardware, device.Hardware);
            Assert.Equal(board.StorageSize, device.StorageSize);
            Assert.Equal(board.SectorSize, device.SectorSize);
            Assert.Equal(board.Storage.Drive, device.Drive);
            Assert.Equal(board.Storage.Directory, device.Directory);
            Assert.Equal(board.Console.Uart, device.ConsoleUart);
            Assert.Equal(board.Console.TxPin, device.ConsoleTxPin);
            Assert.Equal(board.Console.RxPin, device.ConsoleRxPin);
            Assert.Equal(board.Console.BaudRate, device.ConsoleBaudRate);
            Assert.Equal(board.StatusLedPin, device.StatusLedPin);
            Assert.Equal(board.FactoryResetPin, device.FactoryResetPin);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Console_is_not_on_the_debugger_uart_and_uses_two_different_pins(string name)
        {
            BoardDescription board = Load(name);
            Assert.NotEqual("COM1", board.Console.Uart);
            Assert.NotEqual(board.Console.TxPin, board.Console.RxPin);
            if (board.Psram && board.Chip == "esp32")
            {
                // On ESP32 WROVER modules GPIO16/17 drive the PSRAM.
                Assert.DoesNotContain(board.Console.TxPin, new[] { 16, 17 });
                Assert.DoesNotContain(board.Console.RxPin, new[] { 16, 17 });
            }
        }

        [Fact]
        public void Board_settings_reject_a_board_file_without_storage()
        {
            byte[] json = System.Text.Encoding.UTF8.GetBytes("{\"name\":\"x\",\"partitions\":[{\"name\":\"config\",\"size\":\"0x40000\"}],\"storage\":{\"partition\":\"other\"}}");
            Assert.Throws<Clife.Device.Text.CodecException>(() => BoardSettings.Parse(json, json.Length));
        }

        [Fact]
        public void Board_settings_parse_hex_and_decimal_numbers()
        {
            Assert.Equal(0x40000, BoardSettings.Number("0x40000", "size"));
            Assert.Equal(4096, BoardSettings.Number("4096", "size"));
            Assert.Throws<Clife.Device.Text.CodecException>(() => BoardSettings.Number("0xZZ", "size"));
        }
    }
}

using System;
using System.IO;
using System.Threading;
using Clife.Device.Hal;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Storage;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// The ESP32 application: the entry point the loader starts from the active slot (the bundle's entry point
    /// "Clife.Device.Esp32.Program"). It builds the HAL from the nanoFramework adapters, lets the core's
    /// <see cref="Firmware"/> compose the device, and polls it forever. It never returns: a reboot comes from the core
    /// (Power.RebootDevice), and an exception reaches the loader, which reboots so the boot manager can count the failure.
    /// </summary>
    public static class Program
    {
        private const int PollIntervalMs = 20;

        /// <summary>Starts the firmware.</summary>
        public static void Main()
        {
            BoardSettings board = BoardSettings.Load();
            DeviceStorage storage = new DeviceStorage(board);
            IFlashArea[] areas = storage.Areas;
            BootManager boot = new BootManager(areas[StorageLayout.Boot], areas[StorageLayout.SlotA], areas[StorageLayout.SlotB]);
            byte[] scratch = new byte[FileOperations.ChunkBytes];
            // The loader already ran BootManager.Boot (attempt counters, rollback); here the decision is only read back.
            BootDecision decision = boot.Current(scratch);
            if (decision.Slot == BootRecord.NoSlot) decision = DevelopmentBoot(board, decision.Note);

            DeviceHal hal = new DeviceHal(new EspClock(), new EspRandom(), new EspNetwork(), new EspMqttLink(), new EspHttpClient(),
                                          new EspAesCipherFactory(), new EspSystem(), areas[StorageLayout.Config]);
            hal.LogSink = new DebugLogSink();
            FirmwareParts parts = new FirmwareParts();
            parts.Console = OpenConsole(board);
            parts.Echo = true;
            parts.Files = new EspFileStore(board.Drive + "\\files");
            // No sub-devices on the development boards (SUBFIRM is refused), and profiles are stored by the core without
            // a product-specific handler: a product sets parts.SubDevices and parts.Profiles here.
            Firmware firmware = Firmware.Start(hal, areas, boot, decision, board.Hardware, Product.Model(), parts);
            if (firmware.Console != null) firmware.Console.Greet();
            while (true)
            {
                firmware.Runtime.Poll();
                Thread.Sleep(PollIntervalMs);
            }
        }

        private static IByteStream? OpenConsole(BoardSettings board)
        {
            try
            {
                return new SerialConsole(board);
            }
            catch (Exception e)
            {
                Console.WriteLine("no serial console on " + board.ConsoleUart + ": " + e.Message);
                return null;
            }
        }

        /// <summary>
        /// Started without the loader (deployed and debugged from Visual Studio): runs as software 0.0.0.0 with no slot.
        /// </summary>
        private static BootDecision DevelopmentBoot(BoardSettings board, string why)
        {
            byte[] header = BundleHeader.Build(DeviceVersion.Software(0, 0, 0, 0), DeviceVersion.ParseHardware(board.Hardware), 0,
                                               "Clife.Device.Esp32.Program", new string[] { "Clife.Device.Esp32.pe" }, new int[] { 1 }, new int[] { 1 },
                                               new int[] { BundleHeader.MethodStored }, new uint[] { 0 }, 0);
            return new BootDecision(BootRecord.NoSlot, BundleHeader.Parse(header, 0, header.Length), false,
                                    "development build started without the loader (" + why + ")");
        }
    }
}

using System;
using System.IO;
using System.Reflection;
using System.Threading;
using Clife.Device.Hal;
using Clife.Device.Ota;
using Clife.Device.Storage;
using nanoFramework.Runtime.Native;

namespace Clife.Device.Esp32.Loader
{
    /// <summary>
    /// The loader: the only application in nanoFramework's deploy area. At every boot it installs an image that flash.ps1
    /// staged on the I: drive (once), lets the boot manager decide which slot to boot (a trial gets one boot, an
    /// unconfirmed trial rolls back, repeated failures fall back: protocol.md section 8), loads that slot's assemblies
    /// with Assembly.Load(byte[]) and calls the entry point's static Main. When that fails or returns, it reboots, so
    /// the next boot's decision counts the failure.
    /// </summary>
    /// <remarks>
    /// The loader must keep working when the image it loads is broken, so it references nothing from the upgradable
    /// bundle: the few core sources it needs (boot manager, boot record, record store, bundle format, CRC, MD5, JSON,
    /// storage layout, file-backed flash areas) are compiled into it as linked files (LoaderSources.props), and its own
    /// copy of them only changes when the loader is flashed again.
    /// </remarks>
    public static class Loader
    {
        private const int RetryMessageMs = 10000;
        // "there seems to be an issue when loading them too fast" (nanoFramework's AzureEdgeOta sample, which loads .pe
        // files the same way).
        private const int PauseBetweenLoadsMs = 20;

        /// <summary>Boots the device's application.</summary>
        public static void Main()
        {
            BoardSettings board;
            DeviceStorage storage;
            try
            {
                board = BoardSettings.Load();
                storage = new DeviceStorage(board);
            }
            catch (Exception e)
            {
                Halt("cannot read the board file " + BoardSettings.DevicePath + " (flash the board with flash.ps1): " + e.Message, null, null);
                return;
            }

            BootDecision decision;
            IFlashArea slot;
            try
            {
                byte[] scratch = new byte[BundleHeader.MaxHeaderSize];
                IFlashArea[] areas = storage.Areas;
                BootManager boot = new BootManager(areas[StorageLayout.Boot], areas[StorageLayout.SlotA], areas[StorageLayout.SlotB]);
                InstallStagedImage(storage, boot, scratch);
                decision = boot.Boot(scratch);
                if (decision.Slot == BootRecord.NoSlot)
                {
                    Halt("nothing to boot: " + decision.Note, board, storage);
                    return;
                }
                slot = boot.Slot(decision.Slot);
            }
            catch (Exception e)
            {
                Log("boot decision failed: " + e.Message);
                Power.RebootDevice();
                return;
            }

            try
            {
                Log("starting slot " + BootRecord.SlotName(decision.Slot) + ", software " + decision.Header!.Software.ToString()
                    + (decision.Trial ? " on trial" : "") + (decision.Note.Length > 0 ? " (" + decision.Note + ")" : ""));
                Start(slot, decision.Header!);
                Log("the application returned");
            }
            catch (Exception e)
            {
                Log("the image in slot " + BootRecord.SlotName(decision.Slot) + " failed: " + e.Message);
            }
            // A failed or ended application: the next boot's decision counts it (and rolls back an unconfirmed trial).
            Power.RebootDevice();
        }

        /// <summary>Loads the image's assemblies in bundle order (dependencies first) and runs its entry point.</summary>
        private static void Start(IFlashArea slot, BundleHeader header)
        {
            Type? entry = null;
            Inflate inflater = new Inflate();
            for (int i = 0; i < header.Names.Length; i++)
            {
                // Expanded (inflated when compressed) and CRC-checked: a damaged image fails here, before Assembly.Load.
                byte[] pe = Bundle.ReadAssembly(slot, header, i, inflater);
                // nanoCLR keeps the array as the assembly's storage: the image lives in RAM from now on.
                Assembly assembly = Assembly.Load(pe);
                if (assembly == null) throw new InvalidOperationException(header.Names[i] + " is not a loadable assembly");
                Type? t = assembly.GetType(header.EntryPoint);
                if (t != null) entry = t;
                Thread.Sleep(PauseBetweenLoadsMs);
            }
            if (entry == null) throw new InvalidOperationException("no assembly of the image has the entry point " + header.EntryPoint);
            MethodInfo? main = entry.GetMethod("Main");
            if (main == null || !main.IsStatic) throw new InvalidOperationException(header.EntryPoint + " has no static Main");
            main.Invoke(null, null);
        }

        /// <summary>
        /// Installs an image that flash.ps1 staged on the I: drive into slot A, with a fresh boot record (confirmed, no
        /// history), then deletes it. A staged image that does not verify is deleted and changes nothing. A power cut
        /// during the copy leaves the staged file in place, so the next boot does it again.
        /// </summary>
        private static void InstallStagedImage(DeviceStorage storage, BootManager boot, byte[] scratch)
        {
            int length = storage.StagedImageLength;
            if (length < 0) return;
            try
            {
                if (length > storage.Layout.SlotSize)
                    throw new BundleException("it has " + length.ToString() + " bytes and a slot holds " + storage.Layout.SlotSize.ToString());
                IFlashArea staged = storage.OpenStagedImage()!;
                boot.InstallFactoryImage(0, staged, scratch);
                Log("installed the staged image into slot A (" + length.ToString() + " bytes)");
            }
            catch (BundleException e)
            {
                Log("the staged image " + storage.StagedImagePath + " was refused: " + e.Message);
            }
            storage.DeleteStagedImage();
        }

        /// <summary>
        /// Nothing can run: repeat why, on the debug channel (Visual Studio's output) and, when the board is known, on the
        /// technician's console UART. The debugger stays reachable for nanoff; as soon as a board file or a staged image
        /// arrives (nanoff's file deployment may come after the loader started), reboot to use it.
        /// </summary>
        private static void Halt(string why, BoardSettings? board, DeviceStorage? storage)
        {
            SerialConsole? console = null;
            if (board != null)
            {
                try
                {
                    console = new SerialConsole(board);
                }
                catch (Exception e)
                {
                    Log("no console on " + board.ConsoleUart + ": " + e.Message);
                }
            }
            byte[] line = Clife.Device.Text.Utf8.GetBytes("loader: " + why + "\r\n");
            bool hadBoardFile = File.Exists(BoardSettings.DevicePath);
            while (true)
            {
                Log(why);
                if (console != null) console.Write(line, 0, line.Length);
                Thread.Sleep(RetryMessageMs);
                bool arrived = board == null ? !hadBoardFile && File.Exists(BoardSettings.DevicePath) : storage != null && storage.StagedImageLength >= 0;
                if (arrived)
                {
                    Log("new files on the I: drive: rebooting to use them");
                    Power.RebootDevice();
                }
            }
        }

        private static void Log(string line) => Console.WriteLine("loader: " + line);
    }
}

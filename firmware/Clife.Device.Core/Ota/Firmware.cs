using Clife.Device.Hal;
using Clife.Device.Runtime;
using Clife.Device.Shell;
using Clife.Device.Storage;

namespace Clife.Device.Ota
{
    /// <summary>The optional parts a host gives the firmware.</summary>
    public sealed class FirmwareParts
    {
        /// <summary>The console's transport, or null for none.</summary>
        public IByteStream? Console;
        /// <summary>Echo typed characters on the console (serial terminals).</summary>
        public bool Echo;
        /// <summary>Sub-devices that SUBFIRM updates, or null.</summary>
        public ISubDevices? SubDevices;
        /// <summary>Files for uploads, or null.</summary>
        public IFileStore? Files;
        /// <summary>Applies downloaded profiles, or null (then they are only stored).</summary>
        public IProfileHandler? Profiles;
    }

    /// <summary>
    /// The firmware as booted: the runtime with its versions taken from the image the boot manager started, the
    /// console with the <c>ota</c> commands, and the file operations. The ESP32 application and the virtual device
    /// build it the same way.
    /// </summary>
    public sealed class Firmware
    {
        private Firmware(DeviceRuntime runtime, FileOperations ota, ServiceConsole? console)
        {
            Runtime = runtime;
            Ota = ota;
            Console = console;
        }

        /// <summary>The device runtime.</summary>
        public DeviceRuntime Runtime { get; }
        /// <summary>File operations (2019).</summary>
        public FileOperations Ota { get; }
        /// <summary>The console, when the host has one.</summary>
        public ServiceConsole? Console { get; }

        /// <summary>
        /// Builds and starts the firmware for the image in <paramref name="decision"/> (which must name a slot).
        /// <paramref name="hardware"/> is the board's own hardware version; <paramref name="areas"/> are the flash
        /// areas by <see cref="StorageLayout"/> id.
        /// </summary>
        public static Firmware Start(DeviceHal hal, IFlashArea[] areas, BootManager boot, BootDecision decision, string hardware,
                                     DataModel model, FirmwareParts parts)
        {
            BundleHeader header = decision.Header!;
            DeviceIdentity identity = new DeviceIdentity(header.Software.ToString(), hardware, header.ProductVer);
            DeviceRuntime runtime = new DeviceRuntime(hal, identity, model);
            FileOperations ota = new FileOperations(runtime, boot, decision, areas[StorageLayout.Download], areas[StorageLayout.ProfileRecord],
                                                    parts.SubDevices, parts.Files, parts.Profiles);
            runtime.FileOperations = ota;
            ServiceConsole? console = null;
            if (parts.Console != null)
            {
                console = new ServiceConsole(runtime, parts.Console, parts.Echo);
                console.Add(new OtaConsoleCommand(ota));
                runtime.Console = console;
            }
            runtime.Start();
            runtime.Log.Write("booted slot " + BootRecord.SlotName(decision.Slot) + (decision.Trial ? " on trial" : "")
                              + (decision.Note.Length > 0 ? " (" + decision.Note + ")" : ""));
            return new Firmware(runtime, ota, console);
        }
    }
}

using Clife.Device.Hal;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Simulation;
using Clife.Device.Storage;

namespace Clife.Device.Tests
{
    /// <summary>
    /// A bundle staged in a file is installed into a slot with a fresh boot record, streaming through a small buffer
    /// (what the ESP32 loader does after flash.ps1), and a broken staged image changes nothing.
    /// </summary>
    public sealed class StagedInstallTests
    {
        private const int Sector = 4096;
        private const int SlotSize = 16 * Sector;

        private readonly NorFlash _chip = new NorFlash(2 * Sector + 2 * SlotSize, Sector, 5);
        private readonly byte[] _scratch = new byte[1024];

        public void Staged_image_becomes_the_confirmed_image_of_slot_a()
        {
            BootManager boot = Manager();
            IFlashArea staged = Staged(Image("2.1.0.0", 20000));
            boot.InstallFactoryImage(0, staged, _scratch);

            BootDecision decision = Manager().Boot(_scratch);
            Check.Equal(0, decision.Slot, "slot");
            Check.False(decision.Trial, "trial");
            Check.Equal("2.1.0.0", decision.Header!.Software.ToString(), "software");
            Check.False(Manager().Record.Slots[1].Valid, "slot B in the fresh record");
        }

        public void Install_replaces_the_record_of_an_upgraded_device()
        {
            BootManager boot = Manager();
            boot.InstallFactoryImage(0, Image("1.0.0.0", 9000), _scratch);
            boot.InstallFactoryImage(1, Image("1.1.0.0", 9000), _scratch);
            boot.InstallFactoryImage(0, Staged(Image("3.0.0.0", 12000)), _scratch);

            BootManager after = Manager();
            Check.Equal(0, after.Record.Active, "active slot");
            Check.Equal(BootRecord.Confirmed, after.Record.State, "state");
            Check.Equal("3.0.0.0", after.Boot(_scratch).Header!.Software.ToString(), "software");
        }

        public void Broken_staged_image_changes_nothing()
        {
            BootManager boot = Manager();
            boot.InstallFactoryImage(0, Image("1.0.0.0", 9000), _scratch);
            byte[] broken = Image("2.0.0.0", 9000);
            broken[broken.Length - 1] ^= 0x55;

            Check.Throws(typeof(BundleException), () => boot.InstallFactoryImage(0, Staged(broken), _scratch));
            Check.Equal("1.0.0.0", Manager().Boot(_scratch).Header!.Software.ToString(), "software still booted");
        }

        private BootManager Manager() =>
            new BootManager(_chip.Area(0, 2 * Sector), _chip.Area(2 * Sector, SlotSize), _chip.Area(2 * Sector + SlotSize, SlotSize));

        private static IFlashArea Staged(byte[] bundle)
        {
            FileFlashArea area = new FileFlashArea(new MemoryStorageFile(), SlotSize, Sector);
            area.Write(0, bundle, 0, bundle.Length);
            return area;
        }

        private static byte[] Image(string software, int size)
        {
            byte[] assembly = new byte[size];
            for (int i = 0; i < size; i++) assembly[i] = (byte)(i * 7);
            return Bundle.Build(DeviceVersion.ParseSoftware(software), DeviceVersion.ParseHardware("1.0"), 1, "Clife.Device.Esp32.Program",
                                new string[] { "Clife.Device.Esp32.pe" }, new byte[][] { assembly });
        }
    }
}

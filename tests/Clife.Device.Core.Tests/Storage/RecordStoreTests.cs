using Clife.Device.Hal;
using Clife.Device.Simulation;
using Clife.Device.Storage;

namespace Clife.Device.Tests
{
    /// <summary>The two-copy flash record survives a power cut at any write or erase.</summary>
    public sealed class RecordStoreTests
    {
        private const int Sector = 4096;
        private const uint Magic = 0x54534554;

        public void Empty_flash_has_no_record()
        {
            RecordStore store = new RecordStore(new NorFlash(2 * Sector, Sector, 1).Area(0, 2 * Sector), Magic);
            Check.Equal(-1, store.Load(new byte[store.MaxPayload]), "length");
        }

        public void Saved_record_loads_back_after_reopening()
        {
            NorFlash chip = new NorFlash(2 * Sector, Sector, 1);
            RecordStore store = new RecordStore(chip.Area(0, 2 * Sector), Magic);
            store.Load(new byte[store.MaxPayload]);
            store.Save(TestData.Pattern(100, 7), 0, 100);

            RecordStore reopened = new RecordStore(chip.Area(0, 2 * Sector), Magic);
            byte[] buffer = new byte[reopened.MaxPayload];
            Check.Equal(100, reopened.Load(buffer), "length");
            Check.Bytes(TestData.Pattern(100, 7), 0, 100, buffer, 0, 100);
            Check.Equal(1UL, reopened.Sequence, "sequence");
        }

        public void Newest_of_two_valid_copies_wins_and_saves_alternate()
        {
            NorFlash chip = new NorFlash(2 * Sector, Sector, 1);
            RecordStore store = new RecordStore(chip.Area(0, 2 * Sector), Magic);
            store.Load(new byte[store.MaxPayload]);
            for (int i = 1; i <= 5; i++) store.Save(TestData.Pattern(10 * i, i), 0, 10 * i);

            byte[] buffer = new byte[store.MaxPayload];
            RecordStore reopened = new RecordStore(chip.Area(0, 2 * Sector), Magic);
            Check.Equal(50, reopened.Load(buffer), "length");
            Check.Bytes(TestData.Pattern(50, 5), 0, 50, buffer, 0, 50);
            Check.Equal(5UL, reopened.Sequence, "sequence");
            // Both copies hold a valid record: the newest in one, the one before in the other.
            Check.True(chip.Image[0] != 0xFF && chip.Image[Sector] != 0xFF, "both copies written");
        }

        public void Corrupt_newest_copy_falls_back_to_the_older_one()
        {
            NorFlash chip = new NorFlash(2 * Sector, Sector, 1);
            RecordStore store = new RecordStore(chip.Area(0, 2 * Sector), Magic);
            store.Load(new byte[store.MaxPayload]);
            store.Save(TestData.Pattern(20, 1), 0, 20);
            store.Save(TestData.Pattern(30, 2), 0, 30);
            chip.Image[Sector + RecordStore.HeaderSize + 3] ^= 0x10; // the second save went to copy 1

            byte[] buffer = new byte[store.MaxPayload];
            Check.Equal(20, new RecordStore(chip.Area(0, 2 * Sector), Magic).Load(buffer), "length");
            Check.Bytes(TestData.Pattern(20, 1), 0, 20, buffer, 0, 20);
        }

        public void Record_larger_than_a_copy_is_refused_and_the_old_one_kept()
        {
            NorFlash chip = new NorFlash(2 * Sector, Sector, 1);
            RecordStore store = new RecordStore(chip.Area(0, 2 * Sector), Magic);
            store.Load(new byte[store.MaxPayload]);
            store.Save(TestData.Pattern(8, 3), 0, 8);
            byte[] big = new byte[store.MaxPayload + 1];
            Check.Throws(typeof(StorageException), () => store.Save(big, 0, big.Length));
            Check.Equal(8, new RecordStore(chip.Area(0, 2 * Sector), Magic).Load(new byte[store.MaxPayload]), "length");
        }

        public void Area_too_small_for_two_copies_is_refused()
        {
            NorFlash chip = new NorFlash(Sector, Sector, 1);
            Check.Throws(typeof(StorageException), () => new RecordStore(chip.Area(0, Sector), Magic));
        }

        public void Erase_removes_the_record()
        {
            NorFlash chip = new NorFlash(2 * Sector, Sector, 1);
            RecordStore store = new RecordStore(chip.Area(0, 2 * Sector), Magic);
            store.Load(new byte[store.MaxPayload]);
            store.Save(TestData.Pattern(8, 3), 0, 8);
            store.Save(TestData.Pattern(9, 4), 0, 9);
            store.Erase();
            Check.Equal(-1, new RecordStore(chip.Area(0, 2 * Sector), Magic).Load(new byte[store.MaxPayload]), "length");
        }

        public void Power_cut_at_every_operation_of_a_save_leaves_the_old_or_the_new_record()
        {
            for (int seed = 1; seed <= 4; seed++)
            {
                int operations = CountSaveOperations();
                for (int cut = 1; cut <= operations; cut++)
                {
                    NorFlash chip = new NorFlash(4 * Sector, Sector, seed * 1000 + cut);
                    IFlashArea area = chip.Area(0, 4 * Sector);
                    RecordStore store = new RecordStore(area, Magic);
                    store.Load(new byte[store.MaxPayload]);
                    store.Save(TestData.Pattern(5000, 1), 0, 5000);
                    store.Save(TestData.Pattern(6000, 2), 0, 6000); // the old record; copy 0 holds an older one still

                    chip.CutAtOperation = chip.Operations + cut;
                    Check.Throws(typeof(PowerCutException), () => store.Save(TestData.Pattern(7000, 3), 0, 7000));
                    chip.PowerOn();

                    RecordStore rebooted = new RecordStore(area, Magic);
                    byte[] buffer = new byte[rebooted.MaxPayload];
                    int length = rebooted.Load(buffer);
                    string at = " (cut at operation " + cut.ToString() + ", seed " + seed.ToString() + ")";
                    if (length == 6000) Check.Bytes(TestData.Pattern(6000, 2), 0, 6000, buffer, 0, 6000, "old record" + at);
                    else if (length == 7000) Check.Bytes(TestData.Pattern(7000, 3), 0, 7000, buffer, 0, 7000, "new record" + at);
                    else Check.Fail("neither the old nor the new record is readable, length " + length.ToString() + at);

                    // Once power is back, the interrupted update can be done again and wins.
                    rebooted.Save(TestData.Pattern(7000, 3), 0, 7000);
                    Check.Equal(7000, new RecordStore(area, Magic).Load(buffer), "length after retry" + at);
                    Check.Bytes(TestData.Pattern(7000, 3), 0, 7000, buffer, 0, 7000, "record after retry" + at);
                }
            }
        }

        private static int CountSaveOperations()
        {
            NorFlash chip = new NorFlash(4 * Sector, Sector, 1);
            RecordStore store = new RecordStore(chip.Area(0, 4 * Sector), Magic);
            store.Load(new byte[store.MaxPayload]);
            int before = chip.Operations;
            store.Save(TestData.Pattern(7000, 3), 0, 7000);
            return chip.Operations - before;
        }
    }
}

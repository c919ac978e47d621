using System;
using Clife.Device.Hal;
using Clife.Device.Ota;
using Clife.Device.Simulation;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// The boot manager and its record (protocol.md section 8): adoption of an image without a record, one trial boot
    /// for a new image, confirmation, rollback of an unconfirmed or broken trial, fallback after repeated failed boots,
    /// and that a corrupt image is never started.
    /// </summary>
    public sealed class BootManagerTests
    {
        private const int SectorSize = 4096;
        private const int SlotSectors = 4;
        private const int A = 0;
        private const int B = 1;
        private const long UpgradeMsgId = 777;

        private readonly NorFlash _chip = new NorFlash((2 + 2 * SlotSectors) * SectorSize, SectorSize, 3);
        private readonly byte[] _scratch = new byte[BundleHeader.MaxHeaderSize];
        private readonly byte[] _old = TestImages.Build("1.0.0.0", 1, 5000);
        private readonly byte[] _new = TestImages.Build("1.1.0.0", 2, 6100);

        private IFlashArea BootArea => _chip.Area(0, 2 * SectorSize);
        private IFlashArea SlotArea(int slot) => _chip.Area((2 + slot * SlotSectors) * SectorSize, SlotSectors * SectorSize);
        private BootManager NewManager() => new BootManager(BootArea, SlotArea(A), SlotArea(B));

        public void Blank_flash_boots_no_image_and_writes_nothing()
        {
            BootDecision d = NewManager().Boot(_scratch);
            Check.Equal(BootRecord.NoSlot, d.Slot, "slot");
            Check.Null(d.Header, "header");
            Check.Equal("no valid image in either slot", d.Note, "note");
            Check.Equal(0, _chip.Operations, "flash operations");
            Check.Null(new BootStore(BootArea).Load(), "boot record");
        }

        public void Image_without_a_boot_record_is_adopted_and_described()
        {
            Write(B, _new);
            BootManager m = NewManager();
            BootDecision d = m.Boot(_scratch);
            Check.Equal(B, d.Slot, "slot");
            Check.False(d.Trial, "trial");
            Check.Equal("no boot record: adopted the image in slot B", d.Note, "note");
            BootRecord r = new BootStore(BootArea).Load()!;
            Check.Equal(B, r.Active, "active");
            Check.Equal(BootRecord.Confirmed, r.State, "state");
            Check.Equal(1, r.Attempts, "attempts");
            ExpectSlot(r, B, _new, "1.1.0.0", 2);
            Check.False(r.Slots[A].Valid, "slot A");
        }

        public void With_images_in_both_slots_and_no_record_slot_A_is_adopted()
        {
            Write(A, _old);
            Write(B, _new);
            BootDecision d = NewManager().Boot(_scratch);
            Check.Equal(A, d.Slot, "slot");
            Check.Equal("1.0.0.0", d.Header!.Software.ToString(), "software");
        }

        public void Factory_image_boots_confirmed_and_each_boot_counts_an_attempt()
        {
            BootManager m = NewManager();
            m.InstallFactoryImage(A, _old, _scratch);
            ExpectSlot(m.Record, A, _old, "1.0.0.0", 1);
            for (int boot = 1; boot <= 3; boot++)
            {
                BootDecision d = NewManager().Boot(_scratch);
                Check.Equal(A, d.Slot, "slot");
                Check.False(d.Trial, "trial");
                Check.Equal("", d.Note, "note");
                Check.Equal(boot, new BootStore(BootArea).Load()!.Attempts, "attempts after boot " + boot.ToString());
            }
            BootManager healthy = NewManager();
            healthy.Boot(_scratch);
            Check.False(healthy.MarkHealthy(), "a confirmed image confirms no trial");
            Check.Equal(0, new BootStore(BootArea).Load()!.Attempts, "attempts after MarkHealthy");
            int ops = _chip.Operations;
            Check.False(healthy.MarkHealthy(), "again");
            Check.Equal(ops, _chip.Operations, "nothing to save the second time");
        }

        public void Activate_gives_a_new_image_exactly_one_trial_boot()
        {
            BootManager m = Upgraded();
            BootRecord r = new BootStore(BootArea).Load()!;
            Check.Equal(B, r.Active, "active");
            Check.Equal(BootRecord.Trial, r.State, "state");
            Check.Equal(A, r.Previous, "previous");
            Check.Equal(0, r.Attempts, "attempts");
            Check.Equal(UpgradeMsgId, r.MsgId, "msgId");
            Check.True(m.InTrial, "in trial");

            BootDecision d = NewManager().Boot(_scratch);
            Check.Equal(B, d.Slot, "slot");
            Check.True(d.Trial, "trial");
            Check.Equal("1.1.0.0", d.Header!.Software.ToString(), "software");
            Check.Equal(1, new BootStore(BootArea).Load()!.Attempts, "the one attempt is spent");
        }

        public void MarkHealthy_confirms_the_trial_and_owes_the_upgrade_report_until_cleared()
        {
            Upgraded();
            BootManager m = NewManager();
            m.Boot(_scratch);
            Check.True(m.MarkHealthy(), "confirmed a trial");
            BootRecord r = new BootStore(BootArea).Load()!;
            Check.Equal(BootRecord.Confirmed, r.State, "state");
            Check.Equal(BootRecord.ReportUpgraded, r.Report, "report");
            Check.Equal(UpgradeMsgId, r.MsgId, "msgId");
            Check.Equal(0, r.Attempts, "attempts");
            Check.True(r.Slots[A].Valid, "the old image stays valid");

            m.ClearReport();
            r = new BootStore(BootArea).Load()!;
            Check.Equal(BootRecord.ReportNone, r.Report, "report cleared");
            Check.Equal(-1, r.MsgId, "msgId cleared");
            int ops = _chip.Operations;
            m.ClearReport();
            Check.Equal(ops, _chip.Operations, "clearing twice writes nothing");

            BootDecision d = NewManager().Boot(_scratch);
            Check.Equal(B, d.Slot, "the confirmed image keeps booting");
            Check.False(d.Trial, "not on trial");
        }

        public void Unconfirmed_trial_rolls_back_on_the_next_boot_and_owes_a_rollback_report()
        {
            Upgraded();
            NewManager().Boot(_scratch); // the trial boot, never confirmed
            BootManager m = NewManager();
            BootDecision d = m.Boot(_scratch);
            Check.Equal(A, d.Slot, "slot");
            Check.False(d.Trial, "trial");
            Check.Equal("the trial of slot B was never confirmed: rolled back to slot A", d.Note, "note");
            BootRecord r = m.Record;
            Check.Equal(A, r.Active, "active");
            Check.Equal(BootRecord.Confirmed, r.State, "state");
            Check.Equal(BootRecord.ReportRolledBack, r.Report, "report");
            Check.Equal(UpgradeMsgId, r.MsgId, "msgId of the upgrade");
            Check.Equal(BootRecord.NoSlot, r.Previous, "previous");
            Check.False(r.Slots[B].Valid, "the rejected image is invalid");
            ExpectSlot(r, A, _old, "1.0.0.0", 1);
            Check.Equal(A, NewManager().Boot(_scratch).Slot, "and stays rolled back");
        }

        public void Trial_image_that_no_longer_verifies_is_rolled_back_without_being_started()
        {
            Upgraded();
            Corrupt(B, 3000); // a bit flipped in flash
            BootManager m = NewManager();
            BootDecision d = m.Boot(_scratch);
            Check.Equal(A, d.Slot, "slot");
            Check.Equal("the new image in slot B does not verify: rolled back to slot A", d.Note, "note");
            Check.Equal(BootRecord.ReportRolledBack, m.Record.Report, "report");
            Check.Equal(UpgradeMsgId, m.Record.MsgId, "msgId");
            Check.False(m.Record.Slots[B].Valid, "slot B");
        }

        public void Confirmed_image_that_fails_to_come_up_falls_back_to_the_other_slot_after_MaxFailedBoots()
        {
            Upgraded();
            BootManager first = NewManager();
            first.Boot(_scratch);
            first.MarkHealthy();
            first.ClearReport();
            for (int boot = 1; boot <= BootManager.MaxFailedBoots; boot++)
            {
                BootDecision d = NewManager().Boot(_scratch);
                Check.Equal(B, d.Slot, "failed boot " + boot.ToString() + " still starts slot B");
            }
            BootManager m = NewManager();
            BootDecision fallback = m.Boot(_scratch);
            Check.Equal(A, fallback.Slot, "slot after " + BootManager.MaxFailedBoots.ToString() + " failed boots");
            Check.Equal("slot B failed to come up 5 times: falling back to slot A", fallback.Note, "note");
            Check.Equal(BootRecord.ReportFellBack, m.Record.Report, "report");
            Check.Equal(-1, m.Record.MsgId, "no request to answer");
            Check.True(m.Record.Slots[B].Valid, "the image that failed is still valid (it may have been the network)");
        }

        public void Confirmed_image_without_another_valid_slot_keeps_booting_after_failed_boots()
        {
            NewManager().InstallFactoryImage(A, _old, _scratch);
            for (int boot = 1; boot <= BootManager.MaxFailedBoots + 3; boot++)
                Check.Equal(A, NewManager().Boot(_scratch).Slot, "boot " + boot.ToString());
            Check.Equal(BootManager.MaxFailedBoots + 3, new BootStore(BootArea).Load()!.Attempts, "attempts");
        }

        public void Corrupt_active_image_is_never_started_and_the_other_valid_image_boots()
        {
            Upgraded();
            BootManager confirm = NewManager();
            confirm.Boot(_scratch);
            confirm.MarkHealthy();
            Corrupt(B, 0); // magic damaged
            BootManager m = NewManager();
            BootDecision d = m.Boot(_scratch);
            Check.Equal(A, d.Slot, "slot");
            Check.Contains("the image in slot B does not verify", d.Note, "note");
            Check.False(m.Record.Slots[B].Valid, "slot B marked invalid");
            Check.Equal(A, m.Record.Active, "active");
        }

        public void Corrupt_only_image_boots_nothing()
        {
            NewManager().InstallFactoryImage(A, _old, _scratch);
            Corrupt(A, 4000);
            BootManager m = NewManager();
            BootDecision d = m.Boot(_scratch);
            Check.Equal(BootRecord.NoSlot, d.Slot, "slot");
            Check.Null(d.Header, "header");
            Check.Contains("no valid image in either slot", d.Note, "note");
            Check.False(m.Record.Slots[A].Valid, "slot A marked invalid");
        }

        public void SwitchToOther_makes_the_other_valid_image_active_and_confirmed()
        {
            Upgraded();
            BootManager m = NewManager();
            m.Boot(_scratch);
            m.MarkHealthy();
            Check.True(m.SwitchToOther(), "switched");
            BootRecord r = new BootStore(BootArea).Load()!;
            Check.Equal(A, r.Active, "active");
            Check.Equal(B, r.Previous, "previous");
            Check.Equal(BootRecord.Confirmed, r.State, "state");
            Check.Equal(BootRecord.ReportNone, r.Report, "report");
            BootDecision d = NewManager().Boot(_scratch);
            Check.Equal(A, d.Slot, "boots A");
            Check.False(d.Trial, "not on trial");
        }

        public void SwitchToOther_without_a_valid_other_slot_refuses_and_writes_nothing()
        {
            BootManager m = NewManager();
            Check.False(m.SwitchToOther(), "no record at all");
            m.InstallFactoryImage(A, _old, _scratch);
            int ops = _chip.Operations;
            Check.False(m.SwitchToOther(), "slot B is empty");
            Check.Equal(ops, _chip.Operations, "flash operations");
        }

        public void Invalidate_refuses_the_active_slot_and_forgets_the_other()
        {
            Upgraded();
            BootManager m = NewManager();
            m.Boot(_scratch);
            m.MarkHealthy();
            Check.Throws(typeof(InvalidOperationException), delegate { m.Invalidate(B); });
            Check.True(new BootStore(BootArea).Load()!.Slots[B].Valid, "active slot untouched");
            m.Invalidate(A);
            BootRecord r = new BootStore(BootArea).Load()!;
            Check.False(r.Slots[A].Valid, "slot A invalid");
            Check.Equal("", r.Slots[A].Software, "slot A forgotten");
            Check.Equal(BootRecord.NoSlot, r.Previous, "previous no longer points at it");
            int ops = _chip.Operations;
            m.Invalidate(A);
            Check.Equal(ops, _chip.Operations, "invalidating twice writes nothing");
        }

        public void Current_reports_how_the_image_was_booted_and_changes_nothing()
        {
            Check.Equal(BootRecord.NoSlot, NewManager().Current(_scratch).Slot, "blank");
            Upgraded();
            BootManager m = NewManager();
            BootDecision booted = m.Boot(_scratch);
            int ops = _chip.Operations;
            BootManager app = NewManager();
            BootDecision current = app.Current(_scratch);
            Check.Equal(booted.Slot, current.Slot, "slot");
            Check.Equal(booted.Trial, current.Trial, "trial");
            Check.Equal("1.1.0.0", current.Header!.Software.ToString(), "software");
            Check.Equal(1, app.Record.Attempts, "attempts unchanged");
            Check.Equal(ops, _chip.Operations, "flash operations");
            Corrupt(B, 100);
            Check.Equal(BootRecord.NoSlot, NewManager().Current(_scratch).Slot, "a corrupt active slot");
        }

        public void Boot_record_round_trips_every_field_through_flash()
        {
            BootRecord r = new BootRecord();
            r.Active = B;
            r.State = BootRecord.Trial;
            r.Attempts = 3;
            r.Previous = A;
            r.Report = BootRecord.ReportFellBack;
            r.MsgId = 1234567890123;
            r.Slots[A].Valid = true;
            r.Slots[A].Size = 5000;
            r.Slots[A].Software = "1.0.0.0";
            r.Slots[A].Hardware = "1.0";
            r.Slots[A].ProductVer = 1;
            r.Slots[A].Md5 = TestImages.Md5Hex(_old);
            r.Slots[B].Software = "2.0.0.0";
            new BootStore(BootArea).Save(r);
            BootRecord back = new BootStore(BootArea).Load()!;
            Check.Equal(B, back.Active, "active");
            Check.Equal(BootRecord.Trial, back.State, "state");
            Check.Equal(3, back.Attempts, "attempts");
            Check.Equal(A, back.Previous, "previous");
            Check.Equal(BootRecord.ReportFellBack, back.Report, "report");
            Check.Equal(1234567890123, back.MsgId, "msgId");
            Check.True(back.Slots[A].Valid, "A valid");
            Check.Equal(5000, back.Slots[A].Size, "A size");
            Check.Equal("1.0.0.0", back.Slots[A].Software, "A software");
            Check.Equal("1.0", back.Slots[A].Hardware, "A hardware");
            Check.Equal(1, back.Slots[A].ProductVer, "A productVer");
            Check.Equal(TestImages.Md5Hex(_old), back.Slots[A].Md5, "A md5");
            Check.False(back.Slots[B].Valid, "B valid");
            Check.Equal("2.0.0.0", back.Slots[B].Software, "B software");
        }

        private BootManager Upgraded()
        {
            BootManager m = NewManager();
            m.InstallFactoryImage(A, _old, _scratch);
            m.Boot(_scratch);
            m.MarkHealthy();
            m.Invalidate(B);
            Write(B, _new);
            BundleHeader h = Bundle.Verify(SlotArea(B), _new.Length, _scratch);
            m.Activate(B, m.Describe(h, B, _scratch), UpgradeMsgId);
            return m;
        }

        private void Write(int slot, byte[] image)
        {
            IFlashArea area = SlotArea(slot);
            area.Erase(0, area.Size);
            area.Write(0, image, 0, image.Length);
        }

        /// <summary>Clears one set bit of a stored byte (NOR flash can only clear bits).</summary>
        private void Corrupt(int slot, int at)
        {
            byte[] one = new byte[1];
            SlotArea(slot).Read(at, one, 0, 1);
            Check.True(one[0] != 0, "byte " + at.ToString() + " has a bit to clear");
            one[0] = (byte)(one[0] & (one[0] - 1));
            SlotArea(slot).Write(at, one, 0, 1);
        }

        private static void ExpectSlot(BootRecord r, int slot, byte[] image, string software, int productVer)
        {
            SlotInfo s = r.Slots[slot];
            string name = "slot " + BootRecord.SlotName(slot);
            Check.True(s.Valid, name + " valid");
            Check.Equal(image.Length, s.Size, name + " size");
            Check.Equal(software, s.Software, name + " software");
            Check.Equal(TestImages.Hardware, s.Hardware, name + " hardware");
            Check.Equal(productVer, s.ProductVer, name + " productVer");
            Check.Equal(TestImages.Md5Hex(image), s.Md5, name + " md5");
        }
    }
}

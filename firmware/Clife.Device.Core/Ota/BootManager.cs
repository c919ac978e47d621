using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Text;

namespace Clife.Device.Ota
{
    /// <summary>What the boot manager decided at power-on.</summary>
    public sealed class BootDecision
    {
        /// <summary>Creates a decision.</summary>
        public BootDecision(int slot, BundleHeader? header, bool trial, string note)
        {
            Slot = slot;
            Header = header;
            Trial = trial;
            Note = note;
        }

        /// <summary>The slot to start, or <see cref="BootRecord.NoSlot"/> when no valid image exists.</summary>
        public int Slot { get; }
        /// <summary>The verified header of the image to start (null when none).</summary>
        public BundleHeader? Header { get; }
        /// <summary>True when the image runs on trial and must reach Connected before a reboot.</summary>
        public bool Trial { get; }
        /// <summary>What the boot manager did (rollback, fallback, adoption), or an empty string.</summary>
        public string Note { get; }
    }

    /// <summary>
    /// Picks the slot to boot and keeps the boot record (protocol.md section 8, in the manner of ESP-IDF's app
    /// rollback and MCUboot's test swap): a new image gets one trial boot and must confirm itself; an unconfirmed trial
    /// rolls back on the next boot; an image that fails to come up <see cref="MaxFailedBoots"/> times in a row falls
    /// back to the other valid slot; an image whose bytes no longer verify is never started. Every change of the record
    /// is one atomic save, so a power cut at any point leaves a bootable decision.
    /// </summary>
    public sealed class BootManager
    {
        /// <summary>Boots of a confirmed image that never became healthy before falling back to the other slot.</summary>
        public const int MaxFailedBoots = 5;

        private readonly BootStore _store;
        private readonly IFlashArea[] _slots;

        /// <summary>Uses the boot-record area and the two slots.</summary>
        public BootManager(IFlashArea bootArea, IFlashArea slotA, IFlashArea slotB)
        {
            _store = new BootStore(bootArea);
            _slots = new IFlashArea[] { slotA, slotB };
            Record = _store.Load() ?? new BootRecord();
        }

        /// <summary>The boot record as last loaded or saved (a copy is safe to read; change it only through this class).</summary>
        public BootRecord Record { get; private set; }

        /// <summary>A slot's flash area.</summary>
        public IFlashArea Slot(int slot) => _slots[slot];

        /// <summary>True while a trial image runs unconfirmed (a new upgrade must wait).</summary>
        public bool InTrial => Record.State == BootRecord.Trial;

        /// <summary>
        /// Decides what to boot, saving the record as it goes (attempt counters, rollback, fallback). The scratch
        /// buffer (at least <see cref="BundleHeader.MaxHeaderSize"/> bytes) is used to verify the chosen image.
        /// </summary>
        public BootDecision Boot(byte[] scratch)
        {
            BootRecord? stored = _store.Load();
            string note = "";
            BootRecord r;
            if (stored == null)
            {
                r = new BootRecord();
                for (int slot = 0; slot < _slots.Length && r.Active == BootRecord.NoSlot; slot++)
                {
                    BundleHeader? found = TryVerify(slot, -1, scratch);
                    if (found == null) continue;
                    r.Active = slot;
                    r.Slots[slot] = Describe(found, slot, scratch);
                    note = "no boot record: adopted the image in slot " + BootRecord.SlotName(slot);
                }
                if (r.Active == BootRecord.NoSlot) return new BootDecision(BootRecord.NoSlot, null, false, "no valid image in either slot");
                Save(r);
            }
            else
            {
                r = stored;
            }

            for (int round = 0; round < 4; round++)
            {
                if (r.Active == BootRecord.NoSlot || !r.Slots[r.Active].Valid)
                {
                    int other = r.Active == BootRecord.NoSlot ? 0 : BootRecord.Other(r.Active);
                    if (!r.Slots[other].Valid) other = BootRecord.Other(other);
                    if (!r.Slots[other].Valid) return new BootDecision(BootRecord.NoSlot, null, false, Join(note, "no valid image in either slot"));
                    r.Active = other;
                    r.State = BootRecord.Confirmed;
                    r.Attempts = 0;
                    Save(r);
                }
                int active = r.Active;
                if (r.State == BootRecord.Trial)
                {
                    if (r.Attempts >= 1)
                    {
                        note = Join(note, RollBack(r, "the trial of slot " + BootRecord.SlotName(active) + " was never confirmed"));
                        continue;
                    }
                    r.Attempts = 1;
                    Save(r);
                }
                else
                {
                    int other = BootRecord.Other(active);
                    if (r.Attempts >= MaxFailedBoots && r.Slots[other].Valid)
                    {
                        note = Join(note, "slot " + BootRecord.SlotName(active) + " failed to come up " + r.Attempts.ToString()
                                          + " times: falling back to slot " + BootRecord.SlotName(other));
                        r.Active = other;
                        r.Attempts = 0;
                        r.Previous = BootRecord.NoSlot;
                        r.Report = BootRecord.ReportFellBack;
                        r.MsgId = -1;
                        Save(r);
                        continue;
                    }
                    r.Attempts++;
                    Save(r);
                }

                BundleHeader? header = TryVerify(active, r.Slots[active].Size, scratch);
                if (header != null) return new BootDecision(active, header, r.State == BootRecord.Trial, note);

                r.Slots[active].Valid = false;
                if (r.State == BootRecord.Trial) note = Join(note, RollBack(r, "the new image in slot " + BootRecord.SlotName(active) + " does not verify"));
                else
                {
                    note = Join(note, "the image in slot " + BootRecord.SlotName(active) + " does not verify");
                    Save(r);
                }
            }
            return new BootDecision(BootRecord.NoSlot, null, false, Join(note, "no bootable image"));
        }

        /// <summary>
        /// How the image that is running now was booted, from the record alone (no counters change): for an
        /// application started by a separate loader that already called <see cref="Boot"/>.
        /// </summary>
        public BootDecision Current(byte[] scratch)
        {
            BootRecord r = Record;
            if (r.Active == BootRecord.NoSlot) return new BootDecision(BootRecord.NoSlot, null, false, "no boot record");
            BundleHeader? header = TryVerify(r.Active, r.Slots[r.Active].Size, scratch);
            if (header == null) return new BootDecision(BootRecord.NoSlot, null, false, "the active slot does not verify");
            return new BootDecision(r.Active, header, r.State == BootRecord.Trial, "");
        }

        /// <summary>
        /// The running image is healthy (it reached Connected, or a confirmed image ran long enough): a trial becomes
        /// confirmed and owes the platform an "upgrade finished" report; the failed-boot counter starts over.
        /// Returns true when a trial was confirmed.
        /// </summary>
        public bool MarkHealthy()
        {
            BootRecord r = Record.Clone();
            bool confirmed = r.State == BootRecord.Trial;
            if (!confirmed && r.Attempts == 0) return false;
            if (confirmed)
            {
                r.State = BootRecord.Confirmed;
                r.Report = BootRecord.ReportUpgraded;
            }
            r.Attempts = 0;
            Save(r);
            return confirmed;
        }

        /// <summary>The owed report was delivered.</summary>
        public void ClearReport()
        {
            if (Record.Report == BootRecord.ReportNone) return;
            BootRecord r = Record.Clone();
            r.Report = BootRecord.ReportNone;
            r.MsgId = -1;
            Save(r);
        }

        /// <summary>
        /// Marks a slot invalid before it is overwritten (never the active slot). After this the boot manager will not
        /// start it, whatever a power cut leaves in it.
        /// </summary>
        public void Invalidate(int slot)
        {
            if (slot == Record.Active) throw new System.InvalidOperationException("the active slot cannot be overwritten");
            if (!Record.Slots[slot].Valid && Record.Previous != slot) return;
            BootRecord r = Record.Clone();
            r.Slots[slot] = new SlotInfo();
            if (r.Previous == slot) r.Previous = BootRecord.NoSlot;
            Save(r);
        }

        /// <summary>
        /// Makes a verified image the next to boot, on trial, remembering the current slot to roll back to and the
        /// msgId the later reports answer.
        /// </summary>
        public void Activate(int slot, SlotInfo info, long msgId)
        {
            BootRecord r = Record.Clone();
            r.Slots[slot] = info.Clone();
            r.Slots[slot].Valid = true;
            r.Previous = r.Active;
            r.Active = slot;
            r.State = BootRecord.Trial;
            r.Attempts = 0;
            r.Report = BootRecord.ReportNone;
            r.MsgId = msgId;
            Save(r);
        }

        /// <summary>Switches to the other valid slot as a confirmed image (the console's rollback). False when there is none.</summary>
        public bool SwitchToOther()
        {
            if (Record.Active == BootRecord.NoSlot) return false;
            int other = BootRecord.Other(Record.Active);
            if (!Record.Slots[other].Valid) return false;
            BootRecord r = Record.Clone();
            r.Previous = r.Active;
            r.Active = other;
            r.State = BootRecord.Confirmed;
            r.Attempts = 0;
            r.Report = BootRecord.ReportNone;
            r.MsgId = -1;
            Save(r);
            return true;
        }

        /// <summary>
        /// Writes an image into a slot and makes it the confirmed active image, as flashing a board does (flash.ps1,
        /// or a blank virtual device). Throws a BundleException when the bytes are not a valid bundle.
        /// </summary>
        public void InstallFactoryImage(int slot, byte[] bundle, byte[] scratch)
        {
            IFlashArea area = _slots[slot];
            if (bundle.Length > area.Size) throw new BundleException("image of " + bundle.Length.ToString() + " bytes does not fit a slot of " + area.Size.ToString());
            area.Erase(0, area.Size);
            area.Write(0, bundle, 0, bundle.Length);
            MakeFactoryRecord(slot, Bundle.Verify(area, bundle.Length, scratch), scratch);
        }

        /// <summary>
        /// Like <see cref="InstallFactoryImage(int, byte[], byte[])"/>, but copies the bundle from another flash area (an image
        /// staged in a file, see the ESP32 loader) through the scratch buffer, so the image never has to fit in RAM. The
        /// staged image is verified before the slot is touched: a broken one changes nothing and throws a BundleException.
        /// </summary>
        public void InstallFactoryImage(int slot, IFlashArea source, byte[] scratch)
        {
            int length = Bundle.Verify(source, -1, scratch).TotalLength;
            IFlashArea area = _slots[slot];
            if (length > area.Size) throw new BundleException("image of " + length.ToString() + " bytes does not fit a slot of " + area.Size.ToString());
            area.Erase(0, area.Size);
            for (int at = 0; at < length;)
            {
                int n = length - at;
                if (n > scratch.Length) n = scratch.Length;
                source.Read(at, scratch, 0, n);
                area.Write(at, scratch, 0, n);
                at += n;
            }
            MakeFactoryRecord(slot, Bundle.Verify(area, length, scratch), scratch);
        }

        private void MakeFactoryRecord(int slot, BundleHeader header, byte[] scratch)
        {
            BootRecord r = new BootRecord();
            r.Active = slot;
            r.Slots[slot] = Describe(header, slot, scratch);
            Save(r);
        }

        /// <summary>Reads the slot back and describes the image in it (versions, size, MD5).</summary>
        public SlotInfo Describe(BundleHeader header, int slot, byte[] scratch)
        {
            Md5 md5 = new Md5();
            IFlashArea area = _slots[slot];
            int size = header.TotalLength;
            for (int at = 0; at < size;)
            {
                int n = size - at;
                if (n > scratch.Length) n = scratch.Length;
                area.Read(at, scratch, 0, n);
                md5.Update(scratch, 0, n);
                at += n;
            }
            byte[] digest = new byte[Md5.HashSize];
            md5.Final(digest, 0);
            return Describe(header, Hex.Encode(digest, 0, digest.Length));
        }

        /// <summary>
        /// Describes a verified image whose MD5 (lowercase hex of its <see cref="BundleHeader.TotalLength"/> bytes) is
        /// already known, as when a download hashed the slot's bytes as it wrote them.
        /// </summary>
        public static SlotInfo Describe(BundleHeader header, string md5)
        {
            SlotInfo info = new SlotInfo();
            info.Valid = true;
            info.Size = header.TotalLength;
            info.Software = header.Software.ToString();
            info.Hardware = header.Hardware.ToString();
            info.ProductVer = header.ProductVer;
            info.Md5 = md5;
            return info;
        }

        private string RollBack(BootRecord r, string why)
        {
            int from = r.Active;
            int to = r.Previous;
            r.Slots[from].Valid = false;
            r.State = BootRecord.Confirmed;
            r.Attempts = 0;
            r.Previous = BootRecord.NoSlot;
            if (to != BootRecord.NoSlot && r.Slots[to].Valid)
            {
                r.Active = to;
                r.Report = BootRecord.ReportRolledBack;
                Save(r);
                return why + ": rolled back to slot " + BootRecord.SlotName(to);
            }
            r.Report = BootRecord.ReportRolledBack;
            Save(r);
            return why + " and there is no previous image to roll back to";
        }

        private BundleHeader? TryVerify(int slot, long expectedLength, byte[] scratch)
        {
            try
            {
                return Bundle.Verify(_slots[slot], expectedLength > 0 ? expectedLength : -1, scratch);
            }
            catch (BundleException)
            {
                return null;
            }
        }

        private void Save(BootRecord r)
        {
            _store.Save(r);
            Record = r.Clone();
        }

        private static string Join(string a, string b) => a.Length == 0 ? b : a + "; " + b;
    }
}

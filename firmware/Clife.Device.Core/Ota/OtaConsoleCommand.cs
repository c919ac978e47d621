using Clife.Device.Protocol;
using Clife.Device.Shell;

namespace Clife.Device.Ota
{
    /// <summary>The console's <c>ota</c> commands: status of the slots and downloads, rollback, and asking for an upgrade.</summary>
    public sealed class OtaConsoleCommand : ConsoleCommand
    {
        private const string RollbackAction = "ota-rollback";
        private readonly FileOperations _ota;

        /// <summary>Serves the given file operations.</summary>
        public OtaConsoleCommand(FileOperations ota)
        {
            _ota = ota;
        }

        /// <inheritdoc/>
        public override string Name => "ota";

        /// <inheritdoc/>
        public override void Help(ServiceConsole console)
        {
            console.WriteLine("ota status                   slots, versions, trial state, download in progress or resumable");
            console.WriteLine("ota rollback                 boot the image in the other slot (asks first)");
            console.WriteLine("ota check [ALL|FIRM|SUBFIRM] ask the platform for an upgrade (2018 respCode 2)");
        }

        /// <inheritdoc/>
        public override void Run(ServiceConsole console, string[] words)
        {
            string sub = words.Length > 1 ? words[1] : "";
            switch (sub)
            {
                case "status":
                    if (words.Length != 2) break;
                    Status(console);
                    return;
                case "rollback":
                    if (words.Length != 2) break;
                    BootRecord r = _ota.Boot.Record;
                    int other = r.Active == BootRecord.NoSlot ? BootRecord.NoSlot : BootRecord.Other(r.Active);
                    if (other == BootRecord.NoSlot || !r.Slots[other].Valid)
                    {
                        console.WriteLine("error: the other slot holds no valid image; nothing to roll back to");
                        return;
                    }
                    if (_ota.Busy)
                    {
                        console.WriteLine("error: a file operation is running; try again when it is done");
                        return;
                    }
                    console.Confirm("Boot " + r.Slots[other].Software + " from slot " + BootRecord.SlotName(other) + " instead of "
                                    + r.Slots[r.Active].Software + "?", RollbackAction);
                    return;
                case "check":
                    string scope = words.Length > 2 ? words[2].ToUpper() : Names.ScopeAll;
                    if (words.Length > 3 || (scope != Names.ScopeAll && scope != Names.TypeFirm && scope != Names.TypeSubFirm)) break;
                    _ota.RequestUpgrade(scope);
                    console.WriteLine("upgrade request (" + scope + ") sent" + (_ota.Busy ? "; note: a file operation is already running" : ""));
                    return;
            }
            console.WriteLine("error: usage: ota status | ota rollback | ota check [ALL|FIRM|SUBFIRM]");
        }

        /// <inheritdoc/>
        public override void Confirmed(ServiceConsole console, string action)
        {
            if (action != RollbackAction) return;
            if (_ota.RollbackNow()) console.WriteLine("switched slots; rebooting");
            else console.WriteLine("error: could not switch slots (busy, or the other slot is no longer valid)");
        }

        private void Status(ServiceConsole console)
        {
            BootRecord r = _ota.Boot.Record;
            for (int slot = 0; slot < r.Slots.Length; slot++)
            {
                SlotInfo s = r.Slots[slot];
                string role = slot == r.Active ? (r.State == BootRecord.Trial ? "active, ON TRIAL" : "active") : "inactive";
                console.WriteLine("slot " + BootRecord.SlotName(slot) + " (" + role + "): "
                                  + (s.Valid ? "software " + s.Software + ", hardware " + s.Hardware + ", productVer " + s.ProductVer.ToString()
                                               + ", " + s.Size.ToString() + " bytes, md5 " + s.Md5
                                             : "no valid image"));
            }
            console.WriteLine("boot:       " + (r.State == BootRecord.Trial ? "trial, must reach Connected within the trial window" : "confirmed")
                              + ", " + r.Attempts.ToString() + " boot(s) since last healthy"
                              + (_ota.Decision.Note.Length > 0 ? "; at boot: " + _ota.Decision.Note : ""));
            string activity = _ota.Activity;
            console.WriteLine("operation:  " + (activity.Length > 0 ? activity : "none"));
            DownloadRecord? p = _ota.Pending;
            if (p != null && activity.Length == 0)
            {
                console.WriteLine("resumable:  " + p.File.FileType + " " + p.File.Software + " for msgId " + p.MsgId.ToString() + ", "
                                  + p.Offset.ToString() + (p.Total >= 0 ? " of " + p.Total.ToString() : "") + " bytes ("
                                  + (p.Total > 0 ? (p.Offset * 100 / p.Total).ToString() + "%" : "size unknown") + "), resumes when the same URL and md5 are requested again");
            }
        }
    }
}

using System.Collections;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Storage;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// One FIRM upgrade for the power-loss tests, set up the same way (same flash, same msgIds) every time it is
    /// created: a device online with the old image, the new image hosted, and the 2019 that installs it. It drives the
    /// upgrade to its end the way the platform would: when the device is idle after a power cut without having
    /// finished (nothing left to resume), the platform sends the same request again, as a new 2019 (a repeat of the
    /// old msgId would be a duplicate, answered from the device's reply cache).
    /// </summary>
    public sealed class UpgradeScenario
    {
        private const int A = 0;
        private const int B = 1;

        private UpgradeScenario(OtaHarness h, byte[] oldImage, int oldSlot, byte[] newImage, string data)
        {
            H = h;
            OldImage = oldImage;
            OldSlot = oldSlot;
            NewImage = newImage;
            NewSlot = BootRecord.Other(oldSlot);
            Data = data;
            StartOperations = h.Flash.Operations;
        }

        /// <summary>The device.</summary>
        public OtaHarness H { get; }
        /// <summary>The image running before the upgrade.</summary>
        public byte[] OldImage { get; }
        /// <summary>Its slot.</summary>
        public int OldSlot { get; }
        /// <summary>The image the upgrade installs.</summary>
        public byte[] NewImage { get; }
        /// <summary>The slot it goes into.</summary>
        public int NewSlot { get; }
        /// <summary>The data of the 2019.</summary>
        public string Data { get; }
        /// <summary>msgId of the first 2019 (0 before <see cref="Send"/>).</summary>
        public long MsgId { get; private set; }
        /// <summary>msgIds of the 2019s sent, the first and the retries.</summary>
        public readonly ArrayList MsgIds = new ArrayList();
        /// <summary>Flash operations done before the 2019 arrived.</summary>
        public int StartOperations { get; }
        /// <summary>Times the platform had to send the 2019 again.</summary>
        public int Retries { get; private set; }

        /// <summary>The first upgrade of a factory-fresh device: slot B is blank.</summary>
        public static UpgradeScenario First(int imageBytes, string entryPoint)
        {
            OtaHarness h = OtaHarness.Online();
            byte[] image = TestImages.Build("1.0.1.0", 2, imageBytes, entryPoint);
            h.Know(image);
            return new UpgradeScenario(h, h.Factory, A, image, OtaHarness.FirmDown(h.Host("firmware-1.0.1.0.bin", image), image));
        }

        /// <summary>The second upgrade: slot A still holds the factory image, which the new image overwrites.</summary>
        public static UpgradeScenario Second(int imageBytes)
        {
            OtaHarness h = OtaHarness.Online();
            byte[] first = h.NewImage("1.0.1.0", 2, 20000);
            h.Upgrade(first);
            h.RunUntil(delegate { return h.Reboots == 1 && h.Firmware != null && h.Device.State == DeviceState.Connected && h.Record.Report == BootRecord.ReportNone; },
                       30000, "the first upgrade");
            byte[] image = h.NewImage("1.0.2.0", 3, imageBytes);
            return new UpgradeScenario(h, first, B, image, OtaHarness.FirmDown(h.Host("firmware-1.0.2.0.bin", image), image));
        }

        /// <summary>The platform sends the 2019.</summary>
        public void Send()
        {
            long msgId = H.SendFile(Data);
            if (MsgIds.Count == 0) MsgId = msgId;
            MsgIds.Add(msgId);
        }

        /// <summary>The 2018 events of every 2019 of the scenario, request by request, separated by " | ".</summary>
        public string Events()
        {
            string result = "";
            for (int i = 0; i < MsgIds.Count; i++) result += (i > 0 ? " | " : "") + H.Events((long)MsgIds[i]!);
            return result;
        }

        /// <summary>How often the scenario's requests got this event.</summary>
        public int Count(int respCode, string respCont) => Occurrences(Events(), "{" + respCode.ToString() + "," + respCont + "}");

        /// <summary>How often a fragment occurs in a text.</summary>
        public static int Occurrences(string text, string fragment)
        {
            int n = 0;
            for (int at = text.IndexOf(fragment); at >= 0; at = text.IndexOf(fragment, at + fragment.Length)) n++;
            return n;
        }

        /// <summary>The new image is active, confirmed, reported, and nothing is left to do.</summary>
        public bool Upgraded => SettledOn(NewSlot) && H.Device.Identity.Software == Software(NewImage);

        /// <summary>The new image was rejected and the old one runs again, with the rollback reported.</summary>
        public bool RolledBack => SettledOn(OldSlot) && Count(FileReply.Failure, "rollback") > 0;

        /// <summary>Runs until the upgrade is done; the platform repeats the 2019 whenever the device sits idle without it.</summary>
        public void RunToUpgraded(long maxMs) => RunTo(false, maxMs);

        /// <summary>Runs until the new image was rolled back; the platform repeats the 2019 while it has not been installed.</summary>
        public void RunToRolledBack(long maxMs) => RunTo(true, maxMs);

        /// <summary>The boot after a power cut started a whole image, old or new (the harness checks its bytes), and only the first boot found none.</summary>
        public void ExpectBootedOldOrNew(string what)
        {
            OtaHarness h = H;
            Check.Equal(1, h.BlankBoots, what + ": boots without any valid image (only the factory-fresh one)");
            string running = h.BootLog[h.BootLog.Count - 1]!.ToString()!;
            string old = BootRecord.SlotName(OldSlot) + " " + Software(OldImage);
            string fresh = BootRecord.SlotName(NewSlot) + " " + Software(NewImage);
            Check.True(running.StartsWith(old) || running.StartsWith(fresh), what + ": booted \"" + running + "\", neither " + old + " nor " + fresh);
        }

        /// <summary>The end of a successful upgrade: the new image runs confirmed, the old one is still valid in the other slot.</summary>
        public void ExpectUpgraded(string what)
        {
            H.ExpectRunning(NewSlot, NewImage, what);
            H.ExpectSlotHolds(OldSlot, OldImage, what);
        }

        private void RunTo(bool rollback, long maxMs)
        {
            OtaHarness h = H;
            long until = h.Clock.NowMs + maxMs;
            while (h.Clock.NowMs < until)
            {
                if (rollback ? RolledBack : Upgraded) return;
                if (Idle())
                {
                    // Let a resume start (it begins at the first connection of a boot); if none does, the platform retries.
                    h.Run(2000);
                    if ((rollback ? RolledBack : Upgraded) || !Idle()) continue;
                    Retries++;
                    Send();
                }
                h.StepOnce();
            }
            Check.Fail((rollback ? "no rollback" : "not upgraded") + " within " + maxMs.ToString() + " ms: boots " + h.BootHistory()
                       + "; 2018 " + Events() + "; record active " + h.Record.Active.ToString() + " state " + h.Record.State.ToString()
                       + " report " + h.Record.Report.ToString() + (h.Firmware == null ? "" : "; device " + h.Device.StateName + ", activity " + h.Ota.Activity));
        }

        private bool Idle()
        {
            OtaHarness h = H;
            return h.Firmware != null && h.Device.State == DeviceState.Connected && !h.Ota.Busy;
        }

        /// <summary>Idle with nothing left to resume, the slot active and confirmed, and no report owed.</summary>
        private bool SettledOn(int slot)
        {
            BootRecord r = H.Record;
            return Idle() && H.Ota.Pending == null && r.Active == slot && r.State == BootRecord.Confirmed && r.Report == BootRecord.ReportNone;
        }

        private static string Software(byte[] image) => BundleHeader.Parse(image, 0, image.Length).Software.ToString();
    }
}

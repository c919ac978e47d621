using System;
using System.Collections;
using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Storage;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// Power-loss injection in the manner of MCUboot's simulator: a complete OTA (download, boot-record swap, trial,
    /// confirmation) is run once to count its flash operations, then again from the same flash with the power cut at
    /// operation 1, 2, ... N. After every cut the device boots a whole image, old or new (never a mix, never none),
    /// and the upgrade still ends with the new image active and confirmed and reported once.
    /// </summary>
    public sealed class OtaPowerLossTests
    {
        /// <summary>Three sectors and a bit: few operations per run, yet every phase (several chunks, resume points) is there.</summary>
        private const int SmallImage = 3 * OtaHarness.SectorSize + 500;
        /// <summary>Operations of the boot-record save that clears the owed report: erase, payload, header.</summary>
        private const int RecordSaveOps = 3;
        private const long RunLimitMs = 600000;

        public void Power_cut_at_every_flash_operation_of_a_first_upgrade_never_loses_the_device()
        {
            Exhaustive(false, SmallImage, "{1,1} {1,30} {1,60} {1,90} {1,100} {0,1} {0,100} {3,ver}");
        }

        public void Power_cut_at_every_flash_operation_of_an_upgrade_over_the_older_image_never_loses_the_device()
        {
            Exhaustive(true, SmallImage, "{1,1} {1,30} {1,60} {1,90} {1,100} {0,1} {0,100} {3,ver}");
        }

        public void Power_cut_at_every_flash_operation_of_an_upgrade_that_fills_the_slot_never_loses_the_device()
        {
            Exhaustive(false, 17 * OtaHarness.SectorSize + 300,
                       "{1,1} {1,10} {1,20} {1,30} {1,40} {1,50} {1,60} {1,70} {1,80} {1,90} {1,100} {0,1} {0,100} {3,ver}");
        }

        public void Power_cut_at_every_flash_operation_of_a_rejected_upgrade_still_rolls_back_once()
        {
            UpgradeScenario reference = UpgradeScenario.First(SmallImage, TestImages.NoNetworkEntryPoint);
            SetShortTrial(reference.H);
            int start = reference.H.Flash.Operations;
            reference.Send();
            reference.RunToRolledBack(RunLimitMs);
            int total = reference.H.Flash.Operations - start;
            Check.Equal("{1,1} {1,30} {1,60} {1,90} {1,100} {0,1} {-1,rollback}", reference.Events(), "2018 without a cut");

            for (int cut = 1; cut <= total; cut++)
            {
                string what = "cut at operation " + cut.ToString() + " of " + total.ToString();
                UpgradeScenario s = UpgradeScenario.First(SmallImage, TestImages.NoNetworkEntryPoint);
                SetShortTrial(s.H);
                Check.Equal(start, s.H.Flash.Operations, what + ": the same flash before the 2019");
                s.H.Flash.CutAtOperation = start + cut;
                s.Send();
                s.H.RunUntil(delegate { return s.H.PowerCuts == 1; }, RunLimitMs, what + ": the cut");
                s.ExpectBootedOldOrNew(what);
                s.RunToRolledBack(RunLimitMs);
                s.H.ExpectRunning(s.OldSlot, s.OldImage, what);
                Check.False(s.H.Record.Slots[s.NewSlot].Valid, what + ": the rejected image is invalid");
                ExpectOnce(s, FileReply.Failure, "rollback", cut > total - RecordSaveOps, what);
                string events = s.Events();
                Check.Equal(s.Count(FileReply.Failure, "rollback"), Occurrences(events, "{-1,"), what + ": the rollback is the only failure reported (" + events + ")");
                Check.True(s.Count(FileReply.UpgradeProgress, "1") <= 1, what + ": installed at most once (" + events + ")");
            }
        }

        public void Random_power_cuts_during_a_larger_upgrade_never_lose_the_device()
        {
            int[] seeds = { 1, 2, 3, 4, 5, 6, 7, 8 };
            for (int k = 0; k < seeds.Length; k++)
            {
                Random random = new Random(seeds[k]);
                UpgradeScenario s = UpgradeScenario.First(15 * OtaHarness.SectorSize + 1234, TestImages.AppEntryPoint);
                int cuts = 0;
                s.H.Flash.CutAtOperation = s.H.Flash.Operations + 1 + random.Next(40);
                s.Send();
                while (!s.Upgraded && cuts < 6)
                {
                    string what = "seed " + seeds[k].ToString() + ", cut " + (cuts + 1).ToString();
                    s.H.RunUntil(delegate { return s.H.PowerCuts > cuts || s.Upgraded; }, RunLimitMs, what);
                    if (s.H.PowerCuts == cuts) break;
                    cuts++;
                    s.ExpectBootedOldOrNew(what);
                    s.H.Flash.CutAtOperation = s.H.Flash.Operations + 1 + random.Next(40);
                }
                s.H.Flash.CutAtOperation = -1;
                string done = "seed " + seeds[k].ToString() + " after " + cuts.ToString() + " cuts";
                Check.True(cuts >= 2, done + ": at least two cuts happened");
                s.RunToUpgraded(RunLimitMs);
                s.ExpectUpgraded(done);
                string events = s.Events();
                Check.True(s.Count(FileReply.UpgradeProgress, "100") >= 1, done + ": upgrade reported (" + events + ")");
                Check.True(s.Count(FileReply.UpgradeProgress, "100") <= 2, done + ": upgrade reported at most twice (" + events + ")");
                Check.Equal(s.Count(FileReply.Failure, "rollback"), Occurrences(events, "{-1,"), done + ": only rollbacks reported as failures (" + events + ")");
                Check.True(s.Count(FileReply.Failure, "rollback") <= s.H.CutsDuringTrial, done + ": a rollback only after a cut during a trial (" + events + ")");
            }
        }

        public void Power_cut_at_every_flash_operation_of_a_profile_store_keeps_the_old_or_the_new_profile()
        {
            byte[] oldProfile = TestData.Pattern(700, 1);
            byte[] newProfile = TestData.Pattern(3500, 2);
            OtaHarness reference = ProfileDevice(oldProfile);
            int start = reference.Flash.Operations;
            string data = ProfileRequest(reference, newProfile);
            long msgId = reference.SendFile(data);
            reference.RunUntilIdle(10000);
            int total = reference.Flash.Operations - start;
            Check.Equal("{1,1} {1,100} {0,1} {0,100}", reference.Events(msgId), "2018 without a cut");
            Check.True(total >= RecordSaveOps, "the profile store writes flash");

            for (int cut = 1; cut <= total; cut++)
            {
                string what = "cut at operation " + cut.ToString() + " of " + total.ToString();
                OtaHarness h = ProfileDevice(oldProfile);
                Check.Equal(data, ProfileRequest(h, newProfile), what + ": the same request");
                h.Flash.CutAtOperation = start + cut;
                long id = h.SendFile(data);
                h.RunUntil(delegate { return h.PowerCuts == 1; }, 10000, what + ": the cut");
                h.RunUntilConnected(10000);
                byte[]? stored = h.Ota.StoredProfile();
                Check.NotNull(stored, what + ": a profile is stored");
                if (stored!.Length == oldProfile.Length) Check.Bytes(oldProfile, stored, what + ": the old profile");
                else Check.Bytes(newProfile, stored, what + ": the new profile");
                long again = h.SendFile(data);
                h.RunUntilIdle(10000);
                Check.Bytes(newProfile, h.Ota.StoredProfile()!, what + ": stored after the platform asked again");
                Check.Bytes(newProfile, h.Profiles.Applied!, what + ": applied");
                string events = h.Events(id) + " | " + h.Events(again);
                Check.Equal(1, Occurrences(events, "{0,100}"), what + ": finished once (" + events + ")");
                Check.Equal(0, Occurrences(events, "{-1,"), what + ": no failure (" + events + ")");
            }
        }

        // ---- Helpers ----

        private static void Exhaustive(bool overOlderImage, int imageBytes, string expected)
        {
            UpgradeScenario reference = Scenario(overOlderImage, imageBytes);
            ArrayList touched = new ArrayList();
            reference.H.Flash.Changed += delegate(int address, int length) { touched.Add(address); };
            reference.Send();
            reference.RunToUpgraded(RunLimitMs);
            int total = reference.H.Flash.Operations - reference.StartOperations;
            Check.Equal(expected, reference.Events(), "2018 without a cut");
            Check.Equal(0, reference.Retries, "no retry without a cut");
            reference.ExpectUpgraded("without a cut");
            Check.Equal(total, touched.Count, "operations seen");
            StorageLayout layout = reference.H.Layout;
            int firstResumeSave = 0; // 1-based operation that starts the first save of the resume point
            int lastDownloadOp = 0;
            for (int i = 0; i < total; i++)
            {
                if (!InArea(layout, StorageLayout.Download, (int)touched[i]!)) continue;
                if (firstResumeSave == 0) firstResumeSave = i + 1;
                lastDownloadOp = i + 1;
            }
            Check.True(firstResumeSave > 0, "the download saves its resume point");
            // The swap is the boot-record save just before the download record is cleared (two erases, the last
            // operations in the download area); {0,1} follows it.
            int swapLastOp = lastDownloadOp - 2;
            Check.True(InArea(layout, StorageLayout.Boot, (int)touched[swapLastOp - 1]!), "the swap saves the boot record");
            for (int i = total - RecordSaveOps; i < total; i++)
            {
                Check.True(InArea(layout, StorageLayout.Boot, (int)touched[i]!), "the last operations save the boot record that clears the owed report");
            }

            for (int cut = 1; cut <= total; cut++)
            {
                string what = "cut at operation " + cut.ToString() + " of " + total.ToString();
                UpgradeScenario s = Scenario(overOlderImage, imageBytes);
                Check.Equal(reference.StartOperations, s.StartOperations, what + ": the same flash before the 2019");
                s.H.Flash.CutAtOperation = s.StartOperations + cut;
                s.Send();
                s.H.RunUntil(delegate { return s.H.PowerCuts == 1; }, RunLimitMs, what + ": the cut");
                s.ExpectBootedOldOrNew(what);
                s.RunToUpgraded(RunLimitMs);
                s.ExpectUpgraded(what);
                ExpectOnce(s, FileReply.UpgradeProgress, "100", cut > total - RecordSaveOps, what);
                string events = s.Events();
                // A cut before the trial's confirmation was saved means the new image never confirmed itself: the next
                // boot rolls it back (as ESP-IDF's one-attempt trial does) and the platform asks again.
                int rollbacks = s.H.CutsDuringTrial > 0 ? 1 : 0;
                Check.Equal(rollbacks, Occurrences(events, "{-1,"), what + ": failures reported (" + events + ")");
                Check.Equal(rollbacks, s.Count(FileReply.Failure, "rollback"), what + ": rollbacks reported (" + events + ")");
                // The platform has to ask again after a rollback, or when the cut hit the first save of the resume point
                // (then nothing can resume); anywhere else the device resumes or finishes by itself.
                Check.Equal(rollbacks + (cut < firstResumeSave + RecordSaveOps ? 1 : 0), s.Retries, what + ": requests the platform had to repeat (" + events + ")");
                ExpectWellFormed(s, cut == swapLastOp, cut > total - RecordSaveOps, what);
            }
        }

        /// <summary>
        /// The final report went out exactly once, except after a cut in the save that clears it: then the next boot
        /// sends it again, identical (same msgId), as a QoS 1 duplicate would be.
        /// </summary>
        private static void ExpectOnce(UpgradeScenario s, int respCode, string respCont, bool cutWhileClearing, string what)
        {
            int n = s.Count(respCode, respCont);
            string events = s.Events();
            string report = "{" + respCode.ToString() + "," + respCont + "}";
            if (cutWhileClearing) Check.True(n == 1 || n == 2, what + ": " + report + " once, or repeated after the cut cleared it (" + events + ")");
            else Check.Equal(1, n, what + ": " + report + " exactly once (" + events + ")");
        }

        /// <summary>
        /// Every request's 2018 events make sense as the platform reads them: a download that starts with {1,1} and
        /// whose progress never goes back (a step may repeat after a resume), then at most one {0,1}, and for the request
        /// that finished, {0,1} {0,100} {3,ver}. {0,1} may be missing only when the cut hit the last write of the swap
        /// (the swap was saved but the device did not live to say so), and the final report may repeat only when the cut
        /// hit the save that clears it.
        /// </summary>
        private static void ExpectWellFormed(UpgradeScenario s, bool startMayBeLost, bool reportMayRepeat, string what)
        {
            for (int r = 0; r < s.MsgIds.Count; r++)
            {
                string events = s.H.Events((long)s.MsgIds[r]!);
                string where = what + ", request " + (r + 1).ToString() + " (" + events + ")";
                bool last = r == s.MsgIds.Count - 1;
                Check.True(events.StartsWith("{1,1}"), where + ": starts with {1,1}");
                string[] tokens = events.Split(' ');
                int percent = 0;
                int at = 0;
                for (; at < tokens.Length && tokens[at].StartsWith("{1,"); at++)
                {
                    int p = int.Parse(tokens[at].Substring(3, tokens[at].Length - 4));
                    Check.True(p >= percent && p <= 100, where + ": download progress " + p.ToString() + " after " + percent.ToString());
                    percent = p;
                }
                string rest = "";
                for (int i = at; i < tokens.Length; i++) rest += (rest.Length > 0 ? " " : "") + tokens[i];
                if (!last)
                {
                    Check.True(rest == "" || rest == "{0,1} {-1,rollback}", where + ": a request that did not finish ends in its download or in a rollback");
                    continue;
                }
                Check.Equal(100, percent, where + ": downloaded");
                bool ok = rest == "{0,1} {0,100} {3,ver}"
                          || (startMayBeLost && rest == "{0,100} {3,ver}")
                          || (reportMayRepeat && rest == "{0,1} {0,100} {3,ver} {0,100} {3,ver}");
                Check.True(ok, where + ": ends with {0,1} {0,100} {3,ver}");
            }
        }

        private static UpgradeScenario Scenario(bool overOlderImage, int imageBytes) =>
            overOlderImage ? UpgradeScenario.Second(imageBytes) : UpgradeScenario.First(imageBytes, TestImages.AppEntryPoint);

        private static void SetShortTrial(OtaHarness h) => Check.Null(h.Device.SetConfig(Runtime.ConfigKeys.TrialWindow, "10"), "trialWindow");

        private static OtaHarness ProfileDevice(byte[] profile)
        {
            OtaHarness h = OtaHarness.Online();
            h.SendFile(ProfileRequest(h, profile));
            h.RunUntilIdle(10000);
            Check.Bytes(profile, h.Ota.StoredProfile()!, "the profile in use");
            return h;
        }

        private static string ProfileRequest(OtaHarness h, byte[] profile)
        {
            string url = h.Host("profile-" + profile.Length.ToString() + ".bin", profile);
            return FileEntry.Request(Names.ModeDown, -1, new FileEntry[] { FileEntry.Describing(Names.TypeProfile, url, profile) }, 0, 600);
        }

        private static int Occurrences(string text, string fragment) => UpgradeScenario.Occurrences(text, fragment);

        /// <summary>True when a flash address lies in the given <see cref="StorageLayout"/> area.</summary>
        private static bool InArea(StorageLayout layout, int area, int address) =>
            address >= layout.OffsetOf(area) && address < layout.OffsetOf(area) + layout.SizeOf(area);
    }
}

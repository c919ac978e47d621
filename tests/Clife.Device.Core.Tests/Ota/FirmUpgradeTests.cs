using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// FIRM upgrades over the fake platform (protocol.md sections 7 and 8): the exact 2018 sequence, the reboot into
    /// the new image on trial, its confirmation and the slots afterwards; trial failures roll back.
    /// </summary>
    public sealed class FirmUpgradeTests
    {
        private const int A = 0;
        private const int B = 1;
        /// <summary>Download progress of a 30000-byte image: chunks of 4096 bytes are 13.65 % each.</summary>
        private const string ThirtyK = "{1,1} {1,10} {1,20} {1,40} {1,50} {1,60} {1,80} {1,90} {1,100}";
        private const string TenSteps = "{1,1} {1,10} {1,20} {1,30} {1,40} {1,50} {1,60} {1,70} {1,80} {1,90} {1,100}";

        public void Happy_upgrade_reports_every_step_reboots_confirms_and_keeps_the_old_image()
        {
            OtaHarness h = OtaHarness.Online();
            byte[] image = h.NewImage("1.0.1.0", 2, 40000);
            long msgId = h.Upgrade(image);
            h.RunUntil(delegate { return h.Reboots == 1; }, 20000, "the reboot into the new image");

            Check.Equal(TenSteps + " {0,1}", h.Events(msgId), "2018 before the reboot");
            Check.Equal(BootRecord.Trial, h.Record.State, "the new image boots on trial");
            Check.Equal(B, h.Record.Active, "into slot B");
            Check.Null(h.Ota.Pending, "no download left to resume");

            h.RunUntilConnected(10000);
            h.Run(500);
            Check.Equal(TenSteps + " {0,1} {0,100} {3,ver}", h.Events(msgId), "2018 after the new image confirmed itself");
            FileReply versions = h.LastReply(msgId, FileReply.VersionReport)!;
            Check.Equal(2, versions.ProductVer, "productVer reported");
            Check.Equal(1, versions.DevVer!.Length, "devVer entries");
            Check.Equal(0, versions.DevVer[0].DevNum, "devNum");
            Check.Equal("1.0.1.0", versions.DevVer[0].Software, "software reported");
            Check.Equal("1.0", versions.DevVer[0].Hardware, "hardware reported");
            Check.Contains("\"software\":\"1.0.1.0\"", h.Platform.Last(Cmd.Connect)!.Text, "the 2004 of the new image");

            h.ExpectRunning(B, image, "after the upgrade");
            h.ExpectSlotHolds(A, h.Factory, "the old image");
            Check.Equal(A, h.Record.Previous, "previous");
            Check.Equal(BootRecord.ReportNone, h.Record.Report, "report delivered");
            Check.Equal(OtaHarness.FileHost + "firmware-1.0.1.0.bin 0", h.Requests(), "one download from byte 0");
            Check.Equal(1, h.Reboots, "reboots");
            Check.Equal("A 1.0.0.0|B 1.0.1.0 trial", h.BootHistory(), "boots");

            h.Reboot();
            h.RunUntilConnected(10000);
            h.Run(500);
            Check.Equal("B 1.0.1.0", (string)h.BootLog[2]!, "the confirmed image boots again, not on trial");
            Check.Equal(TenSteps + " {0,1} {0,100} {3,ver}", h.Events(msgId), "nothing is reported twice");
        }

        public void Progress_is_reported_at_most_every_10_percent()
        {
            OtaHarness h = OtaHarness.Online();
            long msgId = h.Upgrade(h.NewImage("1.0.1.0", 2, 20000));
            h.RunUntil(delegate { return h.Reboots == 1; }, 20000, "the reboot");
            // Chunks of 4096 bytes are 20 % of this image: 20, 40, 61, 81, 100.
            Check.Equal("{1,1} {1,20} {1,40} {1,60} {1,80} {1,100} {0,1}", h.Events(msgId), "2018");
        }

        public void Second_upgrade_overwrites_the_older_slot_and_keeps_the_previous_image()
        {
            OtaHarness h = OtaHarness.Online();
            byte[] first = h.NewImage("1.0.1.0", 2, 30000);
            byte[] second = h.NewImage("1.0.2.0", 3, 50000);
            h.Upgrade(first);
            h.RunUntil(delegate { return h.Reboots == 1 && h.Device.State == DeviceState.Connected; }, 20000, "first upgrade");
            h.Run(500);
            long msgId = h.Upgrade(second);
            h.RunUntil(delegate { return h.Reboots == 2 && h.Device.State == DeviceState.Connected; }, 20000, "second upgrade");
            h.Run(500);
            Check.Equal(TenSteps + " {0,1} {0,100} {3,ver}", h.Events(msgId), "2018");
            h.ExpectRunning(A, second, "second upgrade");
            h.ExpectSlotHolds(B, first, "the previous image");
            Check.Equal(B, h.Record.Previous, "previous");
        }

        public void Query_answers_the_versions_and_changes_nothing()
        {
            OtaHarness h = OtaHarness.Online();
            int ops = h.Flash.Operations;
            long msgId = h.SendFile("{\"fileMode\":\"QUERY\",\"fileInfo\":[]}");
            h.Run(300);
            Check.Equal("{3,ver}", h.Events(msgId), "2018");
            FileReply r = h.LastReply(msgId, FileReply.VersionReport)!;
            Check.Equal(1, r.ProductVer, "productVer");
            Check.Equal("1.0.0.0", r.DevVer![0].Software, "software");
            Check.Equal(ops, h.Flash.Operations, "flash untouched");
        }

        public void Same_version_answers_the_versions_and_downloads_nothing()
        {
            OtaHarness h = OtaHarness.Online();
            byte[] same = h.NewImage("1.0.0.0", 1, 30000);
            int ops = h.Flash.Operations;
            long msgId = h.Upgrade(same);
            h.Run(1000);
            Check.Equal("{3,ver}", h.Events(msgId), "2018");
            Check.Equal("", h.Requests(), "downloads");
            Check.Equal(ops, h.Flash.Operations, "flash untouched");
        }

        public void Same_version_written_differently_counts_as_the_same()
        {
            OtaHarness h = OtaHarness.Online();
            byte[] image = h.NewImage("1.0.0.0", 1, 30000);
            string url = h.Host("same.bin", image);
            FileEntry e = FileEntry.Firm(url, image, "01.0");
            long msgId = h.SendFile(OtaHarness.Down(1, e));
            h.Run(1000);
            Check.Equal("{3,ver}", h.Events(msgId), "2018");
            Check.Equal("", h.Requests(), "downloads");
        }

        public void Second_request_while_busy_is_refused_and_the_first_completes()
        {
            OtaHarness h = OtaHarness.Online();
            byte[] image = h.NewImage("1.0.1.0", 2, 40000);
            long first = h.Upgrade(image);
            h.Run(300);
            Check.True(h.Ota.Busy, "downloading");
            long second = h.Upgrade(h.NewImage("1.0.2.0", 3, 30000));
            h.Run(100);
            Check.Equal("{-1,0}", h.Events(second), "2018 of the second request");
            h.RunUntil(delegate { return h.Reboots == 1 && h.Device.State == DeviceState.Connected; }, 20000, "the first upgrade");
            h.Run(500);
            Check.Equal(TenSteps + " {0,1} {0,100} {3,ver}", h.Events(first), "2018 of the first request");
            Check.Equal("{-1,0}", h.Events(second), "nothing more for the second");
            h.ExpectRunning(B, image, "first upgrade");
        }

        public void Downgrade_is_refused_unless_allowed_in_the_configuration()
        {
            OtaHarness h = OtaHarness.Online();
            byte[] older = h.NewImage("0.9.0.0", 1, 30000);
            long refused = h.Upgrade(older);
            h.Run(500);
            Check.Equal("{-1,downgrade}", h.Events(refused), "2018 without allowDowngrade");
            Check.Equal("", h.Requests(), "downloads");

            Check.Null(h.Device.SetConfig(ConfigKeys.AllowDowngrade, "on"), "allowDowngrade on");
            long allowed = h.Upgrade(older);
            h.RunUntil(delegate { return h.Reboots == 1 && h.Device.State == DeviceState.Connected; }, 20000, "the downgrade");
            h.Run(500);
            Check.Equal(ThirtyK + " {0,1} {0,100} {3,ver}", h.Events(allowed), "2018 with allowDowngrade");
            h.ExpectRunning(B, older, "downgraded");
        }

        public void Trial_that_never_reaches_Connected_is_rolled_back_and_reported_after_reconnecting()
        {
            OtaHarness h = OtaHarness.Online();
            Check.Null(h.Device.SetConfig(ConfigKeys.TrialWindow, "30"), "trialWindow");
            byte[] broken = TestImages.Build("1.0.1.0", 2, 30000, TestImages.NoNetworkEntryPoint);
            long msgId = h.Upgrade(broken);
            h.RunUntil(delegate { return h.Reboots == 1; }, 20000, "the reboot into the new image");
            Check.True(h.Decision.Trial, "on trial");
            h.Run(29000);
            Check.Equal(1, h.Reboots, "still waiting within the trial window");
            h.RunUntil(delegate { return h.Reboots == 2; }, 2000, "the reboot at the end of the trial window");
            h.RunUntilConnected(10000);
            h.Run(500);
            Check.Equal(ThirtyK + " {0,1} {-1,rollback}", h.Events(msgId), "2018");
            Check.Equal("A 1.0.0.0|B 1.0.1.0 trial|A 1.0.0.0", h.BootHistory(), "boots");
            h.ExpectRunning(A, h.Factory, "rolled back");
            Check.False(h.Record.Slots[B].Valid, "the rejected image is invalid");
            Check.Equal(BootRecord.ReportNone, h.Record.Report, "report delivered");
        }

        public void Image_that_fails_to_start_is_rolled_back_at_the_next_boot()
        {
            OtaHarness h = OtaHarness.Online();
            byte[] crashing = TestImages.Build("1.0.1.0", 2, 30000, TestImages.CrashingEntryPoint);
            long msgId = h.Upgrade(crashing);
            h.RunUntil(delegate { return h.Reboots == 1; }, 20000, "the reboot into the new image");
            h.RunUntilConnected(10000);
            h.Run(500);
            Check.Equal(1, h.FailedStarts, "failed starts");
            Check.Equal("A 1.0.0.0|B 1.0.1.0 trial|A 1.0.0.0", h.BootHistory(), "boots");
            Check.Equal(ThirtyK + " {0,1} {-1,rollback}", h.Events(msgId), "2018");
            h.ExpectRunning(A, h.Factory, "rolled back");
        }
    }
}

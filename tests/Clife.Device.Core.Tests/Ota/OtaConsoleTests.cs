using Clife.Device.Ota;
using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// The technician's <c>ota</c> console commands and the device's own upgrade requests (2018 respCode 2):
    /// status of the slots, rollback to the other image, and asking the platform for an upgrade.
    /// </summary>
    public sealed class OtaConsoleTests
    {
        private readonly OtaHarness _h = OtaHarness.Online();

        public void Status_lists_both_slots_and_the_boot_state()
        {
            string text = _h.Type("ota status");
            Check.Contains("slot A (active): software 1.0.0.0, hardware 1.0, productVer 1, 20000 bytes, md5 " + TestImages.Md5Hex(_h.Factory), text, "slot A");
            Check.Contains("slot B (inactive): no valid image", text, "slot B");
            Check.Contains("boot:       confirmed", text, "boot state");
            Check.Contains("operation:  none", text, "operation");
        }

        public void Status_shows_a_resumable_download()
        {
            byte[] image = _h.NewImage("1.0.1.0", 2, 40000);
            string url = _h.Host("firmware.bin", image);
            FileFault fault = new FileFault();
            fault.DropAfter = 10000;
            fault.DropTimes = 4;
            _h.Platform.Files.SetFault(url, fault);
            _h.SendFile(OtaHarness.FirmDown(url, image));
            _h.Run(20000);
            Check.Contains("resumable:  FIRM 1.0.1.0 for msgId 500, 32768 of 40000 bytes (81%)", _h.Type("ota status"), "status");
        }

        public void Rollback_asks_first_then_boots_the_other_image_confirmed()
        {
            byte[] image = _h.NewImage("1.0.1.0", 2, 30000);
            _h.Upgrade(image);
            _h.RunUntil(delegate { return _h.Reboots == 1 && _h.Device.State == DeviceState.Connected; }, 20000, "the upgrade");
            _h.Run(500);
            Check.Contains("Boot 1.0.0.0 from slot A instead of 1.0.1.0?", _h.Type("ota rollback"), "question");
            Check.Contains("switched slots; rebooting", _h.Type("yes"), "answer");
            _h.RunUntilConnected(10000);
            Check.Equal(2, _h.Reboots, "rebooted");
            _h.ExpectRunning(0, _h.Factory, "after the rollback");
            _h.ExpectSlotHolds(1, image, "the image rolled back from stays valid");
        }

        public void Rollback_without_another_image_is_refused()
        {
            Check.Contains("error: the other slot holds no valid image; nothing to roll back to", _h.Type("ota rollback"), "refused");
            Check.Equal(0, _h.Reboots, "no reboot");
        }

        public void Ota_check_asks_the_platform_for_an_upgrade()
        {
            Check.Contains("upgrade request (FIRM) sent", _h.Type("ota check firm"), "console");
            FileReply? r = LastRequest();
            Check.NotNull(r, "2018 respCode 2");
            Check.Equal("FIRM", r!.RespCont, "scope");
            Check.Contains("upgrade request (ALL) sent", _h.Type("ota check"), "default scope");
            Check.Equal("ALL", LastRequest()!.RespCont, "scope");
            Check.Contains("error: usage", _h.Type("ota check PHOTO"), "unknown scope");
        }

        public void Daily_check_asks_for_an_upgrade_every_otaCheckHours_while_connected()
        {
            Check.Null(_h.Device.SetConfig(ConfigKeys.OtaCheckHours, "1"), "otaCheckHours");
            _h.Run(59 * 60000, 1000);
            Check.Equal(0, _h.CountEvents(FileReply.UpgradeRequest, Names.ScopeAll), "not within the first hour");
            _h.Run(2 * 60000, 1000);
            Check.Equal(1, _h.CountEvents(FileReply.UpgradeRequest, Names.ScopeAll), "after an hour");
            _h.Run(60 * 60000, 1000);
            Check.Equal(2, _h.CountEvents(FileReply.UpgradeRequest, Names.ScopeAll), "after two hours");
        }

        public void No_daily_check_when_otaCheckHours_is_0()
        {
            _h.Run(3 * 3600000, 10000);
            Check.Equal(0, _h.CountEvents(FileReply.UpgradeRequest, Names.ScopeAll), "never");
            Check.Null(_h.Device.SetConfig(ConfigKeys.OtaCheckHours, "2"), "switched on later");
            _h.Run(2 * 3600000 + 120000, 10000);
            Check.Equal(1, _h.CountEvents(FileReply.UpgradeRequest, Names.ScopeAll), "two hours after it was switched on");
        }

        private FileReply? LastRequest()
        {
            DeviceFrame? f = _h.Platform.Last(Cmd.FileReply);
            if (f == null) return null;
            FileReply r = FileReply.Read(f.Data());
            return r.RespCode == FileReply.UpgradeRequest ? r : null;
        }
    }
}

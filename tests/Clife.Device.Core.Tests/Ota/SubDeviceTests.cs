using Clife.Device.Ota;
using Clife.Device.Protocol;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// SUBFIRM (protocol.md section 8): the module downloads and verifies the image like its own, then hands it to the
    /// sub-device over its link with {0,x} progress, and reports the sub-device's new version. No reboot.
    /// </summary>
    public sealed class SubDeviceTests
    {
        private const string SubSoftware = "2.0.0.0";
        private const string SubHardware = "3.1";

        private readonly OtaHarness _h = new OtaHarness();
        private readonly byte[] _image = TestData.Pattern(30000, 8);
        private readonly string _url;

        public SubDeviceTests()
        {
            _h.SubDevices.Add(1, SubSoftware, SubHardware).Add(2, "1.5.0.0", "1.0");
            _h.Start();
            _url = _h.Host("sub.bin", _image);
        }

        public void Sub_device_image_is_verified_handed_over_and_its_new_version_reported()
        {
            long msgId = _h.SendFile(OtaHarness.Down(2, FileEntry.SubFirm(1, _url, _image, "2.1.0.0", SubHardware)));
            _h.RunUntilIdle(20000);
            Check.Equal("{1,1} {1,10} {1,20} {1,40} {1,50} {1,60} {1,80} {1,90} {1,100} {0,1} {0,10} {0,20} {0,40} {0,50} {0,60} {0,80} {0,90} {0,100} {3,ver}",
                        _h.Events(msgId), "2018");
            Check.Bytes(_image, _h.SubDevices.Installed!, "image the sub-device installed");
            Check.Equal("2.1.0.0", _h.SubDevices.SoftwareOf(1), "sub-device version");
            FileReply versions = _h.LastReply(msgId, FileReply.VersionReport)!;
            Check.Equal(3, versions.DevVer!.Length, "devVer: the module and two sub-devices");
            Check.Equal(1, versions.DevVer[1].DevNum, "devNum");
            Check.Equal("2.1.0.0", versions.DevVer[1].Software, "new sub-device version reported");
            Check.Equal(SubHardware, versions.DevVer[1].Hardware, "hardware");
            Check.Equal("1.5.0.0", versions.DevVer[2].Software, "the other sub-device");
            Check.Equal(0, _h.Reboots, "no reboot");
            Check.Null(_h.Ota.Pending, "no download left");
            _h.ExpectRunning(0, _h.Factory, "the module's image");
            Check.False(_h.Record.Slots[1].Valid, "the staging slot holds no bootable image");
        }

        public void Sub_device_that_breaks_its_link_is_reported_with_the_reason()
        {
            _h.SubDevices.FailAt = FakeSubDevices.AtWrite;
            long msgId = _h.SendFile(OtaHarness.Down(2, FileEntry.SubFirm(1, _url, _image, "2.1.0.0", SubHardware)));
            _h.RunUntilIdle(20000);
            Check.Equal("{1,1} {1,10} {1,20} {1,40} {1,50} {1,60} {1,80} {1,90} {1,100} {0,1} {-1,sub-device 1: the link to the sub-device broke}",
                        _h.Events(msgId), "2018");
            Check.Equal(SubSoftware, _h.SubDevices.SoftwareOf(1), "version unchanged");
        }

        public void Sub_device_that_refuses_the_update_or_the_image_is_reported_with_the_reason()
        {
            _h.SubDevices.FailAt = FakeSubDevices.AtBegin;
            long begin = _h.SendFile(OtaHarness.Down(2, FileEntry.SubFirm(1, _url, _image, "2.1.0.0", SubHardware)));
            _h.RunUntilIdle(20000);
            Check.Contains("{0,1} {-1,sub-device 1: the sub-device refused the update}", _h.Events(begin), "refused at begin");

            _h.SubDevices.FailAt = FakeSubDevices.AtFinish;
            long finish = _h.SendFile(OtaHarness.Down(2, FileEntry.SubFirm(1, _url, _image, "2.1.0.0", SubHardware)));
            _h.RunUntilIdle(20000);
            Check.Contains("{0,90} {-1,sub-device 1: the sub-device rejected the image}", _h.Events(finish), "rejected at finish");
            Check.Equal(SubSoftware, _h.SubDevices.SoftwareOf(1), "version unchanged");
        }

        public void Sub_device_image_with_a_wrong_md5_is_never_handed_over()
        {
            FileEntry e = FileEntry.SubFirm(1, _url, _image, "2.1.0.0", SubHardware);
            e.Md5 = TestImages.Md5Hex(new byte[] { 1 });
            long msgId = _h.SendFile(OtaHarness.Down(2, e));
            _h.RunUntilIdle(20000);
            Check.Equal("{1,1} {1,10} {1,20} {1,40} {1,50} {1,60} {1,80} {1,90} {1,100} {-1,2}", _h.Events(msgId), "2018");
            Check.Null(_h.SubDevices.Installed, "nothing installed");
            Check.Equal(0, _h.SubDevices.Writes, "nothing sent over the link");
        }

        public void Unknown_sub_device_missing_devNum_and_wrong_hardware_are_refused()
        {
            long unknown = _h.SendFile(OtaHarness.Down(2, FileEntry.SubFirm(7, _url, _image, "2.1.0.0", SubHardware)));
            FileEntry noDevNum = FileEntry.SubFirm(1, _url, _image, "2.1.0.0", SubHardware);
            noDevNum.DevNum = -1;
            long missing = _h.SendFile(OtaHarness.Down(2, noDevNum));
            long hardware = _h.SendFile(OtaHarness.Down(2, FileEntry.SubFirm(1, _url, _image, "2.1.0.0", "1.0")));
            long same = _h.SendFile(OtaHarness.Down(2, FileEntry.SubFirm(1, _url, _image, SubSoftware, SubHardware)));
            _h.Run(500);
            Check.Equal("{-1,no sub-device 7}", _h.Events(unknown), "unknown devNum");
            Check.Equal("{-1,SUBFIRM needs devNum 1 or higher}", _h.Events(missing), "no devNum");
            Check.Equal("{-1,hardware}", _h.Events(hardware), "hardware");
            Check.Equal("{3,ver}", _h.Events(same), "already at that version");
            Check.Equal("", _h.Requests(), "nothing downloaded");
        }

        public void Sub_device_and_module_upgrades_in_one_request_end_with_the_module_reboot()
        {
            byte[] firm = _h.NewImage("1.0.1.0", 2, 20000);
            string firmUrl = _h.Host("firm.bin", firm);
            FileEntry[] entries = { FileEntry.Firm(firmUrl, firm, "1.0.1.0"), FileEntry.SubFirm(1, _url, _image, "2.1.0.0", SubHardware) };
            long msgId = _h.SendFile(FileEntry.Request(Names.ModeDown, 2, entries, 0, 600));
            _h.RunUntil(delegate { return _h.Reboots == 1; }, 20000, "the module's reboot");
            _h.RunUntilConnected(10000);
            _h.Run(500);
            Check.Equal("{1,1} {1,10} {1,20} {1,40} {1,50} {1,60} {1,80} {1,90} {1,100} {0,1} {0,10} {0,20} {0,40} {0,50} {0,60} {0,80} {0,90} {0,100} {3,ver}"
                        + " {1,1} {1,20} {1,40} {1,60} {1,80} {1,100} {0,1} {0,100} {3,ver}", _h.Events(msgId), "2018: the sub-device first, then the module");
            Check.Equal(_url + " 0 | " + firmUrl + " 0", _h.Requests(), "downloads");
            Check.Equal("2.1.0.0", _h.SubDevices.SoftwareOf(1), "sub-device");
            _h.ExpectRunning(1, firm, "module");
        }
    }
}

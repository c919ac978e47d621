using Clife.Device.Ota;
using Clife.Device.Storage;
using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// Downloads that do not go smoothly (protocol.md sections 7 and 8): time windows, server faults, wrong or damaged
    /// images, resumption with HTTP Range after a lost link, a reboot or a power cut. Nothing is switched unless the
    /// image verifies, and the old image keeps running.
    /// </summary>
    public sealed class DownloadTests
    {
        private const int A = 0;
        private const int B = 1;
        private const string FortyK = "{1,1} {1,10} {1,20} {1,30} {1,40} {1,50} {1,60} {1,70} {1,80} {1,90} {1,100}";

        /// <summary>Four tries that each end 10000 bytes into the response reach byte 32768 of 40000.</summary>
        private const string Interrupted = "{1,1} {1,10} {1,20} {1,30} {1,40} {1,50} {1,60} {1,70} {1,80} {-1,1}";

        private readonly OtaHarness _h = OtaHarness.Online();
        private readonly byte[] _image;
        private readonly string _url;

        public DownloadTests()
        {
            _image = _h.NewImage("1.0.1.0", 2, 40000);
            _url = _h.Host("firmware.bin", _image);
        }

        public void StartTime_in_the_future_waits_before_downloading()
        {
            long msgId = _h.SendFile(FileEntry.Request(Names.ModeDown, 2, new FileEntry[] { Firm() }, 5, 600));
            _h.Run(4800);
            Check.Equal("", _h.Events(msgId), "2018 while waiting");
            Check.Equal("", _h.Requests(), "nothing fetched while waiting");
            Check.Contains("waiting for its start time", _h.Ota.Activity, "activity");
            _h.RunUntil(delegate { return _h.Reboots == 1; }, 5000, "the upgrade after the start time");
            Check.Equal(FortyK + " {0,1}", _h.Events(msgId), "2018");
        }

        public void Window_closing_mid_download_stops_with_code_1_and_keeps_the_old_image()
        {
            byte[] big = _h.NewImage("1.0.1.0", 2, 70000);
            string url = _h.Host("big.bin", big);
            long msgId = _h.SendFile(FileEntry.Request(Names.ModeDown, 2, new FileEntry[] { FileEntry.Firm(url, big, "1.0.1.0") }, 0, 1));
            _h.Run(3000);
            Check.Equal("{1,1} {1,10} {1,20} {1,30} {1,40} {1,50} {-1,1}", _h.Events(msgId), "2018");
            ExpectOldImageUntouched();
        }

        public void Server_that_drops_every_response_is_retried_then_reported_interrupted()
        {
            FileFault fault = new FileFault();
            fault.DropAfter = 1000;
            fault.DropTimes = 100;
            _h.Platform.Files.SetFault(_url, fault);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.Run(20000);
            Check.Equal("{1,1} {-1,1}", _h.Events(msgId), "2018");
            Check.Equal(Get(0) + " | " + Get(0) + " | " + Get(0) + " | " + Get(0), _h.Requests(), "the first try and three retries");
            ExpectOldImageUntouched(true);
        }

        public void Body_that_ends_early_is_continued_where_it_ended()
        {
            FileFault fault = new FileFault();
            fault.EndAfter = 10000;
            _h.Platform.Files.SetFault(_url, fault);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.RunUntil(delegate { return _h.Reboots == 1; }, 20000, "the upgrade");
            Check.Equal(Get(0) + " | " + Get(10000), _h.Requests(), "continued at the byte where the body ended");
            Check.Equal(40000, _h.Http.BytesDownloaded, "every byte fetched once");
            Check.Equal(FortyK + " {0,1}", _h.Events(msgId), "2018");
            _h.RunUntilConnected(10000);
            _h.ExpectRunning(B, _image, "after the continued download");
        }

        public void Server_that_ends_every_body_early_is_retried_then_reported_interrupted()
        {
            FileFault fault = new FileFault();
            fault.EndAfter = 5000;
            fault.EndTimes = 100;
            _h.Platform.Files.SetFault(_url, fault);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.Run(20000);
            Check.Equal("{1,1} {1,10} {1,20} {1,30} {1,40} {1,50} {-1,1}", _h.Events(msgId), "2018");
            Check.Equal(Get(0) + " | " + Get(5000) + " | " + Get(10000) + " | " + Get(15000), _h.Requests(), "each retry continues");
            ExpectOldImageUntouched(true);
            long saved = _h.Ota.Pending!.Offset;
            Check.True(saved > 0 && saved % OtaHarness.SectorSize == 0 && saved <= 20000, "the resume point is a whole sector of verified bytes: " + saved.ToString());
        }

        public void Unreachable_server_is_retried_then_reported_interrupted()
        {
            FileFault fault = new FileFault();
            fault.Unreachable = true;
            _h.Platform.Files.SetFault(_url, fault);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.Run(1500);
            Check.Equal(2, _h.Platform.Files.Requests.Count, "retried after 1 s");
            _h.Run(20000);
            Check.Equal("{1,1} {-1,1}", _h.Events(msgId), "2018");
            Check.Equal(4, _h.Platform.Files.Requests.Count, "requests");
            ExpectOldImageUntouched(true);
        }

        public void Http_404_is_reported_as_an_illegal_url()
        {
            FileEntry e = Firm();
            e.Url = OtaHarness.FileHost + "missing.bin";
            long msgId = _h.SendFile(OtaHarness.Down(2, e));
            _h.Run(1000);
            Check.Equal("{1,1} {-1,0}", _h.Events(msgId), "2018");
            Check.Equal(OtaHarness.FileHost + "missing.bin 0", _h.Requests(), "one request, no retry");
            ExpectOldImageUntouched();
        }

        public void Server_error_is_retried_then_reported_interrupted()
        {
            FileFault fault = new FileFault();
            fault.Status = 503;
            _h.Platform.Files.SetFault(_url, fault);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.Run(20000);
            Check.Equal("{1,1} {-1,1}", _h.Events(msgId), "2018");
            Check.Equal(4, _h.Platform.Files.Requests.Count, "requests");
        }

        public void Random_bytes_with_matching_md5_and_checkSum_fail_verification_and_the_old_image_stays_active()
        {
            byte[] random = TestData.Pattern(40000, 99);
            string url = _h.Host("random.bin", random);
            FileEntry e = FileEntry.Firm(url, random, "1.0.1.0");
            long msgId = _h.SendFile(OtaHarness.Down(2, e));
            _h.Run(3000);
            Check.Equal(FortyK + " {-1,2}", _h.Events(msgId), "2018");
            Check.Contains("not an image bundle (wrong magic)", _h.LogLines.All, "the reason is logged");
            ExpectOldImageUntouched();
        }

        public void A_slot_that_does_not_keep_what_is_written_fails_verification_and_switches_nothing()
        {
            OtaHarness h = new OtaHarness();
            WornFlashArea worn = new WornFlashArea(h.Areas[StorageLayout.SlotB]);
            h.Areas[StorageLayout.SlotB] = worn;
            h.Start();
            worn.WritesIgnored = true;
            long msgId = h.SendFile(OtaHarness.Down(2, FileEntry.Firm(h.Host("firmware.bin", _image), _image, "1.0.1.0")));
            h.Run(3000);
            Check.Equal(FortyK + " {-1,2}", h.Events(msgId), "2018");
            Check.Contains("md5 mismatch", h.LogLines.All, "the flash content, not the received bytes, was hashed");
            Check.Equal(0, h.Manager.Record.Active, "slot A still boots");
            Check.False(h.Manager.Record.Slots[1].Valid, "slot B is not bootable");
        }

        public void Right_md5_with_a_wrong_checkSum_fails_verification()
        {
            FileEntry e = Firm();
            e.CheckSum = e.CheckSum + 1;
            long msgId = _h.SendFile(OtaHarness.Down(2, e));
            _h.Run(3000);
            Check.Equal(FortyK + " {-1,2}", _h.Events(msgId), "2018");
            Check.Contains("checkSum mismatch: expected " + e.CheckSum.ToString(), _h.LogLines.All, "log");
            ExpectOldImageUntouched();
        }

        public void Right_checkSum_with_a_wrong_md5_fails_verification()
        {
            FileEntry e = Firm();
            e.Md5 = "00112233445566778899aabbccddeeff";
            long msgId = _h.SendFile(OtaHarness.Down(2, e));
            _h.Run(3000);
            Check.Equal(FortyK + " {-1,2}", _h.Events(msgId), "2018");
            Check.Contains("md5 mismatch: expected 00112233445566778899aabbccddeeff, got " + TestImages.Md5Hex(_image), _h.LogLines.All, "log");
            ExpectOldImageUntouched();
        }

        public void Byte_corrupted_in_transit_fails_verification()
        {
            FileFault fault = new FileFault();
            fault.CorruptAt = 23456;
            _h.Platform.Files.SetFault(_url, fault);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.Run(3000);
            Check.Equal(FortyK + " {-1,2}", _h.Events(msgId), "2018");
            ExpectOldImageUntouched();
        }

        public void Truncated_file_on_the_server_fails_verification()
        {
            byte[] truncated = TestImages.Slice(_image, 0, 30000);
            _h.Platform.Files.Add(_url, truncated);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.Run(3000);
            Check.Equal("{1,1} {1,10} {1,20} {1,40} {1,50} {1,60} {1,80} {1,90} {1,100} {-1,2}", _h.Events(msgId), "2018");
            ExpectOldImageUntouched();
        }

        public void Image_for_other_hardware_or_another_version_than_announced_fails_verification()
        {
            byte[] other = Bundle.Build(DeviceVersion.ParseSoftware("1.0.1.0"), DeviceVersion.ParseHardware("2.0"), 2, TestImages.AppEntryPoint,
                                        new string[] { "a.pe" }, new byte[][] { TestData.Pattern(20000, 5) });
            string url = _h.Host("other-hardware.bin", other);
            long msgId = _h.SendFile(OtaHarness.Down(2, FileEntry.Firm(url, other, "1.0.1.0")));
            _h.Run(3000);
            Check.Contains("{-1,2}", _h.Events(msgId), "2018");
            Check.Contains("the image is for hardware 2.0", _h.LogLines.All, "log");

            long second = _h.SendFile(OtaHarness.Down(2, FileEntry.Firm(_url, _image, "1.0.2.0")));
            _h.Run(3000);
            Check.Equal(FortyK + " {-1,2}", _h.Events(second), "2018");
            Check.Contains("the image is version 1.0.1.0, not 1.0.2.0", _h.LogLines.All, "log");
            ExpectOldImageUntouched();
        }

        public void Image_larger_than_a_slot_is_refused_before_it_is_written()
        {
            int slot = _h.Layout.SlotSize;
            byte[] huge = _h.NewImage("1.0.1.0", 2, slot + 1);
            string url = _h.Host("huge.bin", huge);
            long msgId = _h.SendFile(OtaHarness.Down(2, FileEntry.Firm(url, huge, "1.0.1.0")));
            _h.Run(1000);
            Check.Equal("{1,1} {-1,file of " + (slot + 1).ToString() + " bytes is larger than the " + slot.ToString() + " bytes available}",
                        _h.Events(msgId), "2018");
            ExpectOldImageUntouched();
        }

        public void Dropped_connection_resumes_with_a_range_request_from_the_last_saved_offset()
        {
            FileFault fault = new FileFault();
            fault.DropAfter = 10000;
            _h.Platform.Files.SetFault(_url, fault);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.RunUntil(delegate { return _h.Reboots == 1; }, 20000, "the upgrade");
            Check.Equal(Get(0) + " | " + Get(8192), _h.Requests(), "resumed at the last whole sector");
            Check.Equal(10000 + 40000 - 8192, _h.Http.BytesDownloaded, "bytes fetched");
            Check.Equal(FortyK + " {0,1}", _h.Events(msgId), "2018");
            _h.RunUntilConnected(10000);
            _h.Run(500);
            _h.ExpectRunning(B, _image, "after the resumed download");
        }

        public void Server_that_ignores_range_requests_is_downloaded_again_from_byte_0()
        {
            FileFault fault = new FileFault();
            fault.DropAfter = 10000;
            fault.IgnoreRange = true;
            _h.Platform.Files.SetFault(_url, fault);
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.RunUntil(delegate { return _h.Reboots == 1; }, 20000, "the upgrade");
            Check.Equal(Get(0) + " | " + Get(8192), _h.Requests(), "asked for the rest");
            Check.Equal(10000 + 40000, _h.Http.BytesDownloaded, "then took the whole file");
            Check.Equal("{1,1} {1,10} {1,20} " + FortyK.Substring(6) + " {0,1}", _h.Events(msgId), "2018");
            _h.RunUntilConnected(10000);
            _h.ExpectRunning(B, _image, "after the download from the start");
        }

        public void Reboot_mid_download_resumes_after_the_reboot_and_completes()
        {
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.RunUntil(delegate { return _h.Ota.Busy && _h.Http.BytesDownloaded >= 20000; }, 5000, "half the download");
            _h.Reboot();
            _h.RunUntil(delegate { return _h.Reboots == 2 && _h.Firmware != null && _h.Device.State == DeviceState.Connected; }, 20000, "the upgrade after the reboot");
            _h.Run(500);
            Check.Equal(Get(0) + " | " + Get(20480), _h.Requests(), "resumed from the saved offset");
            Check.Equal(FortyK + " {0,1} {0,100} {3,ver}", _h.Events(msgId), "2018");
            _h.ExpectRunning(B, _image, "after the resumed download");
        }

        public void Power_cut_mid_download_resumes_after_power_on_and_completes()
        {
            long msgId = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.RunUntil(delegate { return _h.Http.BytesDownloaded >= 24000; }, 5000, "more than half the download");
            _h.Flash.CutAtOperation = _h.Flash.Operations + 2;
            _h.RunUntil(delegate { return _h.PowerCuts == 1; }, 2000, "the power cut");
            _h.RunUntil(delegate { return _h.Reboots == 1 && _h.Firmware != null && _h.Device.State == DeviceState.Connected; }, 20000, "the upgrade after the power cut");
            _h.Run(500);
            Check.Equal(Get(0) + " | " + Get(24576), _h.Requests(), "resumed from the saved offset");
            Check.Equal(FortyK + " {0,1} {0,100} {3,ver}", _h.Events(msgId), "2018");
            _h.ExpectRunning(B, _image, "after the resumed download");
        }

        public void Interrupted_download_waits_after_a_reboot_and_resumes_when_the_platform_asks_again()
        {
            FileFault fault = new FileFault();
            fault.DropAfter = 10000;
            fault.DropTimes = 4;
            _h.Platform.Files.SetFault(_url, fault);
            string request = OtaHarness.Down(2, Firm());
            long msgId = _h.SendFile(request);
            _h.Run(20000);
            Check.Equal(Interrupted, _h.Events(msgId), "2018 of the interrupted download");
            Check.Equal(Get(0) + " | " + Get(8192) + " | " + Get(16384) + " | " + Get(24576), _h.Requests(), "each try went further");

            _h.Reboot();
            _h.RunUntilConnected(10000);
            _h.Run(5000);
            Check.Equal(4, _h.Platform.Files.Requests.Count, "the device does not resume a download it reported as interrupted");
            Check.Equal(Interrupted, _h.Events(msgId), "nothing more reported for it");

            long again = _h.SendFile(request);
            _h.RunUntil(delegate { return _h.Reboots == 2; }, 20000, "the upgrade asked for again");
            Check.Equal(Get(32768), (string)_h.Platform.Files.Requests[4]!, "resumed where the interrupted download stopped");
            Check.Equal("{1,1} {1,90} {1,100} {0,1}", _h.Events(again), "2018 of the repeated request");
            _h.RunUntilConnected(10000);
            _h.ExpectRunning(B, _image, "after the resumed download");
        }

        public void Power_cut_at_the_swap_after_the_last_byte_was_saved_still_completes_the_upgrade()
        {
            // 640 KiB: the save at 90 % is exactly 64 KiB before the end, so the last chunk saves the resume point
            // at the end of the file. A cut at the swap then leaves a download with nothing left to fetch.
            OtaHarness h = new OtaHarness(0x230000);
            h.Start();
            byte[] image = h.NewImage("1.0.1.0", 2, 640 * 1024);
            string url = h.Host("firmware.bin", image);
            long msgId = h.SendFile(OtaHarness.FirmDown(url, image));
            h.RunUntil(delegate { return h.Events(msgId).IndexOf("{1,100}") >= 0; }, 60000, "the download");
            h.Flash.CutAtOperation = h.Flash.Operations + 1; // the first write of the swap
            h.RunUntil(delegate { return h.PowerCuts == 1; }, 1000, "the cut");
            Check.Equal("A 1.0.0.0|A 1.0.0.0", h.BootHistory(), "the swap did not happen");
            h.RunUntil(delegate { return h.Reboots == 1; }, 60000, "the upgrade after the cut");
            h.RunUntilConnected(10000);
            h.Run(500);
            string events = h.Events(msgId);
            Check.Equal(0, UpgradeScenario.Occurrences(events, "{-1,"), "no failure (" + events + ")");
            Check.True(events.EndsWith("{1,100} {1,100} {0,1} {0,100} {3,ver}"), "verified and installed after the cut (" + events + ")");
            Check.Equal(1, h.Platform.Files.Requests.Count, "nothing left to fetch: " + h.Requests());
            h.ExpectRunning(B, image, "after the cut");
        }

        public void Another_file_is_downloaded_from_byte_0_even_when_a_download_is_resumable()
        {
            FileFault fault = new FileFault();
            fault.DropAfter = 10000;
            fault.DropTimes = 4;
            _h.Platform.Files.SetFault(_url, fault);
            long first = _h.SendFile(OtaHarness.Down(2, Firm()));
            _h.Run(20000);
            Check.Contains("{-1,1}", _h.Events(first), "interrupted");
            Check.NotNull(_h.Ota.Pending, "resumable");

            byte[] other = _h.NewImage("1.0.2.0", 3, 30000);
            string url = _h.Host("other.bin", other);
            long msgId = _h.SendFile(OtaHarness.Down(3, FileEntry.Firm(url, other, "1.0.2.0")));
            _h.RunUntil(delegate { return _h.Reboots == 1; }, 20000, "the other upgrade");
            Check.Equal(url + " 0", (string)_h.Platform.Files.Requests[4]!, "from byte 0");
            Check.Equal("{1,1} {1,10} {1,20} {1,40} {1,50} {1,60} {1,80} {1,90} {1,100} {0,1}", _h.Events(msgId), "2018");
            _h.RunUntilConnected(10000);
            _h.ExpectRunning(B, other, "the other image");
        }

        private FileEntry Firm() => FileEntry.Firm(_url, _image, "1.0.1.0");

        private string Get(long from) => _url + " " + from.ToString();

        private void ExpectOldImageUntouched() => ExpectOldImageUntouched(false);

        /// <summary>The old image runs, slot B is invalid; a download interrupted by the link stays resumable for a repeated request.</summary>
        private void ExpectOldImageUntouched(bool resumable)
        {
            Check.Equal(0, _h.Reboots, "no reboot");
            Check.False(_h.Ota.Busy, "idle");
            if (resumable) Check.NotNull(_h.Ota.Pending, "the download stays resumable");
            else Check.Null(_h.Ota.Pending, "no download left to resume");
            _h.ExpectRunning(A, _h.Factory, "the old image");
            Check.False(_h.Record.Slots[B].Valid, "slot B is not valid");
        }
    }
}

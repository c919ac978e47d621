using Clife.Device.Ota;
using Clife.Device.Protocol;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// The checks of a 2019 before anything is downloaded (protocol.md section 7): each refusal is one 2018 with
    /// respCode -1 and the table's code or a reason, nothing is fetched and the flash is untouched.
    /// </summary>
    public sealed class FileRequestCheckTests
    {
        private readonly OtaHarness _h = OtaHarness.Online();
        private readonly byte[] _image;
        private readonly string _url;

        public FileRequestCheckTests()
        {
            _image = _h.NewImage("1.0.1.0", 2, 30000);
            _url = _h.Host("firmware.bin", _image);
        }

        public void Illegal_urls_are_refused_with_code_0()
        {
            string[] urls = { "ftp://files.local/firmware.bin", "", "http://", "https://", "files.local/firmware.bin", "http://files.local/my firmware.bin" };
            for (int i = 0; i < urls.Length; i++)
            {
                FileEntry e = Firm();
                e.Url = urls[i];
                ExpectRefused(OtaHarness.Down(2, e), "{-1,0}", "url \"" + urls[i] + "\"");
            }
            FileEntry none = Firm();
            none.Url = null;
            ExpectRefused(OtaHarness.Down(2, none), "{-1,0}", "no url");
        }

        public void Hardware_mismatch_is_refused()
        {
            FileEntry e = Firm();
            e.Hardware = "2.0";
            ExpectRefused(OtaHarness.Down(2, e), "{-1,hardware}", "hardware 2.0");
        }

        public void Missing_required_fields_are_refused_with_a_reason()
        {
            FileEntry md5 = Firm();
            md5.Md5 = null;
            ExpectRefused(OtaHarness.Down(2, md5), "{-1,missing md5}", "md5");
            FileEntry sum = Firm();
            sum.CheckSum = -1;
            ExpectRefused(OtaHarness.Down(2, sum), "{-1,missing checkSum}", "checkSum");
            FileEntry software = Firm();
            software.Software = null;
            ExpectRefused(OtaHarness.Down(2, software), "{-1,missing software}", "software");
            FileEntry hardware = Firm();
            hardware.Hardware = null;
            ExpectRefused(OtaHarness.Down(2, hardware), "{-1,missing hardware}", "hardware");
            ExpectRefused(OtaHarness.Down(-1, Firm()), "{-1,missing productVer}", "productVer");
        }

        public void Malformed_md5_and_versions_are_refused_with_a_reason()
        {
            FileEntry md5 = Firm();
            md5.Md5 = "0123456789abcdef";
            ExpectRefused(OtaHarness.Down(2, md5), "{-1,md5 must be 32 hex digits}", "short md5");
            md5.Md5 = "zz23456789abcdef0123456789abcdef";
            ExpectRefused(OtaHarness.Down(2, md5), "{-1,md5 must be 32 hex digits}", "non-hex md5");
            FileEntry software = Firm();
            software.Software = "1.0.100.0";
            string events = Send(OtaHarness.Down(2, software));
            Check.Contains("{-1,", events, "software part 100");
            Check.Contains("100", events, "the reason names the part");
        }

        public void Unknown_mode_and_wrong_file_types_are_refused()
        {
            ExpectRefused("{\"fileMode\":\"MOVE\",\"fileInfo\":[]}", "{-1,unknown fileMode \"MOVE\"}", "mode");
            ExpectRefused(FileEntry.Request(Names.ModeDown, 2, new FileEntry[0], 0, 600), "{-1,no fileInfo}", "no entries");
            ExpectRefused(OtaHarness.Down(2, FileEntry.Plain("FONT", _url)), "{-1,unknown fileType \"FONT\"}", "type");
            ExpectRefused(OtaHarness.Down(2, FileEntry.Plain(Names.TypeLog, _url)), "{-1,LOG files are uploaded, not downloaded}", "LOG down");
            ExpectRefused(FileEntry.Request(Names.ModeUp, -1, new FileEntry[] { Firm() }, 0, 600), "{-1,FIRM files are downloaded, not uploaded}", "FIRM up");
            FileEntry sub = Firm();
            sub.DevNum = 1;
            ExpectRefused(OtaHarness.Down(2, sub), "{-1,FIRM is for devNum 0 (this module)}", "FIRM for devNum 1");
        }

        public void StopTime_before_startTime_is_refused()
        {
            ExpectRefused(FileEntry.Request(Names.ModeDown, 2, new FileEntry[] { Firm() }, 60, 30), "{-1,stopTime is before startTime}", "window");
        }

        public void Window_that_is_already_over_is_refused_with_code_1()
        {
            ExpectRefused(FileEntry.Request(Names.ModeDown, 2, new FileEntry[] { Firm() }, 0, 0), "{-1,1}", "stopTime 0");
            ExpectRefused(FileEntry.Request(Names.ModeDown, 2, new FileEntry[] { Firm() }, -100, -10), "{-1,1}", "window in the past");
        }

        public void Refusals_are_answered_from_the_cache_when_the_platform_repeats_them()
        {
            FileEntry e = Firm();
            e.Hardware = "2.0";
            string data = OtaHarness.Down(2, e);
            long msgId = _h.SendFile(data);
            _h.Run(200);
            _h.SendFile(msgId, data);
            _h.Run(200);
            Check.Equal("{-1,hardware} {-1,hardware}", _h.Events(msgId), "the same answer twice");
            Check.Contains("answered from the cache", _h.LogLines.All, "not acted on twice");
        }

        private FileEntry Firm() => FileEntry.Firm(_url, _image, "1.0.1.0");

        private string Send(string data)
        {
            long msgId = _h.SendFile(data);
            _h.Run(300);
            return _h.Events(msgId);
        }

        private void ExpectRefused(string data, string events, string what)
        {
            int ops = _h.Flash.Operations;
            Check.Equal(events, Send(data), what);
            Check.Equal("", _h.Requests(), what + ": nothing downloaded");
            Check.Equal(ops, _h.Flash.Operations, what + ": flash untouched");
            Check.False(_h.Ota.Busy, what + ": idle");
        }
    }
}

using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// fileMode UP (protocol.md section 7): LOG sends the log lines inside the request's window; PHOTO, VIDEO, VOICE and
    /// DATA send the newest file of that type. Progress is {1,x}; failures are {-1,reason}.
    /// </summary>
    public sealed class UploadTests
    {
        private const string Target = OtaHarness.FileHost + "upload/";

        private readonly OtaHarness _h = OtaHarness.Online();

        public void Log_upload_sends_the_lines_inside_the_window_with_platform_time()
        {
            _h.Device.Log.Write("marker-old");
            _h.Run(10000);
            _h.Device.Log.Write("marker-new");
            long writtenAt = _h.Device.Clock.NowMs;
            _h.Run(1000);
            long msgId = _h.SendFile(FileEntry.Request(Names.ModeUp, -1, new FileEntry[] { FileEntry.Plain(Names.TypeLog, Target + "log") }, -5, 0));
            _h.RunUntilIdle(5000);
            Check.Equal("{1,1} {1,100}", _h.Events(msgId), "2018");
            byte[] body = _h.Platform.Files.Uploaded(Target + "log")!;
            string text = Utf8.GetString(body, 0, body.Length);
            Check.Contains(writtenAt.ToString() + " ", text, "the line carries platform time");
            Check.Contains("marker-new", text, "line inside the window");
            Check.DoesNotContain("marker-old", text, "line before the window");
            Check.DoesNotContain("registering", text, "line before the window");
        }

        public void Photo_upload_sends_the_newest_photo_with_progress()
        {
            byte[] photo = TestData.Pattern(10000, 4);
            _h.Files.Add(Names.TypePhoto, "old.jpg", TestData.Pattern(100, 1)).Add(Names.TypePhoto, "new.jpg", photo);
            long msgId = Upload(Names.TypePhoto);
            Check.Equal("{1,1} {1,40} {1,80} {1,100}", _h.Events(msgId), "2018");
            Check.Bytes(photo, _h.Platform.Files.Uploaded(Target + Names.TypePhoto)!, "uploaded");
        }

        public void Data_upload_sends_the_data_file()
        {
            byte[] data = Utf8.GetBytes("t,temp\n1,21.5\n2,21.7\n");
            _h.Files.Add(Names.TypeData, "readings.csv", data);
            long msgId = Upload(Names.TypeData);
            Check.Equal("{1,1} {1,100}", _h.Events(msgId), "2018");
            Check.Bytes(data, _h.Platform.Files.Uploaded(Target + Names.TypeData)!, "uploaded");
        }

        public void Missing_file_is_reported()
        {
            long msgId = Upload(Names.TypeVideo);
            Check.Equal("{-1,no VIDEO file to upload}", _h.Events(msgId), "2018");
            Check.Null(_h.Platform.Files.Uploaded(Target + Names.TypeVideo), "nothing uploaded");
        }

        public void Upload_refused_by_the_server_is_reported_with_the_status()
        {
            _h.Files.Add(Names.TypeVoice, "hello.wav", TestData.Pattern(3000, 2));
            _h.Platform.Files.UploadStatus = 500;
            long msgId = Upload(Names.TypeVoice);
            Check.Equal("{1,1} {-1,upload refused: HTTP 500}", _h.Events(msgId), "2018");
        }

        public void Upload_to_an_illegal_url_is_refused()
        {
            _h.Files.Add(Names.TypePhoto, "a.jpg", TestData.Pattern(10, 2));
            long msgId = _h.SendFile(FileEntry.Request(Names.ModeUp, -1, new FileEntry[] { FileEntry.Plain(Names.TypePhoto, "mailto:ops") }, 0, 600));
            _h.Run(300);
            Check.Equal("{-1,0}", _h.Events(msgId), "2018");
            Check.Equal(0, _h.Files.Opens, "no file opened");
        }

        public void Upload_outside_its_window_is_refused()
        {
            _h.Files.Add(Names.TypePhoto, "a.jpg", TestData.Pattern(10, 2));
            long msgId = _h.SendFile(FileEntry.Request(Names.ModeUp, -1, new FileEntry[] { FileEntry.Plain(Names.TypePhoto, Target + "p") }, -60, 0));
            _h.Run(300);
            Check.Equal("{-1,1}", _h.Events(msgId), "2018");
        }

        private long Upload(string type)
        {
            long msgId = _h.SendFile(FileEntry.Request(Names.ModeUp, -1, new FileEntry[] { FileEntry.Plain(type, Target + type) }, 0, 600));
            _h.RunUntilIdle(10000);
            return msgId;
        }
    }
}

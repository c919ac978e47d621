using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>Every JSON example of the platform's document (seed 4.3.2.8) decodes to exactly what it says.</summary>
    public sealed class SeedFrameTests
    {
        public void The_download_request_decodes_its_envelope()
        {
            FrameReader reader = FrameKit.Decode(SeedExamples.FileDown);
            FrameHeader h = reader.Header;
            FrameKit.Header(h, Cmd.File, Profile.DirPlatform, Profile.DirDevice, 23454, Profile.PrioMedium, 1617787651542L);
            Check.True(h.IsToDevice, "addressed to the device");
            Check.False(h.IsToPlatform, "not addressed to the platform");
            Check.True(h.DataIsObject, "data is an object");
            Check.False(h.DataIsString, "data is not encrypted");
        }

        public void The_download_request_decodes_every_field_of_its_data()
        {
            FrameReader reader = FrameKit.Decode(SeedExamples.FileDown);
            FileRequest m = FileRequest.Read(reader.OpenData());
            Check.Equal(Names.ModeDown, m.FileMode, "fileMode");
            Check.Equal(2, m.ProductVer, "productVer");
            Check.Equal(0L, m.StartTime, "startTime");
            Check.Equal(600L, m.StopTime, "stopTime");
            Check.True(m.HasStopTime, "stopTime present");
            Check.Equal(2, m.Files.Length, "fileInfo entries");
            FrameKit.File(FrameKit.FileOf("FIRM", 0, "1.0.2.0", "02", "http://clife.open.cn/device/ota/esp8266.bin",
                "6d348c902ace4d09b6d62ce982dc8ace", 34458424), m.Files[0], "fileInfo[0]");
            FrameKit.File(FrameKit.FileOf("SUBFIRM", 1, "01", "02", "http://clife.open.cn/device/ota/esp8266_1.bin",
                "6d348c902ace4d09b6d62ce982dc8ace", 764234235), m.Files[1], "fileInfo[1]");
        }

        public void The_key_written_with_a_leading_space_reads_as_devNum()
        {
            // The seed writes the second entry's key as " devNum"; Profile.TrimPropertyNames reads it as devNum.
            Check.True(Profile.TrimPropertyNames, "the profile trims property names");
            FileRequest m = FileRequest.Read(FrameKit.Decode(SeedExamples.FileDown).OpenData());
            Check.Equal(Names.TypeSubFirm, m.Files[1].FileType, "second entry");
            Check.Equal(1, m.Files[1].DevNum, "devNum of the second entry");
        }

        public void The_upload_request_decodes_completely()
        {
            FrameReader reader = FrameKit.Decode(SeedExamples.FileUp);
            FrameKit.Header(reader.Header, Cmd.File, Profile.DirPlatform, Profile.DirDevice, 231, Profile.PrioMedium, 1617787651542L);
            FileRequest m = FileRequest.Read(reader.OpenData());
            Check.Equal(Names.ModeUp, m.FileMode, "fileMode");
            Check.Equal(-1, m.ProductVer, "productVer absent");
            Check.Equal(0L, m.StartTime, "startTime");
            Check.Equal(60L, m.StopTime, "stopTime");
            Check.True(m.HasStopTime, "stopTime present");
            Check.Equal(1, m.Files.Length, "fileInfo entries");
            FileInfo f = m.Files[0];
            Check.Equal(Names.TypePhoto, f.FileType, "fileType");
            Check.Equal("http://clife.open.cn/device/storage", f.Url, "url");
            Check.Equal(-1, f.DevNum, "devNum absent");
            Check.Equal("", f.Software, "software absent");
            Check.Equal("", f.Hardware, "hardware absent");
            Check.Equal("", f.Md5, "md5 absent");
            Check.False(f.HasCheckSum, "checkSum absent");
        }

        public void The_version_report_decodes_completely()
        {
            FrameReader reader = FrameKit.Decode(SeedExamples.UpgradeReply);
            FrameKit.Header(reader.Header, Cmd.FileReply, Profile.DirDevice, Profile.DirPlatform, 23454, Profile.PrioMedium, 1617787651542L);
            Check.True(reader.Header.IsToPlatform, "addressed to the platform");
            FileReply m = FileReply.Read(reader.OpenData());
            Check.Equal(FileReply.VersionReport, m.RespCode, "respCode");
            Check.Equal("ver", m.RespCont, "respCont");
            Check.Equal(2, m.ProductVer, "productVer");
            Check.NotNull(m.DevVer, "devVer");
            Check.Equal(2, m.DevVer!.Length, "devVer entries");
            FrameKit.DevVer(m.DevVer[0], 0, "1.0.0.0", "1.0", "devVer[0]");
            FrameKit.DevVer(m.DevVer[1], 1, "01", "02", "devVer[1]");
        }

        public void The_device_upgrade_request_decodes_completely()
        {
            FrameReader reader = FrameKit.Decode(SeedExamples.UpgradeRequest);
            FrameKit.Header(reader.Header, Cmd.FileReply, Profile.DirDevice, Profile.DirPlatform, 23454, Profile.PrioMedium, 1617787651542L);
            FileReply m = FileReply.Read(reader.OpenData());
            Check.Equal(FileReply.UpgradeRequest, m.RespCode, "respCode");
            Check.Equal(Names.TypeSubFirm, m.RespCont, "respCont");
            Check.Equal(-1, m.ProductVer, "productVer absent");
            Check.Null(m.DevVer, "devVer absent");
        }

        public void A_frame_inside_a_larger_buffer_decodes_from_its_offset()
        {
            byte[] frame = Utf8.GetBytes(SeedExamples.FileDown);
            byte[] buffer = new byte[frame.Length + 20];
            for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)'#';
            System.Array.Copy(frame, 0, buffer, 7, frame.Length);
            FrameReader reader = new FrameReader();
            reader.Decode(buffer, 7, frame.Length);
            Check.Equal(23454L, reader.Header.MsgId, "msgId");
            FileRequest m = FileRequest.Read(reader.OpenData());
            Check.Equal(1, m.Files[1].DevNum, "devNum of the second entry");
        }

        public void One_reader_decodes_the_examples_one_after_another()
        {
            FrameReader reader = new FrameReader();
            byte[] down = Utf8.GetBytes(SeedExamples.FileDown);
            byte[] request = Utf8.GetBytes(SeedExamples.UpgradeRequest);
            reader.Decode(down, 0, down.Length);
            Check.Equal(2, FileRequest.Read(reader.OpenData()).Files.Length, "first frame's files");
            reader.Decode(request, 0, request.Length);
            Check.Equal(Cmd.FileReply, reader.Header.Cmd, "second frame's cmd");
            Check.Equal("SUBFIRM", FileReply.Read(reader.OpenData()).RespCont, "second frame's respCont");
        }
    }
}

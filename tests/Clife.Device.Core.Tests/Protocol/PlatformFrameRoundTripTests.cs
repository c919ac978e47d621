using System;
using Clife.Device.Crypto;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Tests.Crypto;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>
    /// Every frame the platform sends and the device decodes, written with FrameWriter and the message's Write (as the
    /// platform simulator does), decodes with FrameReader and the message's Read to equal values.
    /// </summary>
    public sealed class PlatformFrameRoundTripTests
    {
        private static RegisterReply SampleRegisterReply()
        {
            RegisterReply m = new RegisterReply();
            m.RespCode = Profile.RespOk;
            m.RespCont = "success";
            m.DevId = "d-00042";
            m.DevSecret = "s3cr3t/+=";
            m.MqttHost = "mqtt.test.clife.cn";
            m.MqttPort = 8883;
            m.MqttTls = true;
            m.Timestamp = 1617787651999L;
            return m;
        }

        private static void CheckRegisterReply(RegisterReply expected, RegisterReply actual)
        {
            Check.Equal(expected.RespCode, actual.RespCode, "respCode");
            Check.Equal(expected.RespCont, actual.RespCont, "respCont");
            Check.Equal(expected.DevId, actual.DevId, "devId");
            Check.Equal(expected.DevSecret, actual.DevSecret, "devSecret");
            Check.Equal(expected.MqttHost, actual.MqttHost, "mqttHost");
            Check.Equal(expected.MqttPort, actual.MqttPort, "mqttPort");
            Check.Equal(expected.MqttTls, actual.MqttTls, "mqttTls");
            Check.Equal(expected.Timestamp, actual.Timestamp, "timestamp");
        }

        public void A_plain_register_reply_round_trips()
        {
            RegisterReply m = SampleRegisterReply();
            FrameReader reader = FrameKit.Decode(FrameKit.FromPlatform(Cmd.RegisterReply, 9, m.Write));
            FrameKit.Header(reader.Header, Cmd.RegisterReply, Profile.DirPlatform, Profile.DirDevice, 9, Profile.PrioMedium, FrameKit.SeedTime);
            CheckRegisterReply(m, RegisterReply.Read(reader.OpenData()));
        }

        public void Register_replies_at_the_port_edges_round_trip()
        {
            int[] ports = { 1, 65535 };
            for (int i = 0; i < ports.Length; i++)
            {
                RegisterReply m = SampleRegisterReply();
                m.MqttPort = ports[i];
                m.MqttTls = false;
                CheckRegisterReply(m, RegisterReply.Read(FrameKit.Decode(FrameKit.FromPlatform(Cmd.RegisterReply, 9, m.Write)).OpenData()));
            }
        }

        public void An_encrypted_register_reply_round_trips()
        {
            RegisterReply m = SampleRegisterReply();
            JsonWriter plainWriter = new JsonWriter();
            m.Write(plainWriter);
            byte[] plain = plainWriter.ToArray();
            TestBlockCipher cipher = TestBlockCipher.WithKey(7);
            string base64 = Convert.ToBase64String(PayloadCipher.Encrypt(cipher, CipherMode.Ecb, null, plain, 0, plain.Length));

            FrameReader reader = FrameKit.Decode(FrameKit.FromPlatform(Cmd.RegisterReply, 9, delegate (JsonWriter w) { w.WriteString(base64); }));
            Check.True(reader.Header.DataIsString, "data is a string");
            byte[] received = Convert.FromBase64String(reader.DataString());
            byte[] decrypted = PayloadCipher.Decrypt(cipher, CipherMode.Ecb, null, received, 0, received.Length);
            CheckRegisterReply(m, RegisterReply.Read(reader.Open(decrypted, 0, decrypted.Length)));
        }

        public void A_failed_register_reply_round_trips_without_a_login()
        {
            RegisterReply m = new RegisterReply();
            m.RespCode = 1003;
            m.RespCont = "unknown productCode";
            byte[] frame = FrameKit.FromPlatform(Cmd.RegisterReply, 9, m.Write);
            Check.DoesNotContain(Names.DevSecret, FrameKit.Text(frame), "frame");
            CheckRegisterReply(m, RegisterReply.Read(FrameKit.Decode(frame).OpenData()));
        }

        public void A_connect_reply_round_trips_with_the_platform_time()
        {
            ResultReply m = new ResultReply();
            m.RespCode = 0;
            m.RespCont = "connected";
            m.Timestamp = 1700000000123L;
            FrameReader reader = FrameKit.Decode(FrameKit.FromPlatform(Cmd.ConnectReply, 12, m.Write));
            FrameKit.Header(reader.Header, Cmd.ConnectReply, Profile.DirPlatform, Profile.DirDevice, 12, Profile.PrioMedium, FrameKit.SeedTime);
            ResultReply back = ResultReply.Read(reader.OpenData());
            Check.Equal(0, back.RespCode, "respCode");
            Check.Equal("connected", back.RespCont, "respCont");
            Check.Equal(1700000000123L, back.Timestamp, "timestamp");
        }

        public void A_reply_timestamp_written_as_a_string_of_digits_is_accepted()
        {
            ResultReply back = ResultReply.Read(FrameKit.Decode(FrameKit.With(Names.Data, "{\"timestamp\":\"1700000000123\"}")).OpenData());
            Check.Equal(1700000000123L, back.Timestamp, "timestamp");
            Check.Equal(0, back.RespCode, "respCode defaults to 0");
        }

        public void An_empty_query_asks_for_every_point()
        {
            QueryRequest m = new QueryRequest();
            FrameReader reader = FrameKit.Decode(FrameKit.FromPlatform(Cmd.Query, 100, m.Write));
            FrameKit.Header(reader.Header, Cmd.Query, Profile.DirPlatform, Profile.DirDevice, 100, Profile.PrioMedium, FrameKit.SeedTime);
            Check.Equal(0, QueryRequest.Read(reader.OpenData()).Points.Length, "points");
        }

        public void A_query_of_named_points_round_trips()
        {
            QueryRequest m = new QueryRequest();
            m.Points = new string[] { "power", "temp", "名字", "a\"b" };
            QueryRequest back = QueryRequest.Read(FrameKit.Decode(FrameKit.FromPlatform(Cmd.Query, 101, m.Write)).OpenData());
            Check.Equal(m.Points.Length, back.Points.Length, "points");
            for (int i = 0; i < m.Points.Length; i++) Check.Equal(m.Points[i], back.Points[i], "point " + i.ToString());
        }

        public void A_query_ignores_the_values_and_trims_the_names()
        {
            QueryRequest back = QueryRequest.Read(FrameKit.Decode(FrameKit.With(Names.Data, "{\" power \":1,\"temp\":{\"x\":[1,2]},\"mode\":null}")).OpenData());
            Check.Equal(3, back.Points.Length, "points");
            Check.Equal("power", back.Points[0], "point 0");
            Check.Equal("temp", back.Points[1], "point 1");
            Check.Equal("mode", back.Points[2], "point 2");
        }

        public void A_control_with_every_value_kind_round_trips()
        {
            ControlRequest m = ControlRequest.WithCapacity(11);
            Set(m, 0, "on", ControlRequest.KindBool, 1, "");
            Set(m, 1, "off", ControlRequest.KindBool, 0, "");
            Set(m, 2, "zero", ControlRequest.KindInteger, 0, "");
            Set(m, 3, "min", ControlRequest.KindInteger, long.MinValue, "");
            Set(m, 4, "max", ControlRequest.KindInteger, long.MaxValue, "");
            Set(m, 5, "text", ControlRequest.KindString, 0, "Grüße \"x\"\\\n😀");
            Set(m, 6, "empty", ControlRequest.KindString, 0, "");
            Set(m, 7, "fraction", ControlRequest.KindNumber, 0, "-1.5e-3");
            Set(m, 8, "big", ControlRequest.KindNumber, 0, "9223372036854775808");
            Set(m, 9, "nothing", ControlRequest.KindNull, 0, "");
            Set(m, 10, "nested", ControlRequest.KindComposite, 0, "{\"a\":[1,true,null,\"s\"]}");
            FrameReader reader = FrameKit.Decode(FrameKit.FromPlatform(Cmd.Control, 555, m.Write));
            FrameKit.Header(reader.Header, Cmd.Control, Profile.DirPlatform, Profile.DirDevice, 555, Profile.PrioMedium, FrameKit.SeedTime);
            ControlRequest back = ControlRequest.Read(reader.OpenData());
            Check.Equal(m.Count, back.Count, "points");
            for (int i = 0; i < m.Count; i++)
            {
                string what = m.Points[i];
                Check.Equal(m.Points[i], back.Points[i], "name " + i.ToString());
                Check.Equal(m.Kinds[i], back.Kinds[i], what + " kind");
                Check.Equal(m.Integers[i], back.Integers[i], what + " integer");
                Check.Equal(m.Strings[i], back.Strings[i], what + " text");
            }
        }

        public void A_control_decodes_each_JSON_kind()
        {
            string data = "{\"b\":true,\"i\":-42,\"n\":2.5,\"e\":1E400,\"s\":\"x\\/y\",\"z\":null,\"o\":{},\"a\":[]}";
            ControlRequest m = ControlRequest.Read(FrameKit.Decode(FrameKit.With(Names.Data, data)).OpenData());
            Check.Equal(8, m.Count, "points");
            Check.Equal(ControlRequest.KindBool, m.Kinds[0], "b");
            Check.Equal(1L, m.Integers[0], "b value");
            Check.Equal(ControlRequest.KindInteger, m.Kinds[1], "i");
            Check.Equal(-42L, m.Integers[1], "i value");
            Check.Equal(ControlRequest.KindNumber, m.Kinds[2], "n");
            Check.Equal("2.5", m.Strings[2], "n literal");
            Check.Equal(ControlRequest.KindNumber, m.Kinds[3], "e");
            Check.Equal("1E400", m.Strings[3], "e literal");
            Check.Equal(ControlRequest.KindString, m.Kinds[4], "s");
            Check.Equal("x/y", m.Strings[4], "s value");
            Check.Equal(ControlRequest.KindNull, m.Kinds[5], "z");
            Check.Equal(ControlRequest.KindComposite, m.Kinds[6], "o");
            Check.Equal(ControlRequest.KindComposite, m.Kinds[7], "a");
        }

        public void A_control_whose_number_or_composite_text_is_not_such_a_value_is_not_written()
        {
            string[] numbers = { "", "abc", "1 2", "\"1\"", "{}", "01" };
            for (int i = 0; i < numbers.Length; i++)
            {
                ControlRequest m = ControlRequest.WithCapacity(1);
                Set(m, 0, "n", ControlRequest.KindNumber, 0, numbers[i]);
                Check.Throws(typeof(ArgumentException), delegate { m.Write(new JsonWriter()); });
            }
            string[] composites = { "", "1", "{", "{}{}", "[1,]" };
            for (int i = 0; i < composites.Length; i++)
            {
                ControlRequest m = ControlRequest.WithCapacity(1);
                Set(m, 0, "c", ControlRequest.KindComposite, 0, composites[i]);
                Check.Throws(typeof(ArgumentException), delegate { m.Write(new JsonWriter()); });
            }
        }

        private static void Set(ControlRequest m, int i, string name, int kind, long integer, string text)
        {
            m.Points[i] = name;
            m.Kinds[i] = kind;
            m.Integers[i] = integer;
            m.Strings[i] = text;
        }

        public void An_unbind_round_trips_with_and_without_a_reason()
        {
            UnbindRequest m = new UnbindRequest();
            FrameReader reader = FrameKit.Decode(FrameKit.FromPlatform(Cmd.Unbind, 77, m.Write));
            FrameKit.Header(reader.Header, Cmd.Unbind, Profile.DirPlatform, Profile.DirDevice, 77, Profile.PrioMedium, FrameKit.SeedTime);
            Check.Equal("", UnbindRequest.Read(reader.OpenData()).Reason, "no reason");
            m.Reason = "user removed the device";
            Check.Equal(m.Reason, UnbindRequest.Read(FrameKit.Decode(FrameKit.FromPlatform(Cmd.Unbind, 78, m.Write)).OpenData()).Reason, "reason");
        }

        public void A_forced_offline_round_trips_with_and_without_seconds()
        {
            ForceOfflineRequest m = new ForceOfflineRequest();
            FrameReader reader = FrameKit.Decode(FrameKit.FromPlatform(Cmd.ForceOffline, 80, m.Write));
            FrameKit.Header(reader.Header, Cmd.ForceOffline, Profile.DirPlatform, Profile.DirDevice, 80, Profile.PrioMedium, FrameKit.SeedTime);
            Check.Equal(-1L, ForceOfflineRequest.Read(reader.OpenData()).Seconds, "no seconds");
            long[] seconds = { 0, 1, 3600, long.MaxValue };
            for (int i = 0; i < seconds.Length; i++)
            {
                m.Seconds = seconds[i];
                Check.Equal(seconds[i], ForceOfflineRequest.Read(FrameKit.Decode(FrameKit.FromPlatform(Cmd.ForceOffline, 81, m.Write)).OpenData()).Seconds, "seconds");
            }
        }

        public void A_forced_offline_with_negative_seconds_is_rejected()
        {
            FrameReader reader = FrameKit.Decode(FrameKit.With(Names.Data, "{\"seconds\":-1}"));
            Exception e = Check.Throws(typeof(FrameException), delegate { ForceOfflineRequest.Read(reader.OpenData()); });
            Check.Contains("seconds", e.Message, "error");
        }

        public void A_file_request_with_every_field_round_trips()
        {
            FileRequest m = new FileRequest();
            m.FileMode = Names.ModeDown;
            m.ProductVer = 2;
            m.StartTime = -30;
            m.StopTime = 600;
            m.HasStopTime = true;
            m.Files = new FileInfo[]
            {
                FrameKit.FileOf(Names.TypeFirm, 0, "1.0.2.0", "02", "http://clife.open.cn/device/ota/esp32.bin", "6d348c902ace4d09b6d62ce982dc8ace", 34458424),
                FrameKit.FileOf(Names.TypeSubFirm, 1, "01", "02", "https://h/ota?a=1&b=\"2\"", "6D348C902ACE4D09B6D62CE982DC8ACE", 4294967295L),
                new FileInfo(),
            };
            m.Files[2].FileType = Names.TypeLog;
            m.Files[2].Url = "http://clife.open.cn/device/storage";
            FrameReader reader = FrameKit.Decode(FrameKit.FromPlatform(Cmd.File, 23454, m.Write));
            FrameKit.Header(reader.Header, Cmd.File, Profile.DirPlatform, Profile.DirDevice, 23454, Profile.PrioMedium, FrameKit.SeedTime);
            FileRequest back = FileRequest.Read(reader.OpenData());
            Check.Equal(m.FileMode, back.FileMode, "fileMode");
            Check.Equal(m.ProductVer, back.ProductVer, "productVer");
            Check.Equal(m.StartTime, back.StartTime, "startTime");
            Check.Equal(m.StopTime, back.StopTime, "stopTime");
            Check.Equal(m.HasStopTime, back.HasStopTime, "stopTime present");
            Check.Equal(m.Files.Length, back.Files.Length, "fileInfo entries");
            for (int i = 0; i < m.Files.Length; i++) FrameKit.File(m.Files[i], back.Files[i], "fileInfo[" + i.ToString() + "]");
        }

        public void A_query_file_request_without_optional_fields_round_trips()
        {
            FileRequest m = new FileRequest();
            m.FileMode = Names.ModeQuery;
            FileRequest back = FileRequest.Read(FrameKit.Decode(FrameKit.FromPlatform(Cmd.File, 1, m.Write)).OpenData());
            Check.Equal(Names.ModeQuery, back.FileMode, "fileMode");
            Check.Equal(-1, back.ProductVer, "productVer absent");
            Check.Equal(0, back.Files.Length, "fileInfo entries");
            Check.False(back.HasStopTime, "stopTime absent");
        }

        public void A_file_request_needs_fileMode_and_fileInfo()
        {
            FrameReader noMode = FrameKit.Decode(FrameKit.With(Names.Data, "{\"fileInfo\":[]}"));
            Check.Contains("\"fileMode\"", Check.Throws(typeof(FrameException), delegate { FileRequest.Read(noMode.OpenData()); }).Message, "error");
            FrameReader noFiles = FrameKit.Decode(FrameKit.With(Names.Data, "{\"fileMode\":\"DOWN\"}"));
            Check.Contains("\"fileInfo\"", Check.Throws(typeof(FrameException), delegate { FileRequest.Read(noFiles.OpenData()); }).Message, "error");
            FrameReader badFiles = FrameKit.Decode(FrameKit.With(Names.Data, "{\"fileMode\":\"DOWN\",\"fileInfo\":[1]}"));
            Check.Contains("\"fileInfo\"", Check.Throws(typeof(FrameException), delegate { FileRequest.Read(badFiles.OpenData()); }).Message, "error");
        }

        public void A_file_reply_needs_respCode_and_respCont()
        {
            FrameReader noCode = FrameKit.Decode(FrameKit.With(Names.Data, "{\"respCont\":\"1\"}"));
            Check.Contains("\"respCode\"", Check.Throws(typeof(FrameException), delegate { FileReply.Read(noCode.OpenData()); }).Message, "error");
            FrameReader noCont = FrameKit.Decode(FrameKit.With(Names.Data, "{\"respCode\":1}"));
            Check.Contains("\"respCont\"", Check.Throws(typeof(FrameException), delegate { FileReply.Read(noCont.OpenData()); }).Message, "error");
        }
    }
}

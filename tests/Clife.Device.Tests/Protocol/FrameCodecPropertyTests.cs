using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Clife.Device.Json;
using Clife.Device.Protocol;
using CsCheck;
using Xunit;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>
    /// Random frames of every message: FrameWriter + Write, then FrameReader + Read give back equal values, and
    /// System.Text.Json reads the same values from the bytes we wrote (an independent check of the writer side).
    /// </summary>
    public sealed class FrameCodecPropertyTests
    {
        private const long Iterations = 1000;

        [Fact]
        public void Register_requests_round_trip() => RoundTrip(FrameGen.RegisterRequest, (w, m) => m.Write(w), RegisterRequest.Read, (m, d) =>
        {
            var names = new List<string>();
            if (m.ProductCode.Length > 0) names.Add(Names.ProductCode);
            if (m.DevId.Length > 0) names.Add(Names.DevId);
            names.AddRange(new[] { Names.Mac, Names.Software, Names.Hardware, Names.ProductVer });
            AssertMembers(d, names.ToArray());
            if (m.ProductCode.Length > 0) Assert.Equal(m.ProductCode, d.GetProperty(Names.ProductCode).GetString());
            if (m.DevId.Length > 0) Assert.Equal(m.DevId, d.GetProperty(Names.DevId).GetString());
            Assert.Equal(m.Mac, d.GetProperty(Names.Mac).GetString());
            Assert.Equal(m.Software, d.GetProperty(Names.Software).GetString());
            Assert.Equal(m.Hardware, d.GetProperty(Names.Hardware).GetString());
            Assert.Equal(m.ProductVer, d.GetProperty(Names.ProductVer).GetInt32());
        });

        [Fact]
        public void Connect_requests_round_trip() => RoundTrip(FrameGen.ConnectRequest, (w, m) => m.Write(w), ConnectRequest.Read, (m, d) =>
        {
            AssertMembers(d, Names.Software, Names.Hardware, Names.ProductVer, Names.DevVer, Names.Ip, Names.Rssi);
            Assert.Equal(m.Software, d.GetProperty(Names.Software).GetString());
            Assert.Equal(m.Hardware, d.GetProperty(Names.Hardware).GetString());
            Assert.Equal(m.ProductVer, d.GetProperty(Names.ProductVer).GetInt32());
            AssertDevVer(m.DevVer, d.GetProperty(Names.DevVer));
            Assert.Equal(m.Ip, d.GetProperty(Names.Ip).GetString());
            Assert.Equal(m.Rssi, d.GetProperty(Names.Rssi).GetInt32());
        });

        [Fact]
        public void Register_replies_round_trip() => RoundTrip(FrameGen.RegisterReply, (w, m) => m.Write(w), RegisterReply.Read, (m, d) =>
        {
            var names = new List<string> { Names.RespCode, Names.RespCont };
            if (m.RespCode == Profile.RespOk) names.AddRange(new[] { Names.DevId, Names.DevSecret, Names.MqttHost, Names.MqttPort, Names.MqttTls });
            if (m.Timestamp > 0) names.Add(Names.Timestamp);
            AssertMembers(d, names.ToArray());
            Assert.Equal(m.RespCode, d.GetProperty(Names.RespCode).GetInt32());
            Assert.Equal(m.RespCont, d.GetProperty(Names.RespCont).GetString());
            if (m.RespCode == Profile.RespOk)
            {
                Assert.Equal(m.DevId, d.GetProperty(Names.DevId).GetString());
                Assert.Equal(m.DevSecret, d.GetProperty(Names.DevSecret).GetString());
                Assert.Equal(m.MqttHost, d.GetProperty(Names.MqttHost).GetString());
                Assert.Equal(m.MqttPort, d.GetProperty(Names.MqttPort).GetInt32());
                Assert.Equal(m.MqttTls, d.GetProperty(Names.MqttTls).GetBoolean());
            }
            if (m.Timestamp > 0) Assert.Equal(m.Timestamp, d.GetProperty(Names.Timestamp).GetInt64());
        });

        [Fact]
        public void Result_replies_round_trip() => RoundTrip(FrameGen.ResultReply, (w, m) => m.Write(w), ResultReply.Read, (m, d) =>
        {
            var names = new List<string> { Names.RespCode };
            if (m.RespCont.Length > 0) names.Add(Names.RespCont);
            if (m.Timestamp > 0) names.Add(Names.Timestamp);
            AssertMembers(d, names.ToArray());
            Assert.Equal(m.RespCode, d.GetProperty(Names.RespCode).GetInt32());
            if (m.RespCont.Length > 0) Assert.Equal(m.RespCont, d.GetProperty(Names.RespCont).GetString());
            if (m.Timestamp > 0) Assert.Equal(m.Timestamp, d.GetProperty(Names.Timestamp).GetInt64());
        });

        [Fact]
        public void Queries_round_trip() => RoundTrip(FrameGen.QueryRequest, (w, m) => m.Write(w), QueryRequest.Read, (m, d) =>
        {
            AssertMembers(d, m.Points);
            Assert.All(d.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        });

        [Fact]
        public void Controls_with_every_value_kind_round_trip() => RoundTrip(FrameGen.ControlRequest, (w, m) => m.Write(w), ControlRequest.Read, (m, d) =>
        {
            AssertMembers(d, m.Points);
            JsonProperty[] members = d.EnumerateObject().ToArray();
            for (int i = 0; i < m.Count; i++)
            {
                JsonElement v = members[i].Value;
                switch (m.Kinds[i])
                {
                    case ControlRequest.KindBool: Assert.Equal(m.Integers[i] != 0, v.GetBoolean()); break;
                    case ControlRequest.KindInteger: Assert.Equal(m.Integers[i], v.GetInt64()); break;
                    case ControlRequest.KindString: Assert.Equal(m.Strings[i], v.GetString()); break;
                    case ControlRequest.KindNumber:
                        Assert.Equal(JsonValueKind.Number, v.ValueKind);
                        Assert.Equal(m.Strings[i], v.GetRawText());
                        break;
                    case ControlRequest.KindNull: Assert.Equal(JsonValueKind.Null, v.ValueKind); break;
                    default:
                        Assert.Contains(v.ValueKind, new[] { JsonValueKind.Object, JsonValueKind.Array });
                        Assert.Equal(m.Strings[i], v.GetRawText());
                        break;
                }
            }
        });

        [Fact]
        public void Unbinds_round_trip() => RoundTrip(FrameGen.UnbindRequest, (w, m) => m.Write(w), UnbindRequest.Read, (m, d) =>
        {
            if (m.Reason.Length == 0) AssertMembers(d);
            else
            {
                AssertMembers(d, Names.Reason);
                Assert.Equal(m.Reason, d.GetProperty(Names.Reason).GetString());
            }
        });

        [Fact]
        public void Forced_offlines_round_trip() => RoundTrip(FrameGen.ForceOfflineRequest, (w, m) => m.Write(w), ForceOfflineRequest.Read, (m, d) =>
        {
            if (m.Seconds < 0) AssertMembers(d);
            else
            {
                AssertMembers(d, Names.Seconds);
                Assert.Equal(m.Seconds, d.GetProperty(Names.Seconds).GetInt64());
            }
        });

        [Fact]
        public void Last_wills_round_trip() => RoundTrip(FrameGen.WillMessage, (w, m) => m.Write(w), WillMessage.Read, (m, d) =>
        {
            AssertMembers(d, Names.DevId, Names.Reason);
            Assert.Equal(m.DevId, d.GetProperty(Names.DevId).GetString());
            Assert.Equal(m.Reason, d.GetProperty(Names.Reason).GetString());
        });

        [Fact]
        public void File_requests_round_trip() => RoundTrip(FrameGen.FileRequest, (w, m) => m.Write(w), FileRequest.Read, (m, d) =>
        {
            var names = new List<string> { Names.FileMode };
            if (m.ProductVer >= 0) names.Add(Names.ProductVer);
            names.AddRange(new[] { Names.FileInfo, Names.StartTime });
            if (m.HasStopTime) names.Add(Names.StopTime);
            AssertMembers(d, names.ToArray());
            Assert.Equal(m.FileMode, d.GetProperty(Names.FileMode).GetString());
            if (m.ProductVer >= 0) Assert.Equal(m.ProductVer, d.GetProperty(Names.ProductVer).GetInt32());
            Assert.Equal(m.StartTime, d.GetProperty(Names.StartTime).GetInt64());
            if (m.HasStopTime) Assert.Equal(m.StopTime, d.GetProperty(Names.StopTime).GetInt64());
            JsonElement[] files = d.GetProperty(Names.FileInfo).EnumerateArray().ToArray();
            Assert.Equal(m.Files.Length, files.Length);
            for (int i = 0; i < files.Length; i++)
            {
                FileInfo f = m.Files[i];
                JsonElement e = files[i];
                var fields = new List<string> { Names.FileType };
                if (f.DevNum >= 0) fields.Add(Names.DevNum);
                if (f.Software.Length > 0) fields.Add(Names.Software);
                if (f.Hardware.Length > 0) fields.Add(Names.Hardware);
                if (f.HasCheckSum) fields.Add(Names.CheckSum);
                if (f.Md5.Length > 0) fields.Add(Names.Md5);
                fields.Add(Names.Url);
                AssertMembers(e, fields.ToArray());
                Assert.Equal(f.FileType, e.GetProperty(Names.FileType).GetString());
                if (f.DevNum >= 0) Assert.Equal(f.DevNum, e.GetProperty(Names.DevNum).GetInt32());
                if (f.Software.Length > 0) Assert.Equal(f.Software, e.GetProperty(Names.Software).GetString());
                if (f.Hardware.Length > 0) Assert.Equal(f.Hardware, e.GetProperty(Names.Hardware).GetString());
                if (f.HasCheckSum) Assert.Equal(f.CheckSum, e.GetProperty(Names.CheckSum).GetInt64());
                if (f.Md5.Length > 0) Assert.Equal(f.Md5, e.GetProperty(Names.Md5).GetString());
                Assert.Equal(f.Url, e.GetProperty(Names.Url).GetString());
            }
        });

        [Fact]
        public void File_replies_round_trip() => RoundTrip(FrameGen.FileReply, (w, m) => m.Write(w), FileReply.Read, (m, d) =>
        {
            var names = new List<string> { Names.RespCode, Names.RespCont };
            if (m.ProductVer >= 0) names.Add(Names.ProductVer);
            if (m.DevVer != null) names.Add(Names.DevVer);
            AssertMembers(d, names.ToArray());
            Assert.Equal(m.RespCode, d.GetProperty(Names.RespCode).GetInt32());
            Assert.Equal(JsonValueKind.String, d.GetProperty(Names.RespCont).ValueKind);
            Assert.Equal(m.RespCont, d.GetProperty(Names.RespCont).GetString());
            if (m.ProductVer >= 0) Assert.Equal(m.ProductVer, d.GetProperty(Names.ProductVer).GetInt32());
            if (m.DevVer != null) AssertDevVer(m.DevVer, d.GetProperty(Names.DevVer));
        });

        [Fact]
        public void Progress_written_without_allocation_equals_the_message_and_reads_back()
        {
            var direct = new JsonWriter();
            var message = new JsonWriter();
            Gen.Select(FrameGen.Header, Gen.OneOf(FileReply.DownloadProgress, FileReply.UpgradeProgress), Gen.Int[0, 100]).Sample((head, code, percent) =>
            {
                FrameWriter.Begin(direct, head.Cmd, head.Dir, head.MsgId, head.Prio, head.Timestamp);
                FileReply.WriteProgress(direct, code, percent);
                FrameWriter.End(direct);
                FrameWriter.Begin(message, head.Cmd, head.Dir, head.MsgId, head.Prio, head.Timestamp);
                new FileReply { RespCode = code, RespCont = percent.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Write(message);
                FrameWriter.End(message);
                Assert.Equal(message.ToArray(), direct.ToArray());
                byte[] frame = direct.ToArray();
                var reader = new FrameReader();
                reader.Decode(frame, 0, frame.Length);
                FileReply back = FileReply.Read(reader.OpenData());
                Assert.Equal(code, back.RespCode);
                Assert.Equal(percent.ToString(System.Globalization.CultureInfo.InvariantCulture), back.RespCont);
                using JsonDocument doc = JsonDocument.Parse(frame);
                Assert.Equal(percent.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.RootElement.GetProperty(Names.Data).GetProperty(Names.RespCont).GetString());
            }, iter: Iterations, threads: 1);
        }

        [Fact]
        public void The_equality_used_here_notices_a_difference()
        {
            // Negative control of SameFields: a changed nested value is found.
            var a = FileReply.Versions("v", 1, new[] { new DevVersion(0, "1", "2") });
            var b = FileReply.Versions("v", 1, new[] { new DevVersion(0, "1", "3") });
            Assert.ThrowsAny<Exception>(() => SameFields(a, b, "reply"));
            SameFields(a, FileReply.Versions("v", 1, new[] { new DevVersion(0, "1", "2") }), "reply");
        }

        // ---- machinery ----

        private static void RoundTrip<T>(Gen<T> data, Action<JsonWriter, T> write, Func<JsonReader, T> read, Action<T, JsonElement> expectJson)
            where T : class
        {
            var writer = new JsonWriter(64);
            var reader = new FrameReader();
            Gen.Select(FrameGen.Header, data).Sample((head, m) =>
            {
                FrameWriter.Begin(writer, head.Cmd, head.Dir, head.MsgId, head.Prio, head.Timestamp);
                write(writer, m);
                FrameWriter.End(writer);
                byte[] frame = writer.ToArray();
                Assert.True(frame.Length <= Profile.MaxFrameBytes, $"generated frame of {frame.Length} bytes is over the limit");

                reader.Decode(frame, 0, frame.Length);
                AssertHeader(head, reader.Header);
                T back = read(reader.OpenData());
                SameFields(m, back, typeof(T).Name);

                using JsonDocument doc = JsonDocument.Parse(frame);
                AssertEnvelopeJson(head, doc.RootElement);
                expectJson(m, doc.RootElement.GetProperty(Names.Data));
            }, iter: Iterations, threads: 1);
        }

        private static void AssertHeader(Head head, FrameHeader h)
        {
            Assert.Equal(head.Cmd, h.Cmd);
            Assert.Equal(Profile.ProtocolMajor, h.VerMajor);
            Assert.Equal(0, h.VerMinor);
            Assert.Equal(head.Dir[0] - '0', h.DirFrom);
            Assert.Equal(head.Dir[1] - '0', h.DirTo);
            Assert.True(h.HasMsgId);
            Assert.Equal(head.MsgId, h.MsgId);
            Assert.Equal(head.Prio, h.Prio);
            Assert.True(h.HasTimestamp);
            Assert.Equal(head.Timestamp, h.Timestamp);
            Assert.True(h.DataIsObject);
        }

        private static void AssertEnvelopeJson(Head head, JsonElement root)
        {
            var names = new List<string> { Names.Cmd, Names.Ver, Names.Dir, Names.MsgId };
            if (head.Prio != Profile.PrioMedium) names.Add(Names.Prio);
            names.AddRange(new[] { Names.Timestamp, Names.Data });
            AssertMembers(root, names.ToArray());
            Assert.Equal(head.Cmd, root.GetProperty(Names.Cmd).GetInt32());
            Assert.Equal(Profile.ProtocolVersion, root.GetProperty(Names.Ver).GetString());
            Assert.Equal(head.Dir, root.GetProperty(Names.Dir).GetString());
            Assert.Equal(head.MsgId, root.GetProperty(Names.MsgId).GetInt64());
            if (head.Prio != Profile.PrioMedium) Assert.Equal(head.Prio, root.GetProperty(Names.Prio).GetInt32());
            Assert.Equal(head.Timestamp, root.GetProperty(Names.Timestamp).GetInt64());
            Assert.Equal(JsonValueKind.Object, root.GetProperty(Names.Data).ValueKind);
        }

        private static void AssertMembers(JsonElement obj, params string[] names)
        {
            Assert.Equal(JsonValueKind.Object, obj.ValueKind);
            Assert.Equal(names, obj.EnumerateObject().Select(p => p.Name).ToArray());
        }

        private static void AssertDevVer(DevVersion[] expected, JsonElement list)
        {
            JsonElement[] items = list.EnumerateArray().ToArray();
            Assert.Equal(expected.Length, items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                AssertMembers(items[i], Names.Software, Names.Hardware, Names.DevNum);
                Assert.Equal(expected[i].Software, items[i].GetProperty(Names.Software).GetString());
                Assert.Equal(expected[i].Hardware, items[i].GetProperty(Names.Hardware).GetString());
                Assert.Equal(expected[i].DevNum, items[i].GetProperty(Names.DevNum).GetInt32());
            }
        }

        /// <summary>Compares every public instance field, recursively through arrays and message objects.</summary>
        private static void SameFields(object? expected, object? actual, string path)
        {
            if (expected is null || actual is null)
            {
                Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
                return;
            }
            Type t = expected.GetType();
            Assert.Equal(t, actual.GetType());
            if (t.IsPrimitive || t == typeof(string))
            {
                if (!expected.Equals(actual)) Assert.Fail($"{path}: expected {Show(expected)}, got {Show(actual)}");
                return;
            }
            if (expected is Array a)
            {
                var b = (Array)actual;
                Assert.True(a.Length == b.Length, $"{path}: expected {a.Length} elements, got {b.Length}");
                for (int i = 0; i < a.Length; i++) SameFields(a.GetValue(i), b.GetValue(i), $"{path}[{i}]");
                return;
            }
            FieldInfo[] fields = t.GetFields(BindingFlags.Public | BindingFlags.Instance);
            Assert.NotEmpty(fields);
            foreach (FieldInfo f in fields) SameFields(f.GetValue(expected), f.GetValue(actual), path + "." + f.Name);
        }

        private static string Show(object value) => value is string s ? JsonSerializer.Serialize(s) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

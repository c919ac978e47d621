using System;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>
    /// The envelope rules of protocol.md section 1 and 2: required fields, their types and forms, data as object or
    /// string, tolerance of unknown fields and order, and the limits on what follows and on size.
    /// </summary>
    public sealed class EnvelopeTests
    {
        public void The_valid_frame_of_these_tests_decodes()
        {
            FrameReader reader = FrameKit.Decode(FrameKit.Object(FrameKit.ValidMembers()));
            FrameKit.Header(reader.Header, Cmd.Query, Profile.DirPlatform, Profile.DirDevice, 77, Profile.PrioMedium, 1617787651542L);
            Check.True(reader.Header.DataIsObject, "data is an object");
        }

        public void Each_missing_required_field_is_named()
        {
            string[] names = FrameKit.ValidNames();
            for (int i = 0; i < names.Length; i++)
            {
                FrameKit.DecodeFails(FrameKit.Without(i), "frame lacks required field \"" + names[i] + "\"");
            }
        }

        public void A_frame_missing_cmd_keeps_its_msgId_but_cannot_be_answered()
        {
            FrameHeader h = FrameKit.DecodeFails(FrameKit.Without(0), "\"cmd\"").Header;
            Check.Equal(-1, h.Cmd, "cmd");
            Check.True(h.HasMsgId, "msgId present");
            Check.Equal(77L, h.MsgId, "msgId");
            Check.False(h.IsAnswerable, "answerable");
        }

        public void A_frame_missing_msgId_keeps_its_cmd_but_cannot_be_answered()
        {
            FrameHeader h = FrameKit.DecodeFails(FrameKit.Without(3), "\"msgId\"").Header;
            Check.Equal(Cmd.Query, h.Cmd, "cmd");
            Check.False(h.HasMsgId, "msgId present");
            Check.False(h.IsAnswerable, "answerable");
        }

        public void A_frame_missing_a_later_field_keeps_everything_decoded_and_can_be_answered()
        {
            string[] names = FrameKit.ValidNames();
            for (int i = 1; i < names.Length; i++)
            {
                if (names[i] == Names.MsgId) continue;
                FrameHeader h = FrameKit.DecodeFails(FrameKit.Without(i), "\"" + names[i] + "\"").Header;
                Check.Equal(Cmd.Query, h.Cmd, "cmd without " + names[i]);
                Check.Equal(77L, h.MsgId, "msgId without " + names[i]);
                Check.True(h.IsAnswerable, "answerable without " + names[i]);
            }
        }

        public void A_mistyped_field_keeps_the_fields_decoded_before_it()
        {
            FrameHeader h = FrameKit.DecodeFails("{\"cmd\":2011,\"msgId\":5,\"prio\":2,\"ver\":\"x\",\"dir\":\"30\",\"timestamp\":1,\"data\":{}}", "\"ver\"").Header;
            Check.Equal(Cmd.Control, h.Cmd, "cmd");
            Check.Equal(5L, h.MsgId, "msgId");
            Check.Equal(2, h.Prio, "prio");
            Check.True(h.IsAnswerable, "answerable");
            Check.Equal(-1, h.DirFrom, "dir not reached");
        }

        public void Wrongly_typed_fields_are_rejected_with_their_name()
        {
            Mistyped(Names.Cmd, "\"2009\"", "must be a number");
            Mistyped(Names.Cmd, "2009.5", "must be a 32-bit integer");
            Mistyped(Names.Cmd, "3000000000", "must be a 32-bit integer");
            Mistyped(Names.Cmd, "-1", "must not be negative");
            Mistyped(Names.Cmd, "null", "must be a number");
            Mistyped(Names.Cmd, "[2009]", "must be a number");
            Mistyped(Names.MsgId, "1.5", "must be an integer");
            Mistyped(Names.MsgId, "1e3", "must be an integer");
            Mistyped(Names.MsgId, "99999999999999999999", "must be an integer");
            Mistyped(Names.MsgId, "\"77\"", "must be a number");
            Mistyped(Names.MsgId, "true", "must be a number");
            Mistyped(Names.Ver, "1.0", "\"ver\"");
            Mistyped(Names.Ver, "null", "\"ver\"");
            Mistyped(Names.Dir, "30", "\"dir\"");
            Mistyped(Names.Timestamp, "1.5", "must be an integer");
            Mistyped(Names.Timestamp, "true", "\"timestamp\"");
            Mistyped(Names.Timestamp, "\"16177x\"", "\"timestamp\"");
            Mistyped(Names.Timestamp, "\"-1\"", "\"timestamp\"");
            Mistyped(Names.Timestamp, "\"\"", "\"timestamp\"");
            Mistyped(Names.Timestamp, "{}", "\"timestamp\"");
        }

        private static void Mistyped(string name, string rawValue, string fragment)
        {
            FrameReader reader = FrameKit.DecodeFails(FrameKit.With(name, rawValue), fragment);
            Check.Contains("\"" + name + "\"", Error(FrameKit.With(name, rawValue)), "message names the field");
            if (name != Names.Cmd) Check.Equal(Cmd.Query, reader.Header.Cmd, "cmd kept when " + name + " is " + rawValue);
        }

        private static string Error(string json)
        {
            byte[] bytes = Utf8.GetBytes(json);
            FrameReader reader = new FrameReader();
            return Check.Throws(typeof(FrameException), delegate { reader.Decode(bytes, 0, bytes.Length); }).Message;
        }

        public void A_mistyped_field_error_gives_the_offset_of_its_value()
        {
            string json = FrameKit.With(Names.MsgId, "\"77\"");
            byte[] bytes = Utf8.GetBytes(json);
            FrameReader reader = new FrameReader();
            CodecException e = (CodecException)Check.Throws(typeof(FrameException), delegate { reader.Decode(bytes, 0, bytes.Length); });
            Check.Equal(json.IndexOf("\"77\""), e.Offset, "offset");
            Check.Contains("at byte " + e.Offset.ToString() + " ", e.Message, "message");
        }

        public void A_prio_of_the_wrong_type_is_rejected()
        {
            string json = "{\"cmd\":2009,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":77,\"prio\":\"high\",\"timestamp\":1,\"data\":{}}";
            FrameKit.DecodeFails(json, "field \"prio\"");
        }

        public void A_timestamp_written_as_a_string_of_digits_is_accepted()
        {
            Check.Equal(1617787651542L, FrameKit.Decode(FrameKit.With(Names.Timestamp, "\"1617787651542\"")).Header.Timestamp, "timestamp");
            Check.Equal(0L, FrameKit.Decode(FrameKit.With(Names.Timestamp, "\"0\"")).Header.Timestamp, "timestamp 0");
            Check.Equal(999999999999999999L, FrameKit.Decode(FrameKit.With(Names.Timestamp, "\"999999999999999999\"")).Header.Timestamp, "18 digits");
        }

        public void Versions_with_our_major_decode_with_their_parts()
        {
            Ver("\"1.0\"", 1, 0);
            Ver("\"1\"", 1, 0);
            Ver("\"1.2.3\"", 1, 2);
            Ver("\"1.15\"", 1, 15);
            Ver("\"01.0\"", 1, 0);
        }

        public void A_higher_major_version_decodes_so_the_device_can_answer_with_an_error()
        {
            FrameHeader h = Ver("\"2.0\"", 2, 0);
            Check.True(h.VerMajor != Profile.ProtocolMajor, "not our major");
            Check.True(h.IsAnswerable, "answerable");
        }

        private static FrameHeader Ver(string raw, int major, int minor)
        {
            FrameHeader h = FrameKit.Decode(FrameKit.With(Names.Ver, raw)).Header;
            Check.Equal(major, h.VerMajor, "major of " + raw);
            Check.Equal(minor, h.VerMinor, "minor of " + raw);
            return h;
        }

        public void Malformed_versions_are_rejected()
        {
            string[] bad = { "\"x\"", "\"1.\"", "\"\"", "\".1\"", "\"1.x\"", "\"1..0\"", "\"1.0 \"", "\" 1.0\"", "\"v1\"", "\"1-0\"", "\"1234567\"", "\"1\\u002e0\"" };
            for (int i = 0; i < bad.Length; i++) FrameKit.DecodeFails(FrameKit.With(Names.Ver, bad[i]), "\"ver\"");
        }

        public void Directions_are_two_digits_sender_then_receiver()
        {
            FrameHeader toDevice = FrameKit.Decode(FrameKit.With(Names.Dir, "\"30\"")).Header;
            Check.Equal(3, toDevice.DirFrom, "sender");
            Check.Equal(0, toDevice.DirTo, "receiver");
            Check.True(toDevice.IsToDevice, "30 is to the device");
            FrameHeader toPlatform = FrameKit.Decode(FrameKit.With(Names.Dir, "\"03\"")).Header;
            Check.Equal(0, toPlatform.DirFrom, "sender");
            Check.Equal(3, toPlatform.DirTo, "receiver");
            Check.True(toPlatform.IsToPlatform, "03 is to the platform");
            Check.False(toPlatform.IsToDevice, "03 is not to the device");
            FrameHeader other = FrameKit.Decode(FrameKit.With(Names.Dir, "\"12\"")).Header;
            Check.False(other.IsToDevice || other.IsToPlatform, "12 is neither");
        }

        public void Malformed_directions_are_rejected()
        {
            string[] bad = { "\"3\"", "\"300\"", "\"ab\"", "\"\"", "\"3a\"", "\" 3\"", "\"\\u00330\"", "30", "3", "null", "[3,0]" };
            for (int i = 0; i < bad.Length; i++) FrameKit.DecodeFails(FrameKit.With(Names.Dir, bad[i]), "\"dir\"");
        }

        public void Data_as_an_object_is_located_exactly()
        {
            string data = "{\"a\":{\"b\":[1,2]},\"c\":\"}\"}";
            string json = FrameKit.With(Names.Data, data);
            FrameHeader h = FrameKit.Decode(json).Header;
            Check.True(h.DataIsObject, "object");
            Check.Equal(json.IndexOf(data), h.DataOffset, "offset");
            Check.Equal(data.Length, h.DataLength, "length");
        }

        public void Data_as_a_string_decodes_its_escapes()
        {
            // Some senders escape the slashes of base64 as "\/".
            FrameReader reader = FrameKit.Decode(FrameKit.With(Names.Data, "\"ab\\/cd+ef\\/==\""));
            Check.True(reader.Header.DataIsString, "string");
            Check.False(reader.Header.DataIsObject, "not an object");
            Check.Equal("ab/cd+ef/==", reader.DataString(), "data");
            byte[] raw = Convert.FromBase64String(FrameKit.Decode(FrameKit.With(Names.Data, "\"AAEC\\/w==\"")).DataString());
            Check.Bytes(new byte[] { 0, 1, 2, 0xFF }, raw, "base64 with an escaped slash");
        }

        public void Data_as_a_string_cannot_be_opened_as_an_object_and_the_reverse()
        {
            FrameReader text = FrameKit.Decode(FrameKit.With(Names.Data, "\"QUJD\""));
            Check.Contains("must be an object", Check.Throws(typeof(FrameException), delegate { text.OpenData(); }).Message, "OpenData on a string");
            FrameReader obj = FrameKit.Decode(FrameKit.With(Names.Data, "{}"));
            Check.Contains("must be a string", Check.Throws(typeof(FrameException), delegate { obj.DataString(); }).Message, "DataString on an object");
        }

        public void Data_null_counts_as_missing()
        {
            FrameKit.DecodeFails(FrameKit.With(Names.Data, "null"), "frame lacks required field \"data\"");
        }

        public void Data_of_any_other_type_is_rejected()
        {
            string[] bad = { "5", "-1.5", "true", "false", "[]", "[{}]" };
            for (int i = 0; i < bad.Length; i++)
                FrameKit.DecodeFails(FrameKit.With(Names.Data, bad[i]), "field \"data\" at byte");
        }

        public void Unknown_fields_are_ignored_wherever_they_are()
        {
            string json = "{\"x\":{\"cmd\":1,\"a\":[1,{\"b\":null}]},\"data\":{\"k\":1},\"zz\":\"q\",\"timestamp\":5,\"msgId\":6,"
                + "\"extra\":[],\"dir\":\"30\",\"ver\":\"1.0\",\"cmd\":2013,\"y\":-0.5e7,\"z\":true}";
            FrameReader reader = FrameKit.Decode(json);
            FrameKit.Header(reader.Header, Cmd.Unbind, 3, 0, 6, Profile.PrioMedium, 5);
            Check.Equal(json.IndexOf("{\"k\":1}"), reader.Header.DataOffset, "data offset");
        }

        public void Every_order_of_the_fields_decodes_the_same()
        {
            string[] members = FrameKit.ValidMembers();
            int[] order = { 0, 1, 2, 3, 4, 5 };
            int[] c = new int[order.Length];
            int count = 1;
            CheckOrder(members, order);
            // Heap's algorithm: every permutation, one swap at a time.
            for (int i = 0; i < order.Length;)
            {
                if (c[i] < i)
                {
                    int j = i % 2 == 0 ? 0 : c[i];
                    int t = order[j];
                    order[j] = order[i];
                    order[i] = t;
                    CheckOrder(members, order);
                    count++;
                    c[i]++;
                    i = 0;
                }
                else
                {
                    c[i] = 0;
                    i++;
                }
            }
            Check.Equal(720, count, "orders tried");
        }

        private static void CheckOrder(string[] members, int[] order)
        {
            string[] ordered = new string[order.Length];
            for (int i = 0; i < order.Length; i++) ordered[i] = members[order[i]];
            FrameKit.Header(FrameKit.Decode(FrameKit.Object(ordered)).Header, Cmd.Query, 3, 0, 77, Profile.PrioMedium, 1617787651542L);
        }

        public void Names_with_spaces_around_them_are_read()
        {
            string json = "{\" cmd\":2009,\"ver \":\"1.0\",\"  dir  \":\"30\",\"msgId\":77,\"timestamp\":1,\"\\u0020data\":{}}";
            FrameReader reader = FrameKit.Decode(json);
            Check.Equal(Cmd.Query, reader.Header.Cmd, "cmd");
            Check.True(reader.Header.DataIsObject, "data");
        }

        public void Only_spaces_around_names_are_ignored_not_other_whitespace()
        {
            // Profile.TrimPropertyNames trims spaces (the seed's " devNum"); a tab or a no-break space makes another name,
            // whether it is written raw or escaped.
            FrameKit.DecodeFails("{\"\\tcmd\":2009,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":77,\"timestamp\":1,\"data\":{}}", "lacks required field \"cmd\"");
            FrameKit.DecodeFails("{\"cmd\\n\":2009,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":77,\"timestamp\":1,\"data\":{}}", "lacks required field \"cmd\"");
            FrameKit.DecodeFails("{\"\u00A0cmd\":2009,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":77,\"timestamp\":1,\"data\":{}}", "lacks required field \"cmd\"");
            FrameKit.DecodeFails("{\"\\u00A0cmd\":2009,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":77,\"timestamp\":1,\"data\":{}}", "lacks required field \"cmd\"");
            QueryRequest q = QueryRequest.Read(FrameKit.Decode(FrameKit.With(Names.Data, "{\"\\tpower\":null,\" temp  \":null,\"\\u0020mode\":null}")).OpenData());
            Check.Equal("\tpower", q.Points[0], "tab kept");
            Check.Equal("temp", q.Points[1], "spaces trimmed");
            Check.Equal("mode", q.Points[2], "escaped space trimmed");
            ControlRequest c = ControlRequest.Read(FrameKit.Decode(FrameKit.With(Names.Data, "{\"power\\r\":true,\"  temp\":1}")).OpenData());
            Check.Equal("power\r", c.Points[0], "carriage return kept");
            Check.Equal("temp", c.Points[1], "spaces trimmed");
        }

        public void A_repeated_field_takes_its_last_value()
        {
            FrameHeader h = FrameKit.Decode("{\"cmd\":1,\"cmd\":2009,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":77,\"timestamp\":1,\"data\":{}}").Header;
            Check.Equal(Cmd.Query, h.Cmd, "cmd");
        }

        public void Trailing_data_after_the_frame_is_rejected()
        {
            string frame = FrameKit.Object(FrameKit.ValidMembers());
            string[] trailers = { "x", "{}", ",", "}", "\"\"", "0", " 1" };
            for (int i = 0; i < trailers.Length; i++)
            {
                byte[] bytes = Utf8.GetBytes(frame + trailers[i]);
                FrameReader reader = new FrameReader();
                Exception e = Check.Throws(typeof(CodecException), delegate { reader.Decode(bytes, 0, bytes.Length); });
                Check.Contains("after the end of the JSON value", e.Message, "error with trailer " + trailers[i]);
            }
            FrameKit.Decode(" \r\n\t" + frame + " \r\n\t");
        }

        public void Something_other_than_an_object_is_not_a_frame()
        {
            string[] bad = { "[]", "1", "\"frame\"", "null" };
            for (int i = 0; i < bad.Length; i++) FrameKit.DecodeFails(bad[i], "not a JSON object");
            byte[] empty = new byte[0];
            FrameReader reader = new FrameReader();
            Check.Throws(typeof(JsonException), delegate { reader.Decode(empty, 0, 0); });
        }

        public void Invalid_JSON_is_a_JsonException()
        {
            string[] bad = { "{\"cmd\":2009,", "{\"cmd\":2009,}", "{cmd:2009}", "{\"cmd\":2009 \"ver\":\"1.0\"}" };
            for (int i = 0; i < bad.Length; i++)
            {
                byte[] bytes = Utf8.GetBytes(bad[i]);
                FrameReader reader = new FrameReader();
                Check.Throws(typeof(JsonException), delegate { reader.Decode(bytes, 0, bytes.Length); });
            }
        }

        public void Nesting_deeper_than_the_profile_allows_is_rejected()
        {
            string deep = TestData.Repeat("[", Profile.MaxJsonDepth) + TestData.Repeat("]", Profile.MaxJsonDepth);
            string ok = TestData.Repeat("[", Profile.MaxJsonDepth - 1) + TestData.Repeat("]", Profile.MaxJsonDepth - 1);
            FrameKit.Decode(FrameKit.With(Names.Data, "{\"x\":" + ok.Substring(1, ok.Length - 2) + "}"));
            byte[] bytes = Utf8.GetBytes(FrameKit.With(Names.Data, "{\"x\":" + deep.Substring(1, deep.Length - 2) + "}"));
            FrameReader reader = new FrameReader();
            Exception e = Check.Throws(typeof(JsonException), delegate { reader.Decode(bytes, 0, bytes.Length); });
            Check.Contains("nesting deeper than " + Profile.MaxJsonDepth.ToString(), e.Message, "error");
        }

        public void A_frame_of_the_largest_size_is_accepted_and_one_byte_more_is_rejected()
        {
            string head = "{\"pad\":\"";
            string tail = "\"," + FrameKit.Object(FrameKit.ValidMembers()).Substring(1);
            string largest = head + TestData.Repeat("x", Profile.MaxFrameBytes - head.Length - tail.Length) + tail;
            Check.Equal(Profile.MaxFrameBytes, largest.Length, "largest frame");
            FrameKit.Decode(largest);
            string over = head + TestData.Repeat("x", Profile.MaxFrameBytes + 1 - head.Length - tail.Length) + tail;
            FrameReader reader = FrameKit.DecodeFails(over, "frame of " + (Profile.MaxFrameBytes + 1).ToString() + " bytes exceeds the limit of " + Profile.MaxFrameBytes.ToString());
            Check.Equal(-1, reader.Header.Cmd, "nothing decoded");
        }

        public void A_failed_decode_forgets_the_previous_frame()
        {
            FrameReader reader = FrameKit.Decode(FrameKit.Object(FrameKit.ValidMembers()));
            byte[] bad = Utf8.GetBytes("{\"msgId\":5}");
            Check.Throws(typeof(FrameException), delegate { reader.Decode(bad, 0, bad.Length); });
            Check.Equal(-1, reader.Header.Cmd, "cmd");
            Check.Equal(5L, reader.Header.MsgId, "msgId");
            Check.False(reader.Header.DataIsObject, "data");
            Check.Throws(typeof(FrameException), delegate { reader.OpenData(); });
        }

        public void Decrypted_data_must_be_exactly_one_object()
        {
            FrameReader reader = FrameKit.Decode(FrameKit.Object(FrameKit.ValidMembers()));
            byte[] good = Utf8.GetBytes(" {\"respCode\":-1,\"respCont\":\"no\"} ");
            JsonReader r = reader.Open(good, 0, good.Length);
            Check.True(r.TokenType == JsonTokenType.StartObject, "positioned on the object");
            Check.Equal("no", RegisterReply.Read(r).RespCont, "respCont");

            byte[] trailing = Utf8.GetBytes("{\"respCode\":-1} x");
            Check.Contains("after the end of the JSON value", Check.Throws(typeof(JsonException), delegate { reader.Open(trailing, 0, trailing.Length); }).Message, "trailing data");
            string[] notObjects = { "[{\"respCode\":0}]", "\"text\"", "5", "null" };
            for (int i = 0; i < notObjects.Length; i++)
            {
                byte[] bytes = Utf8.GetBytes(notObjects[i]);
                Check.Contains("not a JSON object", Check.Throws(typeof(FrameException), delegate { reader.Open(bytes, 0, bytes.Length); }).Message, notObjects[i]);
            }
            byte[] blank = Utf8.GetBytes("  ");
            Check.Throws(typeof(CodecException), delegate { reader.Open(blank, 0, blank.Length); });
            byte[] broken = Utf8.GetBytes("{\"respCode\":");
            Check.Throws(typeof(JsonException), delegate { reader.Open(broken, 0, broken.Length); });
            Check.Equal(77L, reader.Header.MsgId, "the frame's header is kept");
        }

        public void A_successful_register_reply_needs_the_whole_login()
        {
            string login = "\"devId\":\"d1\",\"devSecret\":\"s\",\"mqttHost\":\"h\",\"mqttPort\":1883";
            RegisterReply ok = RegisterReply.Read(FrameKit.Decode(FrameKit.With(Names.Data, "{\"respCode\":0," + login + "}")).OpenData());
            Check.Equal(1883, ok.MqttPort, "port");
            Check.False(ok.MqttTls, "tls defaults to false");
            RegisterFails("{\"respCode\":0,\"devSecret\":\"s\",\"mqttHost\":\"h\",\"mqttPort\":1883}", "lacks required field \"devId\"");
            RegisterFails("{\"respCode\":0,\"devId\":\"d1\",\"mqttHost\":\"h\",\"mqttPort\":1883}", "lacks required field \"devSecret\"");
            RegisterFails("{\"respCode\":0,\"devId\":\"d1\",\"devSecret\":\"\",\"mqttHost\":\"h\",\"mqttPort\":1883}", "lacks required field \"devSecret\"");
            RegisterFails("{\"respCode\":0,\"devId\":\"d1\",\"devSecret\":\"s\",\"mqttPort\":1883}", "lacks required field \"mqttHost\"");
            RegisterFails("{\"respCode\":0,\"devId\":\"d1\",\"devSecret\":\"s\",\"mqttHost\":\"h\"}", "lacks required field \"mqttPort\"");
            RegisterFails("{\"respCode\":0,\"devId\":\"d1\",\"devSecret\":\"s\",\"mqttHost\":\"h\",\"mqttPort\":0}", "mqttPort 0 outside 1..65535");
            RegisterFails("{\"respCode\":0,\"devId\":\"d1\",\"devSecret\":\"s\",\"mqttHost\":\"h\",\"mqttPort\":70000}", "mqttPort 70000 outside 1..65535");
            RegisterFails("{\"respCode\":0,\"devId\":\"d1\",\"devSecret\":\"s\",\"mqttHost\":\"h\",\"mqttPort\":-1}", "mqttPort -1 outside 1..65535");
            RegisterFails("{\"respCode\":0,\"devId\":\"d1\",\"devSecret\":\"s\",\"mqttHost\":\"h\",\"mqttPort\":\"1883\"}", "field \"mqttPort\"");
            RegisterFails("{\"respCode\":0," + login + ",\"mqttTls\":1}", "field \"mqttTls\"");
            RegisterFails("{\"respCont\":\"ok\"," + login + "}", "lacks required field \"respCode\"");
        }

        public void A_failed_register_reply_needs_no_login()
        {
            RegisterReply m = RegisterReply.Read(FrameKit.Decode(FrameKit.With(Names.Data, "{\"respCode\":-1,\"respCont\":\"bad devId\"}")).OpenData());
            Check.Equal(-1, m.RespCode, "respCode");
            Check.Equal("bad devId", m.RespCont, "respCont");
            Check.Equal("", m.DevSecret, "devSecret");
        }

        private static void RegisterFails(string data, string fragment)
        {
            FrameReader reader = FrameKit.Decode(FrameKit.With(Names.Data, data));
            Exception e = Check.Throws(typeof(FrameException), delegate { RegisterReply.Read(reader.OpenData()); });
            Check.Contains(fragment, e.Message, "error of " + data);
        }
    }
}

using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>
    /// What the platform channel must not be able to do to the device (protocol.md sections 1-3): malformed, truncated
    /// and mistyped frames, frames not addressed to the device, other protocol versions, local and unknown cmds, and
    /// messages on other topics. Nothing throws; a frame with a usable cmd and msgId gets an error reply.
    /// </summary>
    public sealed class MalformedFrameTests
    {
        public void Invalid_json_after_cmd_and_msgId_gets_an_error_reply_describing_the_problem()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendRaw("{\"cmd\":2009,\"msgId\":77,\"ver\":\"1.0\",\"dir\":\"30\",\"timestamp\":1,\"data\":{\"power\":nul}}");
            d.Run(100);
            ResultReply r = CommandTests.Result(CommandTests.Reply(d, 77, Cmd.QueryReply));
            Check.Equal(-1, r.RespCode, "respCode");
            Check.Contains("malformed frame: ", r.RespCont, "respCont");
            Check.Contains("malformed frame", d.Device.Log.LastError, "logged");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void Frame_missing_a_required_field_gets_an_error_reply_naming_the_field()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendRaw("{\"cmd\":2011,\"msgId\":78,\"ver\":\"1.0\",\"dir\":\"30\",\"data\":{\"power\":true}}");
            d.Run(100);
            ResultReply r = CommandTests.Result(CommandTests.Reply(d, 78, Cmd.ControlReply));
            Check.Equal(-1, r.RespCode, "respCode");
            Check.Contains("timestamp", r.RespCont, "names the missing field");
            Check.False(d.Model.At(0).Boolean, "not applied");
        }

        public void A_corrected_frame_sent_again_with_the_same_msgId_is_acted_on()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendRaw("{\"cmd\":2011,\"msgId\":90,\"ver\":\"1.0\",\"dir\":\"30\",\"timestamp\":1,\"data\":{\"power\":tru}}");
            d.Run(100);
            Check.Equal(-1, CommandTests.Result(CommandTests.Reply(d, 90, Cmd.ControlReply)).RespCode, "the broken frame is refused");
            d.Platform.SendRaw("{\"cmd\":2011,\"msgId\":90,\"ver\":\"1.0\",\"dir\":\"30\",\"timestamp\":1,\"data\":{\"power\":true}}");
            d.Run(100);
            Check.Equal(0, CommandTests.Result(CommandTests.Reply(d, 90, Cmd.ControlReply)).RespCode, "the corrected frame is answered anew");
            Check.True(d.Model.At(0).Boolean, "and applied");
        }

        public void Frame_without_msgId_or_cmd_is_dropped_and_logged_without_a_reply()
        {
            DeviceHarness d = CommandTests.Online(null);
            int frames = d.Platform.Frames.Count;
            d.Platform.SendRaw("{\"cmd\":2009,\"ver\":\"1.0\",\"dir\":\"30\",\"timestamp\":1,\"data\":{}}");
            d.Platform.SendRaw("{\"msgId\":79,\"ver\":\"1.0\",\"dir\":\"30\",\"timestamp\":1,\"data\":{}}");
            d.Platform.SendRaw("{\"data\":{},\"cmd\":2011,\"msgId\":");
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "no reply");
            Check.Contains("malformed frame: ", d.LogLines.All, "logged");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void Payloads_that_are_not_frames_are_dropped_without_a_reply()
        {
            DeviceHarness d = CommandTests.Online(null);
            int frames = d.Platform.Frames.Count;
            string[] junk = { "", "hello", "[]", "{}", "null", "{\"cmd\":2009}", "{{{{", "\"cmd\"", "{\"cmd\":-5,\"msgId\":1}" };
            for (int i = 0; i < junk.Length; i++) d.Platform.SendRaw(junk[i]);
            d.Platform.SendBytes(new byte[] { 0xFF, 0xFE, 0x00, 0x7B });
            d.Platform.SendBytes(TestData.Pattern(300, 5));
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "no reply");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void Every_truncation_of_a_control_is_harmless_and_only_answered_with_errors()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = CommandTests.Online(listener);
            byte[] bytes = Utf8.GetBytes(Control(4242));
            for (int cut = 0; cut < bytes.Length; cut++)
            {
                byte[] prefix = new byte[cut];
                System.Array.Copy(bytes, prefix, cut);
                d.Platform.SendBytes(prefix);
                d.Run(100);
            }
            Check.Equal(0, listener.Calls, "no truncation was applied");
            Check.False(d.Model.At(0).Boolean, "power unchanged");
            for (int i = 0; i < d.Platform.Frames.Count; i++)
            {
                DeviceFrame f = (DeviceFrame)d.Platform.Frames[i]!;
                if (f.Cmd != Cmd.ControlReply) continue;
                Check.Equal(4242, f.MsgId, "error replies answer the msgId");
                Check.Equal(-1, CommandTests.Result(f).RespCode, "only error replies");
            }
            Check.True(d.Platform.Count(Cmd.ControlReply) > 0, "truncations after the msgId were answered");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
            d.Platform.SendRaw(Control(4243));
            d.Run(100);
            Check.Equal(1, listener.Calls, "a whole frame still works");
        }

        public void Data_of_the_wrong_type_gets_an_error_reply()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendWithMsgId(Cmd.Control, 801, "\"power=on\"");
            d.Platform.SendWithMsgId(Cmd.Query, 802, "5");
            d.Platform.SendWithMsgId(Cmd.Query, 803, "[\"power\"]");
            d.Platform.SendWithMsgId(Cmd.Control, 804, "null");
            d.Run(100);
            Check.Contains("data must be an object", CommandTests.Result(CommandTests.Reply(d, 801, Cmd.ControlReply)).RespCont, "string data");
            Check.Contains("must be an object or a string", CommandTests.Result(CommandTests.Reply(d, 802, Cmd.QueryReply)).RespCont, "number data");
            Check.Equal(-1, CommandTests.Result(CommandTests.Reply(d, 803, Cmd.QueryReply)).RespCode, "array data");
            Check.Contains("data", CommandTests.Result(CommandTests.Reply(d, 804, Cmd.ControlReply)).RespCont, "null data");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void Forced_offline_with_bad_seconds_is_refused_and_the_device_stays_online()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendWithMsgId(Cmd.ForceOffline, 811, "{\"seconds\":\"soon\"}");
            d.Platform.SendWithMsgId(Cmd.ForceOffline, 812, "{\"seconds\":-5}");
            d.Run(100);
            ResultReply a = CommandTests.Result(CommandTests.Reply(d, 811, Cmd.ForceOfflineReply));
            ResultReply b = CommandTests.Result(CommandTests.Reply(d, 812, Cmd.ForceOfflineReply));
            Check.Equal(-1, a.RespCode, "text seconds");
            Check.Contains("seconds", a.RespCont, "names the field");
            Check.Equal(-1, b.RespCode, "negative seconds");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
            Check.Equal(0, d.Mqtt.Disconnects, "not disconnected");
        }

        public void Frames_not_addressed_to_the_device_are_dropped_without_a_reply()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = CommandTests.Online(listener);
            int frames = d.Platform.Frames.Count;
            string[] dirs = { "03", "10", "33", "00", "31", "20" };
            for (int i = 0; i < dirs.Length; i++) d.Platform.SendFrame(Cmd.Control, "1.0", dirs[i], 820 + i, "{\"power\":true}");
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "no reply");
            Check.Equal(0, listener.Calls, "not applied");
            Check.Contains("dir 03 is not addressed to the device", d.LogLines.All, "logged");
            Check.Contains("dir 10 is not addressed to the device", d.LogLines.All, "logged");
        }

        public void Malformed_frame_not_addressed_to_the_device_gets_no_reply()
        {
            DeviceHarness d = CommandTests.Online(null);
            int frames = d.Platform.Frames.Count;
            d.Platform.SendRaw("{\"cmd\":2009,\"msgId\":830,\"dir\":\"03\",\"ver\":\"1.0\",\"data\":{");
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "no reply");
        }

        public void Invalid_dir_gets_an_error_reply()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendRaw("{\"cmd\":2009,\"msgId\":831,\"ver\":\"1.0\",\"dir\":\"3-0\",\"timestamp\":1,\"data\":{}}");
            d.Run(100);
            ResultReply r = CommandTests.Result(CommandTests.Reply(d, 831, Cmd.QueryReply));
            Check.Equal(-1, r.RespCode, "respCode");
            Check.Contains("dir", r.RespCont, "names the field");
        }

        public void Higher_major_version_gets_an_unsupported_protocol_version_reply_and_is_not_acted_on()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = CommandTests.Online(listener);
            d.Platform.SendFrame(Cmd.Control, "2.0", "30", 840, "{\"power\":true}");
            d.Run(100);
            ResultReply r = CommandTests.Result(CommandTests.Reply(d, 840, Cmd.ControlReply));
            Check.Equal(-1, r.RespCode, "respCode");
            Check.Equal("unsupported protocol version 2.0", r.RespCont, "respCont");
            Check.Equal(0, listener.Calls, "not applied");
        }

        public void Minor_versions_of_major_1_are_accepted()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendFrame(Cmd.Query, "1.7", "30", 850, "{}");
            d.Platform.SendFrame(Cmd.Query, "1", "30", 851, "{}");
            d.Platform.SendFrame(Cmd.Query, "1.0.3", "30", 852, "{}");
            d.Run(100);
            Check.Equal(0, CommandTests.Result(CommandTests.Reply(d, 850, Cmd.QueryReply)).RespCode, "1.7");
            Check.Equal(0, CommandTests.Result(CommandTests.Reply(d, 851, Cmd.QueryReply)).RespCode, "1");
            Check.Equal(0, CommandTests.Result(CommandTests.Reply(d, 852, Cmd.QueryReply)).RespCode, "1.0.3");
        }

        public void Version_that_is_not_a_version_gets_an_error_reply()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendRaw("{\"cmd\":2009,\"msgId\":853,\"ver\":\"one\",\"dir\":\"30\",\"timestamp\":1,\"data\":{}}");
            d.Run(100);
            ResultReply r = CommandTests.Result(CommandTests.Reply(d, 853, Cmd.QueryReply));
            Check.Equal(-1, r.RespCode, "respCode");
            Check.Contains("ver", r.RespCont, "names the field");
        }

        public void Local_cmds_below_2000_are_ignored()
        {
            DeviceHarness d = CommandTests.Online(null);
            int frames = d.Platform.Frames.Count;
            d.Platform.SendWithMsgId(1001, 860, "{}");
            d.Platform.SendWithMsgId(1100, 861, "{}");
            d.Platform.SendWithMsgId(0, 862, "{}");
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "no reply");
            Check.Contains("ignored local cmd 1001", d.LogLines.All, "logged");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void Unknown_cmds_and_device_side_cmds_from_the_platform_are_ignored()
        {
            DeviceHarness d = CommandTests.Online(null);
            int frames = d.Platform.Frames.Count;
            int[] cmds = { 2099, 2003, 2002, 2015, 2020, 2006, 2004, 2010, 2018, 2000, 99999 };
            for (int i = 0; i < cmds.Length; i++) d.Platform.SendWithMsgId(cmds[i], 870 + i, "{}");
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "no reply");
            Check.Contains("ignored cmd 2099", d.LogLines.All, "logged");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void Messages_on_another_topic_are_ignored()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = CommandTests.Online(listener);
            int frames = d.Platform.Frames.Count;
            byte[] control = Utf8.GetBytes("{\"cmd\":2011,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":880,\"timestamp\":1,\"data\":{\"power\":true}}");
            d.Mqtt.Deliver("clife/P-TEST/dev-9/down", control);
            d.Mqtt.Deliver("clife/P-TEST/dev-1/up", control);
            d.Mqtt.Deliver("", control);
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "no reply");
            Check.Equal(0, listener.Calls, "not applied");
            Check.Contains("ignored a message on clife/P-TEST/dev-9/down", d.LogLines.All, "logged");
        }

        public void Oversized_frame_is_dropped_without_harm()
        {
            DeviceHarness d = CommandTests.Online(null);
            int frames = d.Platform.Frames.Count;
            d.Platform.SendRaw("{\"cmd\":2009,\"msgId\":890,\"ver\":\"1.0\",\"dir\":\"30\",\"timestamp\":1,\"data\":{\"pad\":\""
                               + TestData.Repeat("x", Profile.MaxFrameBytes) + "\"}}");
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "no reply");
            Check.Contains("exceeds the limit", d.LogLines.All, "logged");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void Deeply_nested_data_is_refused_without_harm()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.SendWithMsgId(Cmd.Control, 891, TestData.Repeat("{\"a\":", 40) + "1" + TestData.Repeat("}", 40));
            d.Run(100);
            Check.Equal(-1, CommandTests.Result(CommandTests.Reply(d, 891, Cmd.ControlReply)).RespCode, "error reply");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        private static string Control(long msgId) =>
            "{\"cmd\":2011,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":" + msgId.ToString() + ",\"timestamp\":1,\"data\":{\"power\":true,\"brightness\":90}}";
    }
}

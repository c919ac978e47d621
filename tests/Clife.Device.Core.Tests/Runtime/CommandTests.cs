using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>
    /// The platform's commands while online (protocol.md sections 3 and 6): query 2009, control 2011 with
    /// all-or-nothing validation, repeats answered from the reply cache, and file requests without file operations.
    /// </summary>
    public sealed class CommandTests
    {
        public void Query_with_an_empty_object_answers_every_point_with_the_requests_msgId()
        {
            DeviceHarness d = Online(null);
            long msgId = d.Platform.Send(Cmd.Query, "{}");
            d.Run(100);
            DeviceFrame reply = Reply(d, msgId, Cmd.QueryReply);
            Check.Contains("\"dir\":\"03\"", reply.Text, "dir");
            Check.Contains("\"data\":{\"respCode\":0,\"power\":false,\"brightness\":50,\"mode\":\"auto\",\"temperature\":21}}", reply.Text, "data");
        }

        public void Query_naming_points_answers_just_those_in_the_asked_order()
        {
            DeviceHarness d = Online(null);
            long msgId = d.Platform.Send(Cmd.Query, "{\"temperature\":null,\"power\":null}");
            d.Run(100);
            Check.Contains("\"data\":{\"respCode\":0,\"temperature\":21,\"power\":false}}", Reply(d, msgId, Cmd.QueryReply).Text, "data");
        }

        public void Query_naming_unknown_points_is_refused_and_the_reply_names_them()
        {
            DeviceHarness d = Online(null);
            long msgId = d.Platform.Send(Cmd.Query, "{\"power\":null,\"colour\":null,\"speed\":null}");
            d.Run(100);
            ResultReply r = Result(Reply(d, msgId, Cmd.QueryReply));
            Check.Equal(-1, r.RespCode, "respCode");
            Check.Equal("unknown data point: colour, speed", r.RespCont, "respCont");
        }

        public void Messages_beyond_the_inbox_between_two_polls_are_dropped_and_the_log_says_how_many()
        {
            DeviceHarness d = Online(null);
            int replies = d.Platform.Count(Cmd.QueryReply);
            for (int i = 0; i < DeviceRuntime.InboxCapacity + 3; i++) d.Platform.SendWithMsgId(Cmd.Query, 8000 + i, "{}");
            d.Run(100);
            Check.Equal(replies + DeviceRuntime.InboxCapacity, d.Platform.Count(Cmd.QueryReply), "the first 16 are answered");
            Check.NotNull(d.Platform.ReplyTo(8000 + DeviceRuntime.InboxCapacity - 1, Cmd.QueryReply), "the 16th is answered");
            Check.Null(d.Platform.ReplyTo(8000 + DeviceRuntime.InboxCapacity, Cmd.QueryReply), "the 17th was dropped");
            Check.Contains("inbox full: 3 received message(s) dropped (at most 16 wait between polls)", d.LogLines.All, "logged once with the count");
            d.Platform.SendWithMsgId(Cmd.Query, 8100, "{}");
            d.Run(100);
            Check.NotNull(d.Platform.ReplyTo(8100, Cmd.QueryReply), "the device goes on answering");
            string log = d.LogLines.All;
            Check.Equal(-1, log.IndexOf("inbox full", log.IndexOf("inbox full") + 1), "the drops are logged once");
        }

        public void Reply_keeps_the_priority_of_the_request()
        {
            DeviceHarness d = Online(null);
            d.Platform.SendRaw("{\"cmd\":2009,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":901,\"prio\":2,\"timestamp\":1,\"data\":{}}");
            d.Run(100);
            Check.Equal(Profile.PrioHigh, Reply(d, 901, Cmd.QueryReply).Prio, "prio");
        }

        public void Control_is_applied_answered_with_the_resulting_values_and_then_reported()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = Online(listener);
            int framesBefore = d.Platform.Frames.Count;
            long msgId = d.Platform.Send(Cmd.Control, "{\"power\":true,\"brightness\":80,\"mode\":\"night\"}");
            d.Run(100);
            Check.Equal(framesBefore + 2, d.Platform.Frames.Count, "a reply and a report");
            DeviceFrame reply = (DeviceFrame)d.Platform.Frames[framesBefore]!;
            DeviceFrame report = (DeviceFrame)d.Platform.Frames[framesBefore + 1]!;
            Check.Equal(Cmd.ControlReply, reply.Cmd, "2010 first");
            Check.Equal(msgId, reply.MsgId, "reply msgId");
            Check.Contains("\"data\":{\"respCode\":0,\"power\":true,\"brightness\":80,\"mode\":\"night\"}}", reply.Text, "2010 data");
            Check.Equal(Cmd.Report, report.Cmd, "then 2006");
            Check.Contains("\"data\":{\"power\":true,\"brightness\":80,\"mode\":\"night\",\"temperature\":21}}", report.Text, "2006 data");
            Check.Equal(1, listener.Calls, "application told once");
            Check.Equal("power,brightness,mode", listener.LastPoints, "points applied");
            Check.Equal(80, d.Model.At(d.Model.IndexOf("brightness")).Integer, "model");
        }

        public void Control_of_an_unknown_point_is_refused_and_nothing_is_applied()
        {
            AssertRefused("{\"power\":true,\"colour\":\"red\"}", "colour: unknown data point");
        }

        public void Control_of_a_read_only_point_is_refused_and_nothing_is_applied()
        {
            AssertRefused("{\"brightness\":10,\"temperature\":30}", "temperature: read-only");
        }

        public void Control_with_a_value_of_the_wrong_type_is_refused()
        {
            AssertRefused("{\"brightness\":\"80\"}", "brightness: expected an integer in 0..100");
            AssertRefused("{\"power\":1}", "power: expected true or false");
            AssertRefused("{\"mode\":5}", "mode: expected text of at most 8 characters");
            AssertRefused("{\"brightness\":50.5}", "brightness: expected an integer in 0..100");
            AssertRefused("{\"brightness\":null}", "brightness: expected an integer in 0..100");
            AssertRefused("{\"power\":{\"on\":true}}", "power: expected true or false");
        }

        public void Control_with_a_value_out_of_range_is_refused()
        {
            AssertRefused("{\"brightness\":101}", "brightness: 101 is outside 0..100");
            AssertRefused("{\"brightness\":-1}", "brightness: -1 is outside 0..100");
        }

        public void Control_with_a_text_too_long_is_refused()
        {
            AssertRefused("{\"mode\":\"turbo-boost\"}", "mode: longer than 8 characters");
        }

        public void Control_with_several_problems_names_every_one_and_applies_none()
        {
            AssertRefused("{\"power\":\"on\",\"brightness\":200,\"temperature\":5,\"colour\":1,\"mode\":\"eco\"}",
                          "power: expected true or false; brightness: 200 is outside 0..100; temperature: read-only; colour: unknown data point");
        }

        public void Control_without_points_or_naming_a_point_twice_is_refused()
        {
            AssertRefused("{}", "no data points given");
            AssertRefused("{\"brightness\":10,\"brightness\":20}", "brightness: given twice");
        }

        public void Repeated_control_is_answered_with_the_cached_bytes_and_applied_once()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = Online(listener);
            long msgId = d.Platform.Send(Cmd.Control, "{\"brightness\":70}");
            d.Run(100);
            byte[] first = Reply(d, msgId, Cmd.ControlReply).Bytes;
            Check.True(d.Model.SetInteger("brightness", 10), "local change");
            d.Run(100);
            int reports = d.Platform.Count(Cmd.Report);
            d.Platform.SendWithMsgId(Cmd.Control, msgId, "{\"brightness\":70}");
            d.Run(100);
            Check.Equal(2, d.Platform.Count(Cmd.ControlReply), "answered twice");
            Check.Bytes(first, Reply(d, msgId, Cmd.ControlReply).Bytes, "same reply bytes");
            Check.Equal(1, listener.Calls, "applied once");
            Check.Equal(10, d.Model.At(d.Model.IndexOf("brightness")).Integer, "the repeat did not set it again");
            Check.Equal(reports, d.Platform.Count(Cmd.Report), "no report for the repeat");
            Check.Contains("answered from the cache", d.LogLines.All, "logged");
        }

        public void Repeated_query_is_answered_with_the_cached_bytes()
        {
            DeviceHarness d = Online(null);
            long msgId = d.Platform.Send(Cmd.Query, "{}");
            d.Run(100);
            byte[] first = Reply(d, msgId, Cmd.QueryReply).Bytes;
            d.Model.SetInteger("brightness", 99);
            d.Run(10000);
            d.Platform.SendWithMsgId(Cmd.Query, msgId, "{}");
            d.Run(100);
            Check.Equal(2, d.Platform.Count(Cmd.QueryReply), "answered twice");
            Check.Bytes(first, Reply(d, msgId, Cmd.QueryReply).Bytes, "same reply bytes, timestamp included");
        }

        public void Repeated_refused_control_gets_the_same_refusal()
        {
            DeviceHarness d = Online(null);
            long msgId = d.Platform.Send(Cmd.Control, "{\"colour\":1}");
            d.Run(100);
            byte[] first = Reply(d, msgId, Cmd.ControlReply).Bytes;
            d.Platform.SendWithMsgId(Cmd.Control, msgId, "{\"colour\":1}");
            d.Run(100);
            Check.Equal(2, d.Platform.Count(Cmd.ControlReply), "answered twice");
            Check.Bytes(first, Reply(d, msgId, Cmd.ControlReply).Bytes, "same refusal");
        }

        public void Repeat_delivered_after_a_reconnect_is_still_recognised()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = Online(listener);
            long msgId = d.Platform.Send(Cmd.Control, "{\"power\":true}");
            d.Run(100);
            d.Mqtt.Drop("broker restarted");
            d.RunUntil(DeviceState.Registered, 1000);
            d.RunUntilConnected();
            d.Platform.SendWithMsgId(Cmd.Control, msgId, "{\"power\":true}");
            d.Run(100);
            Check.Equal(1, listener.Calls, "applied once");
            Check.Equal(2, d.Platform.Count(Cmd.ControlReply), "answered again");
        }

        public void Reply_cache_holds_the_last_32_requests_and_the_33rd_oldest_is_acted_on_again()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = Online(listener);
            long first = 7000;
            for (int i = 0; i <= Profile.DuplicateCacheSize; i++)
            {
                d.Platform.SendWithMsgId(Cmd.Control, first + i, "{\"brightness\":" + i.ToString() + "}");
                d.Run(100);
            }
            Check.Equal(33, listener.Calls, "33 controls applied");
            d.Platform.SendWithMsgId(Cmd.Control, first + 1, "{\"brightness\":1}");
            d.Run(100);
            Check.Equal(33, listener.Calls, "the 32nd-oldest is still remembered");
            d.Platform.SendWithMsgId(Cmd.Control, first, "{\"brightness\":0}");
            d.Run(100);
            Check.Equal(34, listener.Calls, "the 33rd-oldest was forgotten and is acted on again");
        }

        public void File_request_without_file_operations_is_refused()
        {
            DeviceHarness d = Online(null);
            long msgId = d.Platform.Send(Cmd.File, "{\"fileMode\":\"QUERY\",\"fileInfo\":[]}");
            d.Run(100);
            DeviceFrame reply = Reply(d, msgId, Cmd.FileReply);
            Check.Contains("\"data\":{\"respCode\":-1,\"respCont\":\"file operations are not supported\"}", reply.Text, "2018");
        }

        public void File_request_is_handed_to_the_file_operations_once_and_a_repeat_gets_the_cached_answer()
        {
            DeviceHarness d = Online(null);
            RecordingFileOperations files = new RecordingFileOperations(d.Device);
            d.Device.FileOperations = files;
            long msgId = d.Platform.Send(Cmd.File, "{\"fileMode\":\"QUERY\",\"fileInfo\":[]}");
            d.Run(100);
            d.Platform.SendWithMsgId(Cmd.File, msgId, "{\"fileMode\":\"QUERY\",\"fileInfo\":[]}");
            d.Run(100);
            Check.Equal(1, files.Requests, "handed over once");
            Check.Equal("QUERY", files.LastMode, "request decoded");
            Check.Equal(2, d.Platform.Count(Cmd.FileReply), "answered twice");
            Check.True(files.Polls > 0, "polled with the runtime");
        }

        public void Report_ack_2007_is_accepted_silently()
        {
            DeviceHarness d = Online(null);
            int frames = d.Platform.Frames.Count;
            d.Platform.Send(Cmd.ReportAck, "{\"respCode\":0}");
            d.Run(100);
            Check.Equal(frames, d.Platform.Frames.Count, "nothing sent");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        /// <summary>A provisioned device, online, with the listener on its data model and the initial report sent.</summary>
        internal static DeviceHarness Online(CountingListener? listener)
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntilConnected();
            d.Run(100);
            d.Model.Listener = listener;
            return d;
        }

        internal static DeviceFrame Reply(DeviceHarness d, long msgId, int cmd)
        {
            DeviceFrame? reply = d.Platform.ReplyTo(msgId, cmd);
            if (reply == null) Check.Fail("no " + cmd.ToString() + " with msgId " + msgId.ToString() + " was sent");
            return reply!;
        }

        internal static ResultReply Result(DeviceFrame frame) => ResultReply.Read(frame.Data());

        private static void AssertRefused(string data, string respCont)
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = Online(listener);
            int reports = d.Platform.Count(Cmd.Report);
            long msgId = d.Platform.Send(Cmd.Control, data);
            d.Run(100);
            ResultReply r = Result(Reply(d, msgId, Cmd.ControlReply));
            Check.Equal(-1, r.RespCode, "respCode of " + data);
            Check.Equal(respCont, r.RespCont, "respCont of " + data);
            Check.Equal(0, listener.Calls, "nothing applied for " + data);
            Check.Equal(false, d.Model.At(0).Boolean, "power unchanged");
            Check.Equal(50, d.Model.At(1).Integer, "brightness unchanged");
            Check.Equal("auto", d.Model.At(2).Text, "mode unchanged");
            Check.Equal(21, d.Model.At(3).Integer, "temperature unchanged");
            Check.Equal(reports, d.Platform.Count(Cmd.Report), "no report for " + data);
        }
    }
}

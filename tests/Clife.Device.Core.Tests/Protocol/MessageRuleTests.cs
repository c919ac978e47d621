using System;
using Clife.Device.Json;
using Clife.Device.Protocol;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>
    /// Rules of the typed data that go beyond JSON types: values the writers use to mean "absent" are not accepted as
    /// values, and lists are bounded so that one frame cannot take the device's heap.
    /// </summary>
    public sealed class MessageRuleTests
    {
        private static JsonReader Data(string data) => FrameKit.Decode(FrameKit.With(Names.Data, data)).OpenData();

        private static void Fails(string data, TestAction read, string fragment)
        {
            Exception e = Check.Throws(typeof(FrameException), read);
            Check.Contains(fragment, e.Message, "error of " + data);
        }

        public void A_negative_devNum_in_fileInfo_is_rejected()
        {
            string data = "{\"fileMode\":\"DOWN\",\"fileInfo\":[{\"fileType\":\"SUBFIRM\",\"devNum\":-1,\"url\":\"u\"}]}";
            Fails(data, delegate { FileRequest.Read(Data(data)); }, "field \"devNum\"");
            string zero = "{\"fileMode\":\"DOWN\",\"fileInfo\":[{\"fileType\":\"FIRM\",\"devNum\":0,\"url\":\"u\"}]}";
            Check.Equal(0, FileRequest.Read(Data(zero)).Files[0].DevNum, "devNum 0");
        }

        public void A_negative_productVer_is_rejected()
        {
            string request = "{\"fileMode\":\"DOWN\",\"productVer\":-2,\"fileInfo\":[]}";
            Fails(request, delegate { FileRequest.Read(Data(request)); }, "field \"productVer\"");
            string reply = "{\"respCode\":3,\"respCont\":\"ver\",\"productVer\":-2}";
            Fails(reply, delegate { FileReply.Read(Data(reply)); }, "field \"productVer\"");
        }

        public void A_negative_timestamp_in_a_reply_is_rejected()
        {
            string result = "{\"respCode\":0,\"timestamp\":-5}";
            Fails(result, delegate { ResultReply.Read(Data(result)); }, "field \"timestamp\"");
            string register = "{\"respCode\":-1,\"timestamp\":-5}";
            Fails(register, delegate { RegisterReply.Read(Data(register)); }, "field \"timestamp\"");
            Check.Equal(0L, ResultReply.Read(Data("{\"timestamp\":0}")).Timestamp, "0 means absent");
        }

        public void A_fileInfo_list_longer_than_the_profile_allows_is_rejected()
        {
            string ok = "{\"fileMode\":\"UP\",\"fileInfo\":[" + Entries("{}", Profile.MaxListEntries) + "]}";
            Check.Equal(Profile.MaxListEntries, FileRequest.Read(Data(ok)).Files.Length, "entries");
            string over = "{\"fileMode\":\"UP\",\"fileInfo\":[" + Entries("{}", Profile.MaxListEntries + 1) + "]}";
            Fails(over, delegate { FileRequest.Read(Data(over)); }, "has more than " + Profile.MaxListEntries.ToString() + " entries");
            string scalars = "{\"fileMode\":\"UP\",\"fileInfo\":[" + Entries("1", 1000) + "]}";
            Fails(scalars, delegate { FileRequest.Read(Data(scalars)); }, "field \"fileInfo\"");
        }

        public void A_devVer_list_longer_than_the_profile_allows_is_rejected()
        {
            string ok = "{\"respCode\":3,\"respCont\":\"v\",\"devVer\":[" + Entries("{}", Profile.MaxListEntries) + "]}";
            Check.Equal(Profile.MaxListEntries, FileReply.Read(Data(ok)).DevVer!.Length, "entries");
            string over = "{\"respCode\":3,\"respCont\":\"v\",\"devVer\":[" + Entries("{}", Profile.MaxListEntries + 1) + "]}";
            Fails(over, delegate { FileReply.Read(Data(over)); }, "has more than " + Profile.MaxListEntries.ToString() + " entries");
            Fails(over, delegate { ConnectRequest.Read(Data(over)); }, "field \"devVer\"");
        }

        public void A_control_or_query_of_more_points_than_the_profile_allows_is_rejected()
        {
            string ok = "{" + Members(Profile.MaxDataPoints) + "}";
            Check.Equal(Profile.MaxDataPoints, ControlRequest.Read(Data(ok)).Count, "control points");
            Check.Equal(Profile.MaxDataPoints, QueryRequest.Read(Data(ok)).Points.Length, "query points");
            string over = "{" + Members(Profile.MaxDataPoints + 1) + "}";
            Fails(over, delegate { ControlRequest.Read(Data(over)); }, "more than " + Profile.MaxDataPoints.ToString() + " data points");
            Fails(over, delegate { QueryRequest.Read(Data(over)); }, "more than " + Profile.MaxDataPoints.ToString() + " data points");
        }

        private static string Entries(string entry, int count)
        {
            string s = "";
            for (int i = 0; i < count; i++) s += (i > 0 ? "," : "") + entry;
            return s;
        }

        private static string Members(int count)
        {
            string s = "";
            for (int i = 0; i < count; i++) s += (i > 0 ? "," : "") + "\"p" + i.ToString() + "\":" + i.ToString();
            return s;
        }
    }
}

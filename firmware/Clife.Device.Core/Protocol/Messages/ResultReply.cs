using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>
    /// A reply whose data is a result: 2005 (with the platform timestamp), 2007, 2012, 2016, and the error reply
    /// {"respCode":-1,"respCont":"..."} to a request that could not be carried out.
    /// </summary>
    public sealed class ResultReply
    {
        /// <summary>Result code; 0 when absent (a bare acknowledgement).</summary>
        public int RespCode;
        /// <summary>Result text.</summary>
        public string RespCont = "";
        /// <summary>Platform time in ms since the epoch, or 0 when absent.</summary>
        public long Timestamp;

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteNumber(Names.RespCode, RespCode);
            if (RespCont.Length > 0) w.WriteString(Names.RespCont, RespCont);
            if (Timestamp > 0) w.WriteNumber(Names.Timestamp, Timestamp);
            w.WriteEndObject();
        }

        /// <summary>Reads the data object; the reader is on its StartObject. A negative timestamp is an error (0 means absent).</summary>
        public static ResultReply Read(JsonReader r)
        {
            ResultReply m = new ResultReply();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.RespCode)) m.RespCode = Field.Int(r, Names.RespCode);
                else if (Field.Is(r, Names.RespCont)) m.RespCont = Field.Text(r, Names.RespCont) ?? "";
                else if (Field.Is(r, Names.Timestamp)) m.Timestamp = Field.Time(r, Names.Timestamp);
                else r.Skip();
            }
            return m;
        }
    }
}

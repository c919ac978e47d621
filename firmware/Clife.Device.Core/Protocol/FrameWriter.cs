using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>Writes a frame's envelope around the data object that the caller writes in between.</summary>
    public static class FrameWriter
    {
        /// <summary>
        /// Starts a frame in a reset writer: cmd, ver, dir, msgId, prio (only when not medium), timestamp, and the
        /// "data" property name. Write the data value next, then call <see cref="End"/>.
        /// </summary>
        public static void Begin(JsonWriter w, int cmd, string dir, long msgId, int prio, long timestamp)
        {
            w.Reset();
            w.WriteStartObject();
            w.WriteNumber(Names.Cmd, cmd);
            w.WriteString(Names.Ver, Profile.ProtocolVersion);
            w.WriteString(Names.Dir, dir);
            w.WriteNumber(Names.MsgId, msgId);
            if (prio != Profile.PrioMedium) w.WriteNumber(Names.Prio, prio);
            w.WriteNumber(Names.Timestamp, timestamp);
            w.WritePropertyName(Names.Data);
        }

        /// <summary>Closes the frame.</summary>
        public static void End(JsonWriter w) => w.WriteEndObject();

        /// <summary>Writes a whole reply whose data is only a result: {"respCode":code,"respCont":text}.</summary>
        public static void Result(JsonWriter w, int cmd, string dir, long msgId, long timestamp, int respCode, string respCont) =>
            Result(w, cmd, dir, msgId, Profile.PrioMedium, timestamp, respCode, respCont);

        /// <summary>Writes a whole reply whose data is only a result, with the given prio (a reply keeps its request's).</summary>
        public static void Result(JsonWriter w, int cmd, string dir, long msgId, int prio, long timestamp, int respCode, string respCont)
        {
            Begin(w, cmd, dir, msgId, prio, timestamp);
            w.WriteStartObject();
            w.WriteNumber(Names.RespCode, respCode);
            w.WriteString(Names.RespCont, respCont);
            w.WriteEndObject();
            End(w);
        }
    }
}

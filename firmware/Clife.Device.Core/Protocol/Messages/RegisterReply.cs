using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>The data of a register reply (2001), after decryption: the device's login information.</summary>
    public sealed class RegisterReply
    {
        private const string Where = "register reply";

        /// <summary>0 on success.</summary>
        public int RespCode = Profile.RespError;
        /// <summary>Text of the result.</summary>
        public string RespCont = "";
        /// <summary>Device id issued by the platform.</summary>
        public string DevId = "";
        /// <summary>MQTT password (secret).</summary>
        public string DevSecret = "";
        /// <summary>Broker host.</summary>
        public string MqttHost = "";
        /// <summary>Broker port.</summary>
        public int MqttPort;
        /// <summary>Whether the broker requires TLS.</summary>
        public bool MqttTls;
        /// <summary>Platform time in ms since the epoch, or 0 when absent.</summary>
        public long Timestamp;

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteNumber(Names.RespCode, RespCode);
            w.WriteString(Names.RespCont, RespCont);
            if (RespCode == Profile.RespOk)
            {
                w.WriteString(Names.DevId, DevId);
                w.WriteString(Names.DevSecret, DevSecret);
                w.WriteString(Names.MqttHost, MqttHost);
                w.WriteNumber(Names.MqttPort, MqttPort);
                w.WriteBoolean(Names.MqttTls, MqttTls);
            }
            if (Timestamp > 0) w.WriteNumber(Names.Timestamp, Timestamp);
            w.WriteEndObject();
        }

        /// <summary>
        /// Reads the data object (reader on its StartObject). A successful reply must carry the whole login
        /// (devId, devSecret, mqttHost, mqttPort in 1..65535), else it is a FrameException; so is a negative timestamp.
        /// </summary>
        public static RegisterReply Read(JsonReader r)
        {
            RegisterReply m = new RegisterReply();
            bool hasCode = false, hasPort = false;
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.RespCode)) { m.RespCode = Field.Int(r, Names.RespCode); hasCode = true; }
                else if (Field.Is(r, Names.RespCont)) m.RespCont = Field.Text(r, Names.RespCont) ?? "";
                else if (Field.Is(r, Names.DevId)) m.DevId = Field.String(r, Names.DevId) ?? "";
                else if (Field.Is(r, Names.DevSecret)) m.DevSecret = Field.String(r, Names.DevSecret) ?? "";
                else if (Field.Is(r, Names.MqttHost)) m.MqttHost = Field.String(r, Names.MqttHost) ?? "";
                else if (Field.Is(r, Names.MqttPort)) { m.MqttPort = Field.Int(r, Names.MqttPort); hasPort = true; }
                else if (Field.Is(r, Names.MqttTls)) m.MqttTls = Field.Bool(r, Names.MqttTls);
                else if (Field.Is(r, Names.Timestamp)) m.Timestamp = Field.Time(r, Names.Timestamp);
                else r.Skip();
            }
            if (!hasCode) throw Field.Missing(Names.RespCode, Where);
            if (m.RespCode != Profile.RespOk) return m;
            if (m.DevId.Length == 0) throw Field.Missing(Names.DevId, Where);
            if (m.DevSecret.Length == 0) throw Field.Missing(Names.DevSecret, Where);
            if (m.MqttHost.Length == 0) throw Field.Missing(Names.MqttHost, Where);
            if (!hasPort) throw Field.Missing(Names.MqttPort, Where);
            if (m.MqttPort < 1 || m.MqttPort > 65535)
                throw new FrameException(Where + " has mqttPort " + m.MqttPort.ToString() + " outside 1..65535");
            return m;
        }
    }
}

using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>The data of a connect request (2004), sent after CONNACK.</summary>
    public sealed class ConnectRequest
    {
        /// <summary>Software version of the module.</summary>
        public string Software = "";
        /// <summary>Hardware version of the module.</summary>
        public string Hardware = "";
        /// <summary>Overall product version.</summary>
        public int ProductVer;
        /// <summary>Versions of the module and its sub-devices.</summary>
        public DevVersion[] DevVer = new DevVersion[0];
        /// <summary>IP address.</summary>
        public string Ip = "";
        /// <summary>Signal strength in dBm.</summary>
        public int Rssi;

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString(Names.Software, Software);
            w.WriteString(Names.Hardware, Hardware);
            w.WriteNumber(Names.ProductVer, ProductVer);
            DevVersion.WriteList(w, Names.DevVer, DevVer);
            w.WriteString(Names.Ip, Ip);
            w.WriteNumber(Names.Rssi, Rssi);
            w.WriteEndObject();
        }

        /// <summary>Reads the data object; the reader is on its StartObject.</summary>
        public static ConnectRequest Read(JsonReader r)
        {
            ConnectRequest m = new ConnectRequest();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.Software)) m.Software = Field.String(r, Names.Software) ?? "";
                else if (Field.Is(r, Names.Hardware)) m.Hardware = Field.String(r, Names.Hardware) ?? "";
                else if (Field.Is(r, Names.ProductVer)) m.ProductVer = Field.Int(r, Names.ProductVer);
                else if (Field.Is(r, Names.DevVer)) m.DevVer = DevVersion.ReadList(r, Names.DevVer);
                else if (Field.Is(r, Names.Ip)) m.Ip = Field.String(r, Names.Ip) ?? "";
                else if (Field.Is(r, Names.Rssi)) m.Rssi = Field.Int(r, Names.Rssi);
                else r.Skip();
            }
            return m;
        }
    }
}

using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>The data of the last will (2014) that the broker publishes when the device drops.</summary>
    public sealed class WillMessage
    {
        /// <summary>The device's id.</summary>
        public string DevId = "";
        /// <summary>Why (profile: "offline").</summary>
        public string Reason = Profile.WillReason;

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString(Names.DevId, DevId);
            w.WriteString(Names.Reason, Reason);
            w.WriteEndObject();
        }

        /// <summary>Reads the data object; the reader is on its StartObject.</summary>
        public static WillMessage Read(JsonReader r)
        {
            WillMessage m = new WillMessage();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.DevId)) m.DevId = Field.String(r, Names.DevId) ?? "";
                else if (Field.Is(r, Names.Reason)) m.Reason = Field.Text(r, Names.Reason) ?? "";
                else r.Skip();
            }
            return m;
        }
    }
}

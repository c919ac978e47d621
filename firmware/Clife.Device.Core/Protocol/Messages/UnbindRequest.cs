using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>The data of an unbind (2013). It carries nothing the device needs; an optional reason is kept for the log.</summary>
    public sealed class UnbindRequest
    {
        /// <summary>Reason given by the platform, or an empty string.</summary>
        public string Reason = "";

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            if (Reason.Length > 0) w.WriteString(Names.Reason, Reason);
            w.WriteEndObject();
        }

        /// <summary>Reads the data object; the reader is on its StartObject.</summary>
        public static UnbindRequest Read(JsonReader r)
        {
            UnbindRequest m = new UnbindRequest();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.Reason)) m.Reason = Field.Text(r, Names.Reason) ?? "";
                else r.Skip();
            }
            return m;
        }
    }
}

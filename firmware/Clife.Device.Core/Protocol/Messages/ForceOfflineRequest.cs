using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>The data of a forced offline (2017): how long to stay away.</summary>
    public sealed class ForceOfflineRequest
    {
        /// <summary>Seconds to stay offline, or -1 when absent (then until reboot or the console's connect).</summary>
        public long Seconds = -1;

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            if (Seconds >= 0) w.WriteNumber(Names.Seconds, Seconds);
            w.WriteEndObject();
        }

        /// <summary>Reads the data object; the reader is on its StartObject. Negative seconds are an error.</summary>
        public static ForceOfflineRequest Read(JsonReader r)
        {
            ForceOfflineRequest m = new ForceOfflineRequest();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.Seconds))
                {
                    m.Seconds = Field.Long(r, Names.Seconds);
                    if (m.Seconds < 0) throw new FrameException("field \"seconds\" must not be negative");
                }
                else r.Skip();
            }
            return m;
        }
    }
}

using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>
    /// The data of a data query (2009). Profile: the member names of the data object name the requested data
    /// points (their values are ignored, null by convention); an empty object asks for all of them.
    /// </summary>
    public sealed class QueryRequest
    {
        /// <summary>Requested data point names; empty for all.</summary>
        public string[] Points = new string[0];

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            for (int i = 0; i < Points.Length; i++) w.WriteNull(Points[i]);
            w.WriteEndObject();
        }

        /// <summary>Reads the data object; the reader is on its StartObject.</summary>
        public static QueryRequest Read(JsonReader r)
        {
            QueryRequest m = new QueryRequest();
            JsonReaderPosition start = r.SavePosition();
            int count = 0;
            while (Field.NextMember(r))
            {
                count++;
                r.Skip();
            }
            r.RestorePosition(start);
            m.Points = new string[count];
            for (int i = 0; i < count; i++)
            {
                Field.NextMember(r);
                m.Points[i] = Field.Name(r);
                r.Skip();
            }
            r.Read(); // EndObject
            return m;
        }
    }
}

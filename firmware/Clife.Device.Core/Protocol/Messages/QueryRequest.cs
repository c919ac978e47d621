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

        /// <summary>Reads the data object; the reader is on its StartObject. More than <see cref="Profile.MaxDataPoints"/> points are an error.</summary>
        public static QueryRequest Read(JsonReader r)
        {
            QueryRequest m = new QueryRequest();
            int count = Field.CountMembers(r, Profile.MaxDataPoints);
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

using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>
    /// The data of a data control (2011): data point names with the values to set, decoded by JSON kind so the
    /// data model can validate every point before applying any.
    /// </summary>
    public sealed class ControlRequest
    {
        /// <summary>Value kind: true or false.</summary>
        public const int KindBool = 0;
        /// <summary>Value kind: an integer that fits a long.</summary>
        public const int KindInteger = 1;
        /// <summary>Value kind: a number that is not such an integer (fraction, exponent, out of range).</summary>
        public const int KindNumber = 2;
        /// <summary>Value kind: a string.</summary>
        public const int KindString = 3;
        /// <summary>Value kind: null.</summary>
        public const int KindNull = 4;
        /// <summary>Value kind: an object or an array.</summary>
        public const int KindComposite = 5;

        /// <summary>Data point names, in the order given.</summary>
        public string[] Points = new string[0];
        /// <summary>Kind of each value.</summary>
        public int[] Kinds = new int[0];
        /// <summary>Integer values (KindInteger), 1/0 for KindBool.</summary>
        public long[] Integers = new long[0];
        /// <summary>String values (KindString), or the literal of a KindNumber.</summary>
        public string[] Strings = new string[0];

        /// <summary>Number of points.</summary>
        public int Count => Points.Length;

        /// <summary>Creates an empty request with room for the given number of points.</summary>
        public static ControlRequest WithCapacity(int count)
        {
            ControlRequest m = new ControlRequest();
            m.Points = new string[count];
            m.Kinds = new int[count];
            m.Integers = new long[count];
            m.Strings = new string[count];
            for (int i = 0; i < count; i++) m.Strings[i] = "";
            return m;
        }

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            for (int i = 0; i < Points.Length; i++)
            {
                switch (Kinds[i])
                {
                    case KindBool: w.WriteBoolean(Points[i], Integers[i] != 0); break;
                    case KindInteger: w.WriteNumber(Points[i], Integers[i]); break;
                    case KindString: w.WriteString(Points[i], Strings[i]); break;
                    default: w.WriteNull(Points[i]); break;
                }
            }
            w.WriteEndObject();
        }

        /// <summary>Reads the data object; the reader is on its StartObject.</summary>
        public static ControlRequest Read(JsonReader r)
        {
            JsonReaderPosition start = r.SavePosition();
            int count = 0;
            while (Field.NextMember(r))
            {
                count++;
                r.Skip();
            }
            r.RestorePosition(start);
            ControlRequest m = WithCapacity(count);
            for (int i = 0; i < count; i++)
            {
                Field.NextMember(r);
                m.Points[i] = r.GetString().Trim();
                r.Read();
                switch (r.TokenType)
                {
                    case JsonTokenType.True: m.Kinds[i] = KindBool; m.Integers[i] = 1; break;
                    case JsonTokenType.False: m.Kinds[i] = KindBool; m.Integers[i] = 0; break;
                    case JsonTokenType.Null: m.Kinds[i] = KindNull; break;
                    case JsonTokenType.String: m.Kinds[i] = KindString; m.Strings[i] = r.GetString(); break;
                    case JsonTokenType.Number:
                        if (r.TryGetInt64(out long value))
                        {
                            m.Kinds[i] = KindInteger;
                            m.Integers[i] = value;
                        }
                        else
                        {
                            m.Kinds[i] = KindNumber;
                            m.Strings[i] = Clife.Device.Text.Utf8.GetString(r.Buffer, r.ValueOffset, r.ValueLength);
                        }
                        break;
                    default:
                        m.Kinds[i] = KindComposite;
                        r.Skip();
                        break;
                }
            }
            r.Read(); // EndObject
            return m;
        }
    }
}

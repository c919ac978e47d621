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
        /// <summary>Value kind: an object or an array (kept as its raw JSON text).</summary>
        public const int KindComposite = 5;

        /// <summary>Data point names, in the order given.</summary>
        public string[] Points = new string[0];
        /// <summary>Kind of each value.</summary>
        public int[] Kinds = new int[0];
        /// <summary>Integer values (KindInteger), 1/0 for KindBool.</summary>
        public long[] Integers = new long[0];
        /// <summary>String values (KindString), the literal of a KindNumber, or the raw JSON of a KindComposite.</summary>
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

        /// <summary>
        /// Writes the data object. A KindNumber is written as its literal and a KindComposite as its raw JSON, so every
        /// kind reads back as it was (the platform simulator sends such values to test the device's validation).
        /// </summary>
        /// <exception cref="System.ArgumentException">The text of a KindNumber or KindComposite is not one such JSON value.</exception>
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
                    case KindNumber:
                    case KindComposite: WriteRaw(w, Points[i], Kinds[i], Strings[i]); break;
                    default: w.WriteNull(Points[i]); break;
                }
            }
            w.WriteEndObject();
        }

        /// <summary>Writes the text of a number or composite value as raw JSON after checking that it is exactly one such value.</summary>
        private static void WriteRaw(JsonWriter w, string name, int kind, string text)
        {
            byte[] json = Clife.Device.Text.Utf8.GetBytes(text);
            bool valid = false;
            if (json.Length > 0)
            {
                JsonReader check = new JsonReader(JsonReader.MaxSupportedDepth);
                check.Reset(json, 0, json.Length);
                try
                {
                    check.Read();
                    JsonTokenType t = check.TokenType;
                    valid = kind == KindNumber ? t == JsonTokenType.Number : t == JsonTokenType.StartObject || t == JsonTokenType.StartArray;
                    check.Skip();
                    if (check.Read()) valid = false;
                }
                catch (JsonException)
                {
                    valid = false;
                }
            }
            if (!valid)
            {
                throw new System.ArgumentException("control point \"" + name + "\" has kind " + kind.ToString() + " but its text is not "
                    + (kind == KindNumber ? "a JSON number" : "a JSON object or array"));
            }
            w.WriteRawValue(name, json, 0, json.Length);
        }

        /// <summary>Reads the data object; the reader is on its StartObject. More than <see cref="Profile.MaxDataPoints"/> points are an error.</summary>
        public static ControlRequest Read(JsonReader r)
        {
            int count = Field.CountMembers(r, Profile.MaxDataPoints);
            ControlRequest m = WithCapacity(count);
            for (int i = 0; i < count; i++)
            {
                Field.NextMember(r);
                m.Points[i] = Field.Name(r);
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
                        int valueStart = r.ValueOffset;
                        r.Skip();
                        m.Strings[i] = Clife.Device.Text.Utf8.GetString(r.Buffer, valueStart, r.ValueOffset + 1 - valueStart);
                        break;
                }
            }
            r.Read(); // EndObject
            return m;
        }
    }
}

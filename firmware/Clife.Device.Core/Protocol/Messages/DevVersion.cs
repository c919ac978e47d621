using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>One entry of a devVer list: the versions of the module (devNum 0) or of a sub-device.</summary>
    public sealed class DevVersion
    {
        /// <summary>Creates an entry.</summary>
        public DevVersion(int devNum, string software, string hardware)
        {
            DevNum = devNum;
            Software = software;
            Hardware = hardware;
        }

        /// <summary>Device number; 0 is the communication module.</summary>
        public int DevNum;
        /// <summary>Software version.</summary>
        public string Software;
        /// <summary>Hardware version.</summary>
        public string Hardware;

        /// <summary>Writes the entry as an object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString(Names.Software, Software);
            w.WriteString(Names.Hardware, Hardware);
            w.WriteNumber(Names.DevNum, DevNum);
            w.WriteEndObject();
        }

        /// <summary>Writes a named array of entries.</summary>
        public static void WriteList(JsonWriter w, string name, DevVersion[] list)
        {
            w.WriteStartArray(name);
            for (int i = 0; i < list.Length; i++) list[i].Write(w);
            w.WriteEndArray();
        }

        /// <summary>
        /// Reads an array of entries; the reader is on the property name and moves through the array. More than
        /// <see cref="Profile.MaxListEntries"/> entries are an error.
        /// </summary>
        public static DevVersion[] ReadList(JsonReader r, string field)
        {
            Field.StartArray(r, field);
            DevVersion[] list = new DevVersion[Field.CountElements(r, field, Profile.MaxListEntries)];
            for (int i = 0; i < list.Length; i++)
            {
                Field.StartObject(r, field);
                DevVersion v = new DevVersion(0, "", "");
                while (Field.NextMember(r))
                {
                    if (Field.Is(r, Names.Software)) v.Software = Field.String(r, Names.Software) ?? "";
                    else if (Field.Is(r, Names.Hardware)) v.Hardware = Field.String(r, Names.Hardware) ?? "";
                    else if (Field.Is(r, Names.DevNum)) v.DevNum = Field.Int(r, Names.DevNum);
                    else r.Skip();
                }
                list[i] = v;
            }
            r.Read(); // EndArray
            return list;
        }
    }
}

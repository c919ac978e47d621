using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>One entry of a file operation's fileInfo list (seed 4.3.2.8.1).</summary>
    public sealed class FileInfo
    {
        /// <summary>FIRM, SUBFIRM, PROFILE, LOG, PHOTO, VIDEO, VOICE or DATA.</summary>
        public string FileType = "";
        /// <summary>Device (plug-in) number, or -1 when absent; required for SUBFIRM.</summary>
        public int DevNum = -1;
        /// <summary>Software version of the file (required for FIRM and SUBFIRM).</summary>
        public string Software = "";
        /// <summary>Hardware version the file is for (required for FIRM and SUBFIRM).</summary>
        public string Hardware = "";
        /// <summary>Where to download from or upload to.</summary>
        public string Url = "";
        /// <summary>MD5 of the file as hex (required for upgrades).</summary>
        public string Md5 = "";
        /// <summary>Sum of the file's bytes modulo 2^32 (required for upgrades).</summary>
        public long CheckSum;
        /// <summary>True when checkSum was present.</summary>
        public bool HasCheckSum;

        /// <summary>Writes the entry as an object, leaving out absent fields.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString(Names.FileType, FileType);
            if (DevNum >= 0) w.WriteNumber(Names.DevNum, DevNum);
            if (Software.Length > 0) w.WriteString(Names.Software, Software);
            if (Hardware.Length > 0) w.WriteString(Names.Hardware, Hardware);
            if (HasCheckSum) w.WriteNumber(Names.CheckSum, CheckSum);
            if (Md5.Length > 0) w.WriteString(Names.Md5, Md5);
            w.WriteString(Names.Url, Url);
            w.WriteEndObject();
        }

        /// <summary>Reads one entry; the reader is on its StartObject. A negative devNum is an error (-1 means absent).</summary>
        public static FileInfo Read(JsonReader r)
        {
            FileInfo m = new FileInfo();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.FileType)) m.FileType = Field.String(r, Names.FileType) ?? "";
                else if (Field.Is(r, Names.DevNum)) m.DevNum = Field.NonNegativeInt(r, Names.DevNum);
                else if (Field.Is(r, Names.Software)) m.Software = Field.String(r, Names.Software) ?? "";
                else if (Field.Is(r, Names.Hardware)) m.Hardware = Field.String(r, Names.Hardware) ?? "";
                else if (Field.Is(r, Names.Url)) m.Url = Field.String(r, Names.Url) ?? "";
                else if (Field.Is(r, Names.Md5)) m.Md5 = Field.String(r, Names.Md5) ?? "";
                else if (Field.Is(r, Names.CheckSum))
                {
                    m.CheckSum = Field.Long(r, Names.CheckSum);
                    m.HasCheckSum = true;
                }
                else r.Skip();
            }
            return m;
        }
    }
}

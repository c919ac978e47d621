using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>The data of a file operation request (2019, seed 4.3.2.8.1).</summary>
    public sealed class FileRequest
    {
        private const string Where = "file request";

        /// <summary>DOWN, UP or QUERY.</summary>
        public string FileMode = "";
        /// <summary>Overall product version, or -1 when absent (required when upgrading).</summary>
        public int ProductVer = -1;
        /// <summary>The files.</summary>
        public FileInfo[] Files = new FileInfo[0];
        /// <summary>Start of the window in seconds relative to now (0 when absent).</summary>
        public long StartTime;
        /// <summary>End of the window in seconds relative to now.</summary>
        public long StopTime;
        /// <summary>True when stopTime was present.</summary>
        public bool HasStopTime;

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString(Names.FileMode, FileMode);
            if (ProductVer >= 0) w.WriteNumber(Names.ProductVer, ProductVer);
            w.WriteStartArray(Names.FileInfo);
            for (int i = 0; i < Files.Length; i++) Files[i].Write(w);
            w.WriteEndArray();
            w.WriteNumber(Names.StartTime, StartTime);
            if (HasStopTime) w.WriteNumber(Names.StopTime, StopTime);
            w.WriteEndObject();
        }

        /// <summary>
        /// Reads the data object; the reader is on its StartObject. fileMode and fileInfo are required
        /// (the checks that depend on the mode and file type belong to the file operations). A negative productVer and
        /// more than <see cref="Profile.MaxListEntries"/> files are errors.
        /// </summary>
        public static FileRequest Read(JsonReader r)
        {
            FileRequest m = new FileRequest();
            bool hasFiles = false;
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.FileMode)) m.FileMode = Field.String(r, Names.FileMode) ?? "";
                else if (Field.Is(r, Names.ProductVer)) m.ProductVer = Field.NonNegativeInt(r, Names.ProductVer);
                else if (Field.Is(r, Names.StartTime)) m.StartTime = Field.Long(r, Names.StartTime);
                else if (Field.Is(r, Names.StopTime))
                {
                    m.StopTime = Field.Long(r, Names.StopTime);
                    m.HasStopTime = true;
                }
                else if (Field.Is(r, Names.FileInfo))
                {
                    Field.StartArray(r, Names.FileInfo);
                    m.Files = new FileInfo[Field.CountElements(r, Names.FileInfo, Profile.MaxListEntries)];
                    for (int i = 0; i < m.Files.Length; i++)
                    {
                        Field.StartObject(r, Names.FileInfo);
                        m.Files[i] = FileInfo.Read(r);
                    }
                    r.Read(); // EndArray
                    hasFiles = true;
                }
                else r.Skip();
            }
            if (m.FileMode.Length == 0) throw Field.Missing(Names.FileMode, Where);
            if (!hasFiles) throw Field.Missing(Names.FileInfo, Where);
            return m;
        }
    }
}

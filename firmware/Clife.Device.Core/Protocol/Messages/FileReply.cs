using Clife.Device.Json;

namespace Clife.Device.Protocol
{
    /// <summary>
    /// The data of a file operation response (2018, seed 4.3.2.8.2 and table 5.4-1): progress, upgrade
    /// requests, version reports and errors. respCont is always written as a string (the seed's type).
    /// </summary>
    public sealed class FileReply
    {
        /// <summary>respCode: upgrade progress {0, 1..100}.</summary>
        public const int UpgradeProgress = 0;
        /// <summary>respCode: download progress {1, 1..100}.</summary>
        public const int DownloadProgress = 1;
        /// <summary>respCode: the device asks for an upgrade {2, ALL|FIRM|SUBFIRM}.</summary>
        public const int UpgradeRequest = 2;
        /// <summary>respCode: query reply / version report {3, text} with productVer and devVer.</summary>
        public const int VersionReport = 3;
        /// <summary>respCode: failure {-1, 0|1|2|text}.</summary>
        public const int Failure = -1;

        /// <summary>respCont of a failure: illegal URL or device busy.</summary>
        public const string FailedBusyOrUrl = "0";
        /// <summary>respCont of a failure: upgrade interrupted (also time window missed).</summary>
        public const string FailedInterrupted = "1";
        /// <summary>respCont of a failure: downloaded but verification failed, upgrade cancelled.</summary>
        public const string FailedVerification = "2";

        /// <summary>Result code (table 5.4-1).</summary>
        public int RespCode;
        /// <summary>Result text.</summary>
        public string RespCont = "";
        /// <summary>Overall product version, or -1 when absent (required for respCode 3).</summary>
        public int ProductVer = -1;
        /// <summary>Device versions (required for respCode 3), or null.</summary>
        public DevVersion[]? DevVer;

        /// <summary>
        /// Writes the data object of a progress event, download (respCode 1) or upgrade (respCode 0),
        /// {"respCode":respCode,"respCont":"percent"}, straight into the writer without allocating (progress is sent
        /// many times during a download). Same output as <see cref="Write"/> of a reply with that respCode and the
        /// percent as respCont.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">respCode is not 0 or 1, or percent is outside 0..100.</exception>
        public static void WriteProgress(JsonWriter w, int respCode, int percent)
        {
            if (respCode != UpgradeProgress && respCode != DownloadProgress)
                throw new System.ArgumentOutOfRangeException("respCode", "progress is respCode 0 (upgrade) or 1 (download)");
            if (percent < 0 || percent > 100)
                throw new System.ArgumentOutOfRangeException("percent", "progress is 0..100 percent");
            w.WriteStartObject();
            w.WriteNumber(Names.RespCode, respCode);
            w.WriteIntegerAsString(Names.RespCont, percent);
            w.WriteEndObject();
        }

        /// <summary>A failure with one of the table's codes or a free-text reason.</summary>
        public static FileReply Failed(string reason)
        {
            FileReply m = new FileReply();
            m.RespCode = Failure;
            m.RespCont = reason;
            return m;
        }

        /// <summary>A version report (query reply, or after an upgrade).</summary>
        public static FileReply Versions(string text, int productVer, DevVersion[] devVer)
        {
            FileReply m = new FileReply();
            m.RespCode = VersionReport;
            m.RespCont = text;
            m.ProductVer = productVer;
            m.DevVer = devVer;
            return m;
        }

        /// <summary>The device's own upgrade request (ALL, FIRM or SUBFIRM).</summary>
        public static FileReply Request(string scope)
        {
            FileReply m = new FileReply();
            m.RespCode = UpgradeRequest;
            m.RespCont = scope;
            return m;
        }

        /// <summary>Writes the data object.</summary>
        public void Write(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteNumber(Names.RespCode, RespCode);
            w.WriteString(Names.RespCont, RespCont);
            if (ProductVer >= 0) w.WriteNumber(Names.ProductVer, ProductVer);
            if (DevVer != null) DevVersion.WriteList(w, Names.DevVer, DevVer);
            w.WriteEndObject();
        }

        /// <summary>
        /// Reads the data object; the reader is on its StartObject. respCode and respCont are required; a negative
        /// productVer is an error (-1 means absent).
        /// </summary>
        public static FileReply Read(JsonReader r)
        {
            FileReply m = new FileReply();
            bool hasCode = false, hasCont = false;
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.RespCode)) { m.RespCode = Field.Int(r, Names.RespCode); hasCode = true; }
                else if (Field.Is(r, Names.RespCont)) { m.RespCont = Field.Text(r, Names.RespCont) ?? ""; hasCont = true; }
                else if (Field.Is(r, Names.ProductVer)) m.ProductVer = Field.NonNegativeInt(r, Names.ProductVer);
                else if (Field.Is(r, Names.DevVer)) m.DevVer = DevVersion.ReadList(r, Names.DevVer);
                else r.Skip();
            }
            if (!hasCode) throw Field.Missing(Names.RespCode, "file reply");
            if (!hasCont) throw Field.Missing(Names.RespCont, "file reply");
            return m;
        }
    }
}

using Clife.Device.Tests.Ota;

namespace Clife.Device.Tests
{
    /// <summary>One fileInfo entry of a 2019, written by hand as the platform would send it; absent fields are left out.</summary>
    public sealed class FileEntry
    {
        /// <summary>fileType.</summary>
        public string Type = "";
        /// <summary>devNum, or -1 to leave it out.</summary>
        public int DevNum = -1;
        /// <summary>software, or null to leave it out.</summary>
        public string? Software;
        /// <summary>hardware, or null to leave it out.</summary>
        public string? Hardware;
        /// <summary>url, or null to leave it out.</summary>
        public string? Url;
        /// <summary>md5, or null to leave it out.</summary>
        public string? Md5;
        /// <summary>checkSum, or -1 to leave it out.</summary>
        public long CheckSum = -1;

        /// <summary>A FIRM entry for an image at a URL, with its true md5 and checkSum.</summary>
        public static FileEntry Firm(string url, byte[] image, string software)
        {
            FileEntry e = Describing(Clife.Device.Protocol.Names.TypeFirm, url, image);
            e.Software = software;
            e.Hardware = TestImages.Hardware;
            return e;
        }

        /// <summary>A SUBFIRM entry for sub-device devNum.</summary>
        public static FileEntry SubFirm(int devNum, string url, byte[] image, string software, string hardware)
        {
            FileEntry e = Describing(Clife.Device.Protocol.Names.TypeSubFirm, url, image);
            e.DevNum = devNum;
            e.Software = software;
            e.Hardware = hardware;
            return e;
        }

        /// <summary>An entry with a type and URL and the file's md5 and checkSum.</summary>
        public static FileEntry Describing(string type, string url, byte[] content)
        {
            FileEntry e = new FileEntry();
            e.Type = type;
            e.Url = url;
            e.Md5 = TestImages.Md5Hex(content);
            e.CheckSum = TestImages.Sum(content);
            return e;
        }

        /// <summary>An entry with only a type and URL (uploads, profiles without digests).</summary>
        public static FileEntry Plain(string type, string url)
        {
            FileEntry e = new FileEntry();
            e.Type = type;
            e.Url = url;
            return e;
        }

        /// <summary>The entry as a JSON object.</summary>
        public string ToJson()
        {
            string json = "{\"fileType\":\"" + Type + "\"";
            if (DevNum >= 0) json += ",\"devNum\":" + DevNum.ToString();
            if (Software != null) json += ",\"software\":\"" + Software + "\"";
            if (Hardware != null) json += ",\"hardware\":\"" + Hardware + "\"";
            if (Url != null) json += ",\"url\":\"" + Url + "\"";
            if (Md5 != null) json += ",\"md5\":\"" + Md5 + "\"";
            if (CheckSum >= 0) json += ",\"checkSum\":" + CheckSum.ToString();
            return json + "}";
        }

        /// <summary>Pass as stopTime to leave it out of the request.</summary>
        public const long NoStopTime = long.MinValue;

        /// <summary>The data of a 2019: fileMode, productVer (left out when negative), the entries and the window (stopTime left out when <see cref="NoStopTime"/>).</summary>
        public static string Request(string fileMode, int productVer, FileEntry[] entries, long startTime, long stopTime)
        {
            string json = "{\"fileMode\":\"" + fileMode + "\"";
            if (productVer >= 0) json += ",\"productVer\":" + productVer.ToString();
            json += ",\"fileInfo\":[";
            for (int i = 0; i < entries.Length; i++) json += (i > 0 ? "," : "") + entries[i].ToJson();
            json += "],\"startTime\":" + startTime.ToString();
            if (stopTime != NoStopTime) json += ",\"stopTime\":" + stopTime.ToString();
            return json + "}";
        }
    }
}

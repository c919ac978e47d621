using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Clife.Simulator.Protocol;

/// <summary>Builders of 2019 request data objects (protocol.md section 7) and the seed document's examples.</summary>
public static class FileOperations
{
    /// <summary>fileMode: download.</summary>
    public const string ModeDown = "DOWN";
    /// <summary>fileMode: upload.</summary>
    public const string ModeUp = "UP";
    /// <summary>fileMode: query versions.</summary>
    public const string ModeQuery = "QUERY";

    /// <summary>fileType: this module's firmware.</summary>
    public const string Firm = "FIRM";
    /// <summary>fileType: a sub-device's firmware.</summary>
    public const string SubFirm = "SUBFIRM";
    /// <summary>fileType: device profile.</summary>
    public const string Profile = "PROFILE";
    /// <summary>fileType: log upload.</summary>
    public const string Log = "LOG";
    /// <summary>fileType: photo.</summary>
    public const string Photo = "PHOTO";
    /// <summary>fileType: video.</summary>
    public const string Video = "VIDEO";
    /// <summary>fileType: voice.</summary>
    public const string Voice = "VOICE";
    /// <summary>fileType: recorded data.</summary>
    public const string DataFile = "DATA";

    /// <summary>A fileInfo entry for a firmware image (FIRM when devNum is 0, otherwise SUBFIRM) with md5/checkSum of the bytes.</summary>
    public static JsonObject Firmware(string url, byte[] image, string software, string hardware, int devNum = 0)
        => FileEntry(devNum == 0 ? Firm : SubFirm, url, image, software, hardware, devNum);

    /// <summary>A fileInfo entry of any type; integrity values are computed when the bytes are given.</summary>
    public static JsonObject FileEntry(string fileType, string url, byte[]? content = null, string? software = null, string? hardware = null, int? devNum = null)
    {
        var o = new JsonObject { [Fields.FileType] = fileType };
        if (devNum is int n) o[Fields.DevNum] = n;
        if (software is not null) o[Fields.Software] = software;
        if (hardware is not null) o[Fields.Hardware] = hardware;
        if (content is not null)
        {
            o[Fields.CheckSum] = FileImage.CheckSum(content);
            o[Fields.Md5] = FileImage.Md5Hex(content);
        }
        o[Fields.Url] = url;
        return o;
    }

    /// <summary>A DOWN request: productVer, the file entries and the time window (seconds relative to now).</summary>
    public static JsonObject Down(int? productVer, IEnumerable<JsonObject> files, int? startTime = 0, int? stopTime = 600)
    {
        var o = new JsonObject { [Fields.FileMode] = ModeDown };
        if (productVer is int v) o[Fields.ProductVer] = v;
        o[Fields.FileInfo] = ToArray(files);
        AddWindow(o, startTime, stopTime);
        return o;
    }

    /// <summary>An UP request asking the device to upload a file of the given type to the URL.</summary>
    public static JsonObject Up(string fileType, string url, int? startTime = 0, int? stopTime = 60)
    {
        var o = new JsonObject
        {
            [Fields.FileMode] = ModeUp,
            [Fields.FileInfo] = new JsonArray(new JsonObject { [Fields.FileType] = fileType, [Fields.Url] = url }),
        };
        AddWindow(o, startTime, stopTime);
        return o;
    }

    /// <summary>A QUERY request (the device answers 2018 respCode 3 with its versions).</summary>
    public static JsonObject Query(IEnumerable<JsonObject>? files = null)
        => new() { [Fields.FileMode] = ModeQuery, [Fields.FileInfo] = ToArray(files ?? []) };

    /// <summary>The seed document's DOWN example (data of the frame with msgId 23454), verbatim, including its " devNum" slip.</summary>
    public static JsonObject SeedDownExample() => (JsonObject)JsonNode.Parse("""
        {
            "fileMode": "DOWN",
            "productVer": 2,
            "fileInfo": [
                {
                    "fileType": "FIRM",
                    "devNum": 0,
                    "software": "1.0.2.0",
                    "hardware": "02",
                    "checkSum": 34458424,
                    "md5": "6d348c902ace4d09b6d62ce982dc8ace",
                    "url": "http://clife.open.cn/device/ota/esp8266.bin"
                },
                {
                    "fileType": "SUBFIRM",
                    " devNum": 1,
                    "software": "01",
                    "hardware": "02",
                    "checkSum": 764234235,
                    "md5": "6d348c902ace4d09b6d62ce982dc8ace",
                    "url": "http://clife.open.cn/device/ota/esp8266_1.bin"
                }
            ],
            "startTime": 0,
            "stopTime": 600
        }
        """)!;

    /// <summary>The seed document's UP example (data of the frame with msgId 231), verbatim.</summary>
    public static JsonObject SeedUpExample() => (JsonObject)JsonNode.Parse("""
        {
            "fileMode": "UP",
            "fileInfo": [
                {
                    "fileType": "PHOTO",
                    "url": "http://clife.open.cn/device/storage"
                }
            ],
            "startTime": 0,
            "stopTime": 60
        }
        """)!;

    private static void AddWindow(JsonObject o, int? startTime, int? stopTime)
    {
        if (startTime is int s) o[Fields.StartTime] = s;
        if (stopTime is int t) o[Fields.StopTime] = t;
    }

    private static JsonArray ToArray(IEnumerable<JsonObject> files)
    {
        var a = new JsonArray();
        foreach (JsonObject f in files) a.Add(f.Parent is null ? f : f.DeepClone());
        return a;
    }
}

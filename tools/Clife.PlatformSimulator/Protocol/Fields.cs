namespace Clife.Simulator.Protocol;

/// <summary>JSON member names used by the protocol, in one place.</summary>
public static class Fields
{
    /// <summary>Frame: function ID.</summary>
    public const string Cmd = "cmd";
    /// <summary>Frame: protocol version.</summary>
    public const string Ver = "ver";
    /// <summary>Frame: direction.</summary>
    public const string Dir = "dir";
    /// <summary>Frame: sequence number.</summary>
    public const string MsgId = "msgId";
    /// <summary>Frame: priority.</summary>
    public const string Prio = "prio";
    /// <summary>Frame: milliseconds since the Unix epoch.</summary>
    public const string Timestamp = "timestamp";
    /// <summary>Frame: payload.</summary>
    public const string Data = "data";

    /// <summary>Reply result code (0 = success).</summary>
    public const string RespCode = "respCode";
    /// <summary>Reply result text.</summary>
    public const string RespCont = "respCont";

    /// <summary>Product code.</summary>
    public const string ProductCode = "productCode";
    /// <summary>Device id.</summary>
    public const string DevId = "devId";
    /// <summary>Device secret (MQTT password).</summary>
    public const string DevSecret = "devSecret";
    /// <summary>MAC address.</summary>
    public const string Mac = "mac";
    /// <summary>Software version.</summary>
    public const string Software = "software";
    /// <summary>Hardware version.</summary>
    public const string Hardware = "hardware";
    /// <summary>Overall product version.</summary>
    public const string ProductVer = "productVer";
    /// <summary>List of sub-device versions.</summary>
    public const string DevVer = "devVer";
    /// <summary>Device number (0 = the communication module).</summary>
    public const string DevNum = "devNum";
    /// <summary>MQTT broker host.</summary>
    public const string MqttHost = "mqttHost";
    /// <summary>MQTT broker port.</summary>
    public const string MqttPort = "mqttPort";
    /// <summary>Whether the broker uses TLS.</summary>
    public const string MqttTls = "mqttTls";
    /// <summary>Device IP address (2004).</summary>
    public const string Ip = "ip";
    /// <summary>Wi-Fi signal strength (2004).</summary>
    public const string Rssi = "rssi";
    /// <summary>Will reason (2014).</summary>
    public const string Reason = "reason";
    /// <summary>Forced offline duration (2017).</summary>
    public const string Seconds = "seconds";

    /// <summary>File operation mode.</summary>
    public const string FileMode = "fileMode";
    /// <summary>File operation file list.</summary>
    public const string FileInfo = "fileInfo";
    /// <summary>File type (FIRM, SUBFIRM, ...).</summary>
    public const string FileType = "fileType";
    /// <summary>File URL.</summary>
    public const string Url = "url";
    /// <summary>File MD5 (hex).</summary>
    public const string Md5 = "md5";
    /// <summary>File byte sum modulo 2^32.</summary>
    public const string CheckSum = "checkSum";
    /// <summary>Operation start, seconds relative to now.</summary>
    public const string StartTime = "startTime";
    /// <summary>Operation deadline, seconds relative to now.</summary>
    public const string StopTime = "stopTime";
}

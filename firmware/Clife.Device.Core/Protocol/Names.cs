namespace Clife.Device.Protocol
{
    /// <summary>Field names and fixed string values of the protocol's frames, used by name everywhere.</summary>
    public static class Names
    {
        // Envelope
        /// <summary>Envelope: function ID.</summary>
        public const string Cmd = "cmd";
        /// <summary>Envelope: protocol version.</summary>
        public const string Ver = "ver";
        /// <summary>Envelope: direction.</summary>
        public const string Dir = "dir";
        /// <summary>Envelope: frame sequence number.</summary>
        public const string MsgId = "msgId";
        /// <summary>Envelope: priority.</summary>
        public const string Prio = "prio";
        /// <summary>Envelope and replies: time in ms since the epoch.</summary>
        public const string Timestamp = "timestamp";
        /// <summary>Envelope: payload.</summary>
        public const string Data = "data";

        // Results
        /// <summary>Result code of a reply.</summary>
        public const string RespCode = "respCode";
        /// <summary>Result text of a reply.</summary>
        public const string RespCont = "respCont";

        // Identity and versions
        /// <summary>Product code.</summary>
        public const string ProductCode = "productCode";
        /// <summary>Device id.</summary>
        public const string DevId = "devId";
        /// <summary>MAC address.</summary>
        public const string Mac = "mac";
        /// <summary>Software version.</summary>
        public const string Software = "software";
        /// <summary>Hardware version.</summary>
        public const string Hardware = "hardware";
        /// <summary>Overall product version (integer).</summary>
        public const string ProductVer = "productVer";
        /// <summary>List of device versions.</summary>
        public const string DevVer = "devVer";
        /// <summary>Device (plug-in) number; 0 is the communication module.</summary>
        public const string DevNum = "devNum";

        // Registration reply
        /// <summary>MQTT password issued at registration.</summary>
        public const string DevSecret = "devSecret";
        /// <summary>Broker host.</summary>
        public const string MqttHost = "mqttHost";
        /// <summary>Broker port.</summary>
        public const string MqttPort = "mqttPort";
        /// <summary>Whether the broker requires TLS.</summary>
        public const string MqttTls = "mqttTls";

        // Connect request
        /// <summary>IP address.</summary>
        public const string Ip = "ip";
        /// <summary>Signal strength in dBm.</summary>
        public const string Rssi = "rssi";

        // Forced offline and will
        /// <summary>How long to stay offline, in seconds.</summary>
        public const string Seconds = "seconds";
        /// <summary>Reason of the last will.</summary>
        public const string Reason = "reason";

        // Registration query parameters
        /// <summary>Query parameter: security level.</summary>
        public const string AuthLevel = "authLevel";

        // File operations
        /// <summary>File operation mode.</summary>
        public const string FileMode = "fileMode";
        /// <summary>List of files.</summary>
        public const string FileInfo = "fileInfo";
        /// <summary>Kind of file.</summary>
        public const string FileType = "fileType";
        /// <summary>Download or upload URL.</summary>
        public const string Url = "url";
        /// <summary>MD5 of the file as hex.</summary>
        public const string Md5 = "md5";
        /// <summary>Byte sum of the file.</summary>
        public const string CheckSum = "checkSum";
        /// <summary>Start of the operation window, seconds relative to now.</summary>
        public const string StartTime = "startTime";
        /// <summary>End of the operation window, seconds relative to now.</summary>
        public const string StopTime = "stopTime";

        /// <summary>fileMode: download.</summary>
        public const string ModeDown = "DOWN";
        /// <summary>fileMode: upload.</summary>
        public const string ModeUp = "UP";
        /// <summary>fileMode: query versions.</summary>
        public const string ModeQuery = "QUERY";

        /// <summary>fileType: this module's firmware.</summary>
        public const string TypeFirm = "FIRM";
        /// <summary>fileType: a sub-device's firmware.</summary>
        public const string TypeSubFirm = "SUBFIRM";
        /// <summary>fileType: device profile.</summary>
        public const string TypeProfile = "PROFILE";
        /// <summary>fileType: device log (upload).</summary>
        public const string TypeLog = "LOG";
        /// <summary>fileType: photo.</summary>
        public const string TypePhoto = "PHOTO";
        /// <summary>fileType: video.</summary>
        public const string TypeVideo = "VIDEO";
        /// <summary>fileType: audio.</summary>
        public const string TypeVoice = "VOICE";
        /// <summary>fileType: recorded data.</summary>
        public const string TypeData = "DATA";
        /// <summary>Upgrade request scope: everything.</summary>
        public const string ScopeAll = "ALL";
    }
}

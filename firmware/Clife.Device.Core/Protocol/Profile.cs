namespace Clife.Device.Protocol
{
    /// <summary>
    /// Every decision this firmware makes where the platform's document (seed) is silent, in one place
    /// (../shared/docs/protocol.md, "profile"). When the platform owner hands over the real values, only this file
    /// (and the defaults of the device configuration that start from it) changes.
    /// </summary>
    public static class Profile
    {
        // ---- Frames (protocol.md section 1) ----

        /// <summary>Protocol version this device speaks, sent in every frame's "ver".</summary>
        public const string ProtocolVersion = "1.0";

        /// <summary>Major protocol version accepted from the platform ("1.x"); a higher major gets an error reply.</summary>
        public const int ProtocolMajor = 1;

        /// <summary>Digit of the device in "dir" (section 2: sender digit, then receiver digit).</summary>
        public const int DirDevice = 0;

        /// <summary>Digit of the platform in "dir".</summary>
        public const int DirPlatform = 3;

        /// <summary>"dir" of frames the device sends.</summary>
        public const string DirToPlatform = "03";

        /// <summary>"dir" of frames the platform sends to the device.</summary>
        public const string DirToDevice = "30";

        /// <summary>Low priority.</summary>
        public const int PrioLow = 0;

        /// <summary>Medium priority, the default when "prio" is absent.</summary>
        public const int PrioMedium = 1;

        /// <summary>High priority (2 and above).</summary>
        public const int PrioHigh = 2;

        /// <summary>
        /// Property names are matched after trimming spaces around them, so the seed's own example key
        /// <c>" devNum"</c> still reads as devNum (decode tolerantly).
        /// </summary>
        public static readonly bool TrimPropertyNames = true;

        /// <summary>Deepest JSON nesting accepted in a frame.</summary>
        public const int MaxJsonDepth = 16;

        /// <summary>Largest frame the device accepts or builds, in bytes.</summary>
        public const int MaxFrameBytes = 8192;

        /// <summary>
        /// Most entries accepted in a fileInfo or devVer list. Without a bound, one 8 KB frame of empty entries would
        /// decode into thousands of objects, more than the device's heap.
        /// </summary>
        public const int MaxListEntries = 32;

        /// <summary>Most data points accepted in one data query (2009) or data control (2011), for the same reason.</summary>
        public const int MaxDataPoints = 64;

        // ---- Registration (section 4) ----

        /// <summary>Production platform host.</summary>
        public const string ProductionHost = "open.clife.cn";

        /// <summary>Test platform host.</summary>
        public const string TestHost = "test.clife.cn";

        /// <summary>Default base URL of the platform (production, HTTPS).</summary>
        public const string ProductionUrl = "https://" + ProductionHost;

        /// <summary>Base URL of the test platform (HTTPS).</summary>
        public const string TestUrl = "https://" + TestHost;

        /// <summary>Path of the register endpoint under the base URL.</summary>
        public const string RegisterPath = "/device/register";

        /// <summary>Content type of the register request.</summary>
        public const string JsonContentType = "application/json";

        /// <summary>authLevel 0: high security, devId required.</summary>
        public const int AuthHigh = 0;

        /// <summary>authLevel 1: medium security, productCode required.</summary>
        public const int AuthMid = 1;

        /// <summary>authLevel 2: low security, productCode required.</summary>
        public const int AuthLow = 2;

        /// <summary>respCode of success in replies.</summary>
        public const int RespOk = 0;

        /// <summary>respCode of a failed command in replies.</summary>
        public const int RespError = -1;

        // ---- Encryption of HTTP data (section 5) ----

        /// <summary>Default cipher mode of the HTTP data: AES-128-ECB with PKCS7 padding.</summary>
        public const Crypto.CipherMode DefaultCipherMode = Crypto.CipherMode.Ecb;

        // ---- MQTT session (section 6) ----

        /// <summary>Default template of the topic the device subscribes to.</summary>
        public const string DownTopicTemplate = "clife/{productCode}/{devId}/down";

        /// <summary>Default template of the topic the device publishes to (and of its last will).</summary>
        public const string UpTopicTemplate = "clife/{productCode}/{devId}/up";

        /// <summary>MQTT keep-alive in seconds.</summary>
        public const int KeepAliveSeconds = 60;

        /// <summary>Keep the session, so QoS 1 commands sent while offline arrive on reconnect.</summary>
        public const bool CleanSession = false;

        /// <summary>QoS of everything the device publishes and subscribes to.</summary>
        public const int Qos = 1;

        /// <summary>"reason" of the last will (2014).</summary>
        public const string WillReason = "offline";

        /// <summary>Platform msgIds remembered with their replies, to answer repeats without acting twice.</summary>
        public const int DuplicateCacheSize = 32;

        /// <summary>Frames kept while offline; when full the oldest of the lowest priority goes first.</summary>
        public const int OfflineQueueFrames = 32;

        /// <summary>Bytes kept while offline, across all queued frames.</summary>
        public const int OfflineQueueBytes = 16384;

        /// <summary>Default period of the full data report (2006), in seconds.</summary>
        public const int ReportPeriodSeconds = 300;

        // ---- Retry and timing (section 10) ----

        /// <summary>First backoff ceiling, in milliseconds (full jitter: the wait is random below the ceiling).</summary>
        public const int BackoffBaseMs = 1000;

        /// <summary>Largest backoff ceiling, in milliseconds.</summary>
        public const int BackoffCapMs = 300000;

        /// <summary>A connection that stays up this long resets the backoff.</summary>
        public const int BackoffResetAfterMs = 60000;

        /// <summary>Timeout of HTTP requests.</summary>
        public const int HttpTimeoutMs = 15000;

        /// <summary>Timeout of the MQTT connection and CONNACK.</summary>
        public const int MqttConnectTimeoutMs = 10000;

        /// <summary>How long the device waits for 2005 after sending 2004.</summary>
        public const int ConnectReplyTimeoutMs = 15000;

        /// <summary>How long the device waits for the network (Wi-Fi) to come up per attempt.</summary>
        public const int NetworkTimeoutMs = 20000;

        // ---- Firmware upgrade (sections 7 and 8) ----

        /// <summary>Default time a new image has to reach Connected before it is rolled back, in seconds.</summary>
        public const int TrialWindowSeconds = 300;

        /// <summary>Default period of the device's own upgrade request (2018 respCode 2), in hours; 0 = never.</summary>
        public const int OtaCheckHours = 0;
    }
}

namespace Clife.Device.Runtime
{
    /// <summary>
    /// Names of the configuration settings: the keys of the stored record and of the console's
    /// <c>config set &lt;key&gt; &lt;value&gt;</c>, in one place.
    /// </summary>
    public static class ConfigKeys
    {
        /// <summary>Wi-Fi network name.</summary>
        public const string WifiSsid = "wifiSsid";
        /// <summary>Wi-Fi password (secret).</summary>
        public const string WifiPassword = "wifiPassword";
        /// <summary>Platform: production, test, or a URL.</summary>
        public const string Server = "server";
        /// <summary>Registration security level 0..2.</summary>
        public const string AuthLevel = "authLevel";
        /// <summary>Product code.</summary>
        public const string ProductCode = "productCode";
        /// <summary>Provisioned device id.</summary>
        public const string DevId = "devId";
        /// <summary>Key of the HTTP data encryption (secret).</summary>
        public const string DevKey = "devKey";
        /// <summary>Cipher mode: ecb or cbc.</summary>
        public const string Cipher = "cipher";
        /// <summary>CBC IV as 32 hex digits.</summary>
        public const string CipherIv = "cipherIv";
        /// <summary>CA certificate (PEM).</summary>
        public const string Ca = "ca";
        /// <summary>Template of the subscribed topic.</summary>
        public const string DownTopic = "downTopic";
        /// <summary>Template of the published topic.</summary>
        public const string UpTopic = "upTopic";
        /// <summary>Period of the full report in seconds.</summary>
        public const string ReportPeriod = "reportPeriod";
        /// <summary>Accept older firmware: on or off.</summary>
        public const string AllowDowngrade = "allowDowngrade";
        /// <summary>Seconds a new image has to reach Connected.</summary>
        public const string TrialWindow = "trialWindow";
        /// <summary>Hours between the device's own upgrade requests (0 = never).</summary>
        public const string OtaCheckHours = "otaCheckHours";

        /// <summary>Stored login: issued device id.</summary>
        public const string LoginDevId = "loginDevId";
        /// <summary>Stored login: the product code the login was issued for (its topics use it).</summary>
        public const string LoginProductCode = "loginProductCode";
        /// <summary>Stored login: MQTT password (secret).</summary>
        public const string DevSecret = "devSecret";
        /// <summary>Stored login: broker host.</summary>
        public const string MqttHost = "mqttHost";
        /// <summary>Stored login: broker port.</summary>
        public const string MqttPort = "mqttPort";
        /// <summary>Stored login: broker TLS.</summary>
        public const string MqttTls = "mqttTls";

        /// <summary>The keys the console can set, in the order <c>config show</c> lists them.</summary>
        public static readonly string[] Settable =
        {
            WifiSsid, WifiPassword, Server, AuthLevel, ProductCode, DevId, DevKey, Cipher, CipherIv, Ca,
            DownTopic, UpTopic, ReportPeriod, AllowDowngrade, TrialWindow, OtaCheckHours,
        };

        /// <summary>True for keys whose values are secrets: shown masked, never logged.</summary>
        public static bool IsSecret(string key) => key == WifiPassword || key == DevKey || key == DevSecret;
    }
}

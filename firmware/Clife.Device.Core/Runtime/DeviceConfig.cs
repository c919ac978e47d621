using Clife.Device.Crypto;
using Clife.Device.Protocol;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// What the device keeps in flash: its configuration (set by a technician or at the factory) and its login
    /// information (issued by the platform at registration). Saved atomically as one record.
    /// </summary>
    public sealed class DeviceConfig
    {
        // ---- Configuration ----

        /// <summary>Wi-Fi network name.</summary>
        public string WifiSsid = "";

        /// <summary>Wi-Fi password (secret).</summary>
        public string WifiPassword = "";

        /// <summary>Base URL of the platform (production, test or a custom URL such as a simulator).</summary>
        public string ServerUrl = Profile.ProductionUrl;

        /// <summary>Security level of registration: 0 high (devId required), 1 mid, 2 low (productCode required).</summary>
        public int AuthLevel = Profile.AuthLow;

        /// <summary>Product code issued by the platform for the product.</summary>
        public string ProductCode = "";

        /// <summary>Device id provisioned at the factory (required for authLevel 0).</summary>
        public string DevId = "";

        /// <summary>Key of the HTTP data encryption (secret): 32 hex digits or 16 characters.</summary>
        public string DevKey = "";

        /// <summary>Cipher mode of the HTTP data.</summary>
        public CipherMode Cipher = Profile.DefaultCipherMode;

        /// <summary>IV for CBC as 32 hex digits (empty: all zero).</summary>
        public string CipherIv = "";

        /// <summary>PEM of the CA that must have signed the platform's HTTPS and MQTT TLS certificates.</summary>
        public string CaPem = "";

        /// <summary>Template of the topic the device subscribes to.</summary>
        public string DownTopic = Profile.DownTopicTemplate;

        /// <summary>Template of the topic the device publishes to.</summary>
        public string UpTopic = Profile.UpTopicTemplate;

        /// <summary>Period of the full data report, in seconds (0 turns it off).</summary>
        public int ReportPeriodSeconds = Profile.ReportPeriodSeconds;

        /// <summary>Accept firmware older than the running one.</summary>
        public bool AllowDowngrade;

        /// <summary>Seconds a new image has to reach Connected before it is rolled back.</summary>
        public int TrialWindowSeconds = Profile.TrialWindowSeconds;

        /// <summary>Hours between the device's own upgrade requests (0 = never).</summary>
        public int OtaCheckHours = Profile.OtaCheckHours;

        // ---- Login information (from the 2001 register reply) ----

        /// <summary>Device id the platform issued (empty when not registered).</summary>
        public string LoginDevId = "";

        /// <summary>
        /// Product code the login was issued for. The topics use it, so changing <see cref="ProductCode"/> takes effect
        /// at the next registration, not at the next reboot (empty in records written before it was kept).
        /// </summary>
        public string LoginProductCode = "";

        /// <summary>MQTT password the platform issued (secret).</summary>
        public string DevSecret = "";

        /// <summary>Broker host from the register reply.</summary>
        public string MqttHost = "";

        /// <summary>Broker port from the register reply.</summary>
        public int MqttPort;

        /// <summary>Whether the broker requires TLS.</summary>
        public bool MqttTls;

        /// <summary>True when the device holds login information.</summary>
        public bool IsRegistered => LoginDevId.Length > 0 && DevSecret.Length > 0 && MqttHost.Length > 0;

        /// <summary>Forgets the login information (unbind), keeping Wi-Fi, product code, devKey and the rest.</summary>
        public void ClearLogin()
        {
            LoginDevId = "";
            LoginProductCode = "";
            DevSecret = "";
            MqttHost = "";
            MqttPort = 0;
            MqttTls = false;
        }

        /// <summary>
        /// A setting as text, as the console's <c>config set</c> takes it (numbers in their unit, on/off, the PEM of the
        /// CA), or null for a key that is not a setting.
        /// </summary>
        public string? Get(string key)
        {
            switch (key)
            {
                case ConfigKeys.WifiSsid: return WifiSsid;
                case ConfigKeys.WifiPassword: return WifiPassword;
                case ConfigKeys.Server: return ServerUrl;
                case ConfigKeys.AuthLevel: return AuthLevel.ToString();
                case ConfigKeys.ProductCode: return ProductCode;
                case ConfigKeys.DevId: return DevId;
                case ConfigKeys.DevKey: return DevKey;
                case ConfigKeys.Cipher: return ConfigCodec.CipherName(Cipher);
                case ConfigKeys.CipherIv: return CipherIv;
                case ConfigKeys.Ca: return CaPem;
                case ConfigKeys.DownTopic: return DownTopic;
                case ConfigKeys.UpTopic: return UpTopic;
                case ConfigKeys.ReportPeriod: return ReportPeriodSeconds.ToString();
                case ConfigKeys.AllowDowngrade: return AllowDowngrade ? "on" : "off";
                case ConfigKeys.TrialWindow: return TrialWindowSeconds.ToString();
                case ConfigKeys.OtaCheckHours: return OtaCheckHours.ToString();
                default: return null;
            }
        }

        /// <summary>A copy of this configuration.</summary>
        public DeviceConfig Clone() => (DeviceConfig)MemberwiseClone();
    }
}

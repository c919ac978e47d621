using Clife.Device.Crypto;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// Validation of the configuration: each setting as the console sets it, and whether the whole is enough to
    /// register. Messages say what is wrong and which console command fixes it; they never contain secrets.
    /// </summary>
    public static class ConfigRules
    {
        /// <summary>Server name meaning the production platform.</summary>
        public const string ServerProduction = "production";
        /// <summary>Server name meaning the test platform.</summary>
        public const string ServerTest = "test";

        /// <summary>The line that ends a PEM certificate (the console's paste of the CA stops at it).</summary>
        public const string PemEnd = "-----END CERTIFICATE-----";

        private const string Http = "http://";
        private const string Https = "https://";
        private const string PemBegin = "-----BEGIN CERTIFICATE-----";

        /// <summary>
        /// Applies one setting to the configuration. Returns null when done, else why the value was refused
        /// (the configuration is then unchanged).
        /// </summary>
        public static string? Set(DeviceConfig c, string key, string value)
        {
            switch (key)
            {
                case ConfigKeys.WifiSsid:
                    if (value.Length > 32) return "wifiSsid is at most 32 characters";
                    c.WifiSsid = value;
                    return null;
                case ConfigKeys.WifiPassword:
                    if (value.Length > 0 && (value.Length < 8 || value.Length > 64)) return "wifiPassword must be 8 to 64 characters (or empty for an open network)";
                    c.WifiPassword = value;
                    return null;
                case ConfigKeys.Server:
                    string? url = ServerUrl(value);
                    if (url == null) return "server must be production, test, or a URL starting with http:// or https://";
                    c.ServerUrl = url;
                    return null;
                case ConfigKeys.AuthLevel:
                    if (value != "0" && value != "1" && value != "2") return "authLevel must be 0 (high), 1 (mid) or 2 (low)";
                    c.AuthLevel = value[0] - '0';
                    return null;
                case ConfigKeys.ProductCode:
                    if (!IsToken(value)) return "productCode must be 1 to 64 visible characters without spaces";
                    c.ProductCode = value;
                    return null;
                case ConfigKeys.DevId:
                    if (value.Length > 0 && !IsToken(value)) return "devId must be 1 to 64 visible characters without spaces";
                    c.DevId = value;
                    return null;
                case ConfigKeys.DevKey:
                    string? keyProblem = DevKeyProblem(value);
                    if (keyProblem != null) return keyProblem;
                    c.DevKey = value;
                    return null;
                case ConfigKeys.Cipher:
                    if (!ConfigCodec.TryParseCipher(value, out CipherMode mode)) return "cipher must be ecb or cbc";
                    c.Cipher = mode;
                    return null;
                case ConfigKeys.CipherIv:
                    if (value.Length > 0 && !IsHex(value, PayloadCipher.BlockSize * 2)) return "cipherIv must be 32 hex digits (or empty for zeros)";
                    c.CipherIv = value;
                    return null;
                case ConfigKeys.Ca:
                    if (value.Length > 0 && !IsPem(value)) return "ca must be a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)";
                    c.CaPem = value;
                    return null;
                case ConfigKeys.DownTopic:
                    if (value.Length == 0 || value.IndexOf(TopicTemplate.DevId) < 0) return "downTopic must contain {devId}";
                    c.DownTopic = value;
                    return null;
                case ConfigKeys.UpTopic:
                    if (value.Length == 0 || value.IndexOf(TopicTemplate.DevId) < 0) return "upTopic must contain {devId}";
                    c.UpTopic = value;
                    return null;
                case ConfigKeys.ReportPeriod:
                    int seconds;
                    if (!int.TryParse(value, out seconds) || seconds < 0 || seconds > 86400) return "reportPeriod must be 0 (off) to 86400 seconds";
                    c.ReportPeriodSeconds = seconds;
                    return null;
                case ConfigKeys.TrialWindow:
                    int window;
                    if (!int.TryParse(value, out window) || window < 10 || window > 86400) return "trialWindow must be 10 to 86400 seconds";
                    c.TrialWindowSeconds = window;
                    return null;
                case ConfigKeys.OtaCheckHours:
                    int hours;
                    if (!int.TryParse(value, out hours) || hours < 0 || hours > 720) return "otaCheckHours must be 0 (never) to 720";
                    c.OtaCheckHours = hours;
                    return null;
                case ConfigKeys.AllowDowngrade:
                    if (value != "on" && value != "off") return "allowDowngrade must be on or off";
                    c.AllowDowngrade = value == "on";
                    return null;
                default:
                    return "unknown setting \"" + key + "\"";
            }
        }

        /// <summary>The base URL a server setting stands for, or null when it is not a valid one.</summary>
        public static string? ServerUrl(string value)
        {
            if (value == ServerProduction) return Profile.ProductionUrl;
            if (value == ServerTest) return Profile.TestUrl;
            if (!(value.StartsWith(Http) && value.Length > Http.Length) && !(value.StartsWith(Https) && value.Length > Https.Length)) return null;
            if (value.IndexOf(' ') >= 0) return null;
            while (value.EndsWith("/")) value = value.Substring(0, value.Length - 1);
            return value;
        }

        /// <summary>True when the URL uses HTTPS.</summary>
        public static bool IsHttps(string url) => url.StartsWith(Https);

        /// <summary>
        /// What keeps the configuration from registering (authLevel rules, devKey, server, CA, IV), or null when
        /// nothing does.
        /// </summary>
        public static string? RegistrationProblem(DeviceConfig c)
        {
            if (c.AuthLevel == Profile.AuthHigh && c.DevId.Length == 0)
                return "authLevel 0 needs the device id: config set devId <id>";
            if (c.AuthLevel != Profile.AuthHigh && c.ProductCode.Length == 0)
                return "authLevel " + c.AuthLevel.ToString() + " needs the product code: config set productCode <code>";
            if (c.DevKey.Length == 0) return "devKey is not set: config set devKey <32 hex digits>";
            string? keyProblem = DevKeyProblem(c.DevKey);
            if (keyProblem != null) return keyProblem;
            if (ServerUrl(c.ServerUrl) == null) return "server URL is not valid: config set server production|test|<url>";
            if (IsHttps(c.ServerUrl) && c.CaPem.Length == 0)
                return "the server uses HTTPS but no CA certificate is configured: config set ca";
            if (c.Cipher == CipherMode.Cbc && c.CipherIv.Length > 0 && !IsHex(c.CipherIv, PayloadCipher.BlockSize * 2))
                return "cipherIv must be 32 hex digits";
            return null;
        }

        /// <summary>The AES key of the configured devKey (call only when <see cref="RegistrationProblem"/> is null).</summary>
        public static byte[] Key(DeviceConfig c) => DevKey.ToKey(c.DevKey);

        /// <summary>The CBC IV of the configuration (zeros when not set).</summary>
        public static byte[] Iv(DeviceConfig c) =>
            c.CipherIv.Length == 0 ? new byte[PayloadCipher.BlockSize] : Hex.Decode(c.CipherIv);

        private static string? DevKeyProblem(string key)
        {
            try
            {
                DevKey.ToKey(key);
                return null;
            }
            catch (CodecException e)
            {
                return e.Message;
            }
        }

        private static bool IsToken(string value)
        {
            if (value.Length == 0 || value.Length > 64) return false;
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] <= ' ' || value[i] > '~') return false;
            }
            return true;
        }

        private static bool IsHex(string value, int length)
        {
            if (value.Length != length) return false;
            for (int i = 0; i < value.Length; i++)
            {
                if (!Hex.IsHexDigit(value[i])) return false;
            }
            return true;
        }

        private static bool IsPem(string value)
        {
            int begin = value.IndexOf(PemBegin);
            int end = value.IndexOf(PemEnd);
            return begin >= 0 && end > begin;
        }
    }
}

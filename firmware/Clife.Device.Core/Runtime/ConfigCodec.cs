using Clife.Device.Crypto;
using Clife.Device.Json;
using Clife.Device.Protocol;

namespace Clife.Device.Runtime
{
    /// <summary>Writes and reads <see cref="DeviceConfig"/> as the JSON payload of the configuration record.</summary>
    public static class ConfigCodec
    {
        private const string CipherEcb = "ecb";
        private const string CipherCbc = "cbc";

        /// <summary>Name of a cipher mode as configured ("ecb", "cbc").</summary>
        public static string CipherName(CipherMode mode) => mode == CipherMode.Cbc ? CipherCbc : CipherEcb;

        /// <summary>Parses a cipher mode name; false when it is neither "ecb" nor "cbc".</summary>
        public static bool TryParseCipher(string text, out CipherMode mode)
        {
            string lower = text.ToLower();
            mode = lower == CipherCbc ? CipherMode.Cbc : CipherMode.Ecb;
            return lower == CipherEcb || lower == CipherCbc;
        }

        /// <summary>Writes the whole configuration as one JSON object.</summary>
        public static void Write(JsonWriter w, DeviceConfig c)
        {
            w.Reset();
            w.WriteStartObject();
            w.WriteString(ConfigKeys.WifiSsid, c.WifiSsid);
            w.WriteString(ConfigKeys.WifiPassword, c.WifiPassword);
            w.WriteString(ConfigKeys.Server, c.ServerUrl);
            w.WriteNumber(ConfigKeys.AuthLevel, c.AuthLevel);
            w.WriteString(ConfigKeys.ProductCode, c.ProductCode);
            w.WriteString(ConfigKeys.DevId, c.DevId);
            w.WriteString(ConfigKeys.DevKey, c.DevKey);
            w.WriteString(ConfigKeys.Cipher, CipherName(c.Cipher));
            w.WriteString(ConfigKeys.CipherIv, c.CipherIv);
            w.WriteString(ConfigKeys.Ca, c.CaPem);
            w.WriteString(ConfigKeys.DownTopic, c.DownTopic);
            w.WriteString(ConfigKeys.UpTopic, c.UpTopic);
            w.WriteNumber(ConfigKeys.ReportPeriod, c.ReportPeriodSeconds);
            w.WriteBoolean(ConfigKeys.AllowDowngrade, c.AllowDowngrade);
            w.WriteNumber(ConfigKeys.TrialWindow, c.TrialWindowSeconds);
            w.WriteNumber(ConfigKeys.OtaCheckHours, c.OtaCheckHours);
            w.WriteString(ConfigKeys.LoginDevId, c.LoginDevId);
            w.WriteString(ConfigKeys.LoginProductCode, c.LoginProductCode);
            w.WriteString(ConfigKeys.DevSecret, c.DevSecret);
            w.WriteString(ConfigKeys.MqttHost, c.MqttHost);
            w.WriteNumber(ConfigKeys.MqttPort, c.MqttPort);
            w.WriteBoolean(ConfigKeys.MqttTls, c.MqttTls);
            w.WriteEndObject();
        }

        /// <summary>
        /// Reads a configuration object (reader on its StartObject). Unknown keys are ignored and missing keys keep
        /// their defaults, so records written by older or newer firmware still load.
        /// </summary>
        public static DeviceConfig Read(JsonReader r)
        {
            DeviceConfig c = new DeviceConfig();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, ConfigKeys.WifiSsid)) c.WifiSsid = Field.String(r, ConfigKeys.WifiSsid) ?? "";
                else if (Field.Is(r, ConfigKeys.WifiPassword)) c.WifiPassword = Field.String(r, ConfigKeys.WifiPassword) ?? "";
                else if (Field.Is(r, ConfigKeys.Server)) c.ServerUrl = Field.String(r, ConfigKeys.Server) ?? c.ServerUrl;
                else if (Field.Is(r, ConfigKeys.AuthLevel)) c.AuthLevel = Field.Int(r, ConfigKeys.AuthLevel);
                else if (Field.Is(r, ConfigKeys.ProductCode)) c.ProductCode = Field.String(r, ConfigKeys.ProductCode) ?? "";
                else if (Field.Is(r, ConfigKeys.DevId)) c.DevId = Field.String(r, ConfigKeys.DevId) ?? "";
                else if (Field.Is(r, ConfigKeys.DevKey)) c.DevKey = Field.String(r, ConfigKeys.DevKey) ?? "";
                else if (Field.Is(r, ConfigKeys.Cipher))
                {
                    TryParseCipher(Field.String(r, ConfigKeys.Cipher) ?? CipherEcb, out CipherMode mode);
                    c.Cipher = mode;
                }
                else if (Field.Is(r, ConfigKeys.CipherIv)) c.CipherIv = Field.String(r, ConfigKeys.CipherIv) ?? "";
                else if (Field.Is(r, ConfigKeys.Ca)) c.CaPem = Field.String(r, ConfigKeys.Ca) ?? "";
                else if (Field.Is(r, ConfigKeys.DownTopic)) c.DownTopic = Field.String(r, ConfigKeys.DownTopic) ?? c.DownTopic;
                else if (Field.Is(r, ConfigKeys.UpTopic)) c.UpTopic = Field.String(r, ConfigKeys.UpTopic) ?? c.UpTopic;
                else if (Field.Is(r, ConfigKeys.ReportPeriod)) c.ReportPeriodSeconds = Field.Int(r, ConfigKeys.ReportPeriod);
                else if (Field.Is(r, ConfigKeys.AllowDowngrade)) c.AllowDowngrade = Field.Bool(r, ConfigKeys.AllowDowngrade);
                else if (Field.Is(r, ConfigKeys.TrialWindow)) c.TrialWindowSeconds = Field.Int(r, ConfigKeys.TrialWindow);
                else if (Field.Is(r, ConfigKeys.OtaCheckHours)) c.OtaCheckHours = Field.Int(r, ConfigKeys.OtaCheckHours);
                else if (Field.Is(r, ConfigKeys.LoginDevId)) c.LoginDevId = Field.String(r, ConfigKeys.LoginDevId) ?? "";
                else if (Field.Is(r, ConfigKeys.LoginProductCode)) c.LoginProductCode = Field.String(r, ConfigKeys.LoginProductCode) ?? "";
                else if (Field.Is(r, ConfigKeys.DevSecret)) c.DevSecret = Field.String(r, ConfigKeys.DevSecret) ?? "";
                else if (Field.Is(r, ConfigKeys.MqttHost)) c.MqttHost = Field.String(r, ConfigKeys.MqttHost) ?? "";
                else if (Field.Is(r, ConfigKeys.MqttPort)) c.MqttPort = Field.Int(r, ConfigKeys.MqttPort);
                else if (Field.Is(r, ConfigKeys.MqttTls)) c.MqttTls = Field.Bool(r, ConfigKeys.MqttTls);
                else r.Skip();
            }
            return c;
        }
    }
}

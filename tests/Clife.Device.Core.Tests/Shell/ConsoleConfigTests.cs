using Clife.Device.Crypto;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>
    /// <c>config set</c> and <c>config clear</c> for every key: valid values are saved (in flash: they survive a reboot),
    /// invalid ones get a clear one-line error and nothing is saved.
    /// </summary>
    public sealed class ConsoleConfigTests
    {
        private const string Prompt = ConsoleTests.Prompt;

        public void WifiSsid_takes_spaces_quotes_and_any_text_up_to_32_characters()
        {
            AssertSaved("config set wifiSsid Shop Floor 2", ConfigKeys.WifiSsid, "Shop Floor 2");
            AssertSaved("config set wifiSsid   two  spaces kept  ", ConfigKeys.WifiSsid, "two  spaces kept");
            AssertSaved("config set wifiSsid \"  Lobby  \"", ConfigKeys.WifiSsid, "  Lobby  ");
            AssertSaved("config set wifiSsid Café ☕", ConfigKeys.WifiSsid, "Café ☕");
            AssertSaved("config set wifiSsid " + TestData.Repeat("s", 32), ConfigKeys.WifiSsid, TestData.Repeat("s", 32));
            AssertRefused("config set wifiSsid " + TestData.Repeat("s", 33), "wifiSsid is at most 32 characters");
        }

        public void WifiPassword_is_8_to_64_characters_or_empty()
        {
            AssertSaved("config set wifiPassword correct horse battery", ConfigKeys.WifiPassword, "correct horse battery");
            AssertSaved("config set wifiPassword \"\"", ConfigKeys.WifiPassword, "");
            AssertSaved("config clear wifiPassword", ConfigKeys.WifiPassword, "");
            AssertRefused("config set wifiPassword short", "wifiPassword must be 8 to 64 characters (or empty for an open network)");
            AssertRefused("config set wifiPassword " + TestData.Repeat("p", 65), "wifiPassword must be 8 to 64 characters (or empty for an open network)");
        }

        public void Server_is_production_test_or_an_http_or_https_url()
        {
            AssertSaved("config set server production", ConfigKeys.Server, "https://open.clife.cn");
            AssertSaved("config set server test", ConfigKeys.Server, "https://test.clife.cn");
            AssertSaved("config set server http://10.0.0.5:8080/", ConfigKeys.Server, "http://10.0.0.5:8080");
            AssertSaved("config set server https://sim.local", ConfigKeys.Server, "https://sim.local");
            string why = "server must be production, test, or a URL starting with http:// or https://";
            AssertRefused("config set server ftp://files.local", why);
            AssertRefused("config set server http://", why);
            AssertRefused("config set server http://a b", why);
            AssertRefused("config set server Production", why);
            AssertRefused("config clear server", why);
        }

        public void AuthLevel_is_0_1_or_2()
        {
            AssertSaved("config set authLevel 1", ConfigKeys.AuthLevel, "1");
            AssertSaved("config set authLevel 0", ConfigKeys.AuthLevel, "0");
            string why = "authLevel must be 0 (high), 1 (mid) or 2 (low)";
            AssertRefused("config set authLevel 3", why);
            AssertRefused("config set authLevel 01", why);
            AssertRefused("config set authLevel high", why);
        }

        public void ProductCode_and_devId_are_visible_characters_without_spaces()
        {
            AssertSaved("config set productCode P-9000", ConfigKeys.ProductCode, "P-9000");
            AssertSaved("config set devId D:42/a", ConfigKeys.DevId, "D:42/a");
            AssertSaved("config clear devId", ConfigKeys.DevId, "");
            AssertRefused("config set productCode P 1", "productCode must be 1 to 64 visible characters without spaces");
            AssertRefused("config set productCode " + TestData.Repeat("p", 65), "productCode must be 1 to 64 visible characters without spaces");
            AssertRefused("config clear productCode", "productCode must be 1 to 64 visible characters without spaces");
            AssertRefused("config set devId a b", "devId must be 1 to 64 visible characters without spaces");
            AssertRefused("config set devId Café", "devId must be 1 to 64 visible characters without spaces");
        }

        public void DevKey_is_32_hex_digits_or_16_ASCII_characters()
        {
            AssertSaved("config set devKey 0123456789ABCDEF0123456789abcdef", ConfigKeys.DevKey, "0123456789ABCDEF0123456789abcdef");
            AssertSaved("config set devKey sixteen-chars-ok", ConfigKeys.DevKey, "sixteen-chars-ok");
            AssertRefused("config set devKey 0123", "devKey must be 32 hex characters or 16 ASCII characters; the configured devKey has 4");
            AssertRefused("config set devKey 0123456789abcdef0123456789abcdeg", "devKey has 32 characters but character 32 is not a hex digit (0-9, a-f, A-F)");
            AssertRefused("config clear devKey", "devKey must be 32 hex characters or 16 ASCII characters; the configured devKey has 0");
        }

        public void Cipher_is_ecb_or_cbc_and_its_iv_32_hex_digits()
        {
            AssertSaved("config set cipher cbc", ConfigKeys.Cipher, "cbc");
            AssertSaved("config set cipher ECB", ConfigKeys.Cipher, "ecb");
            AssertRefused("config set cipher gcm", "cipher must be ecb or cbc");
            AssertSaved("config set cipherIv 000102030405060708090a0b0c0d0e0f", ConfigKeys.CipherIv, "000102030405060708090a0b0c0d0e0f");
            AssertSaved("config clear cipherIv", ConfigKeys.CipherIv, "");
            AssertRefused("config set cipherIv 0001", "cipherIv must be 32 hex digits (or empty for zeros)");
            AssertRefused("config set cipherIv 000102030405060708090a0b0c0d0e0g", "cipherIv must be 32 hex digits (or empty for zeros)");
        }

        public void Ca_on_one_line_must_be_a_PEM_certificate()
        {
            string pem = "-----BEGIN CERTIFICATE----- MIIBszCCAVmgAwIBAgIU -----END CERTIFICATE-----";
            AssertSaved("config set ca " + pem, ConfigKeys.Ca, pem);
            AssertSaved("config clear ca", ConfigKeys.Ca, "");
            string why = "ca must be a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)";
            AssertRefused("config set ca hello", why);
            AssertRefused("config set ca -----END CERTIFICATE----- -----BEGIN CERTIFICATE-----", why);
        }

        public void Topics_must_contain_the_devId_placeholder()
        {
            AssertSaved("config set downTopic dev/{productCode}/{devId}/in", ConfigKeys.DownTopic, "dev/{productCode}/{devId}/in");
            AssertSaved("config set upTopic dev/{devId}/out", ConfigKeys.UpTopic, "dev/{devId}/out");
            AssertRefused("config set downTopic dev/in", "downTopic must contain {devId}");
            AssertRefused("config set upTopic dev/out", "upTopic must contain {devId}");
            AssertRefused("config clear upTopic", "upTopic must contain {devId}");
        }

        public void ReportPeriod_is_0_to_86400_seconds()
        {
            AssertSaved("config set reportPeriod 0", ConfigKeys.ReportPeriod, "0");
            AssertSaved("config set reportPeriod 86400", ConfigKeys.ReportPeriod, "86400");
            string why = "reportPeriod must be 0 (off) to 86400 seconds";
            AssertRefused("config set reportPeriod -1", why);
            AssertRefused("config set reportPeriod 86401", why);
            AssertRefused("config set reportPeriod ten", why);
            AssertRefused("config set reportPeriod 99999999999999", why);
        }

        public void AllowDowngrade_is_on_or_off()
        {
            AssertSaved("config set allowDowngrade on", ConfigKeys.AllowDowngrade, "on");
            AssertSaved("config set allowDowngrade off", ConfigKeys.AllowDowngrade, "off");
            AssertRefused("config set allowDowngrade yes", "allowDowngrade must be on or off");
        }

        public void TrialWindow_is_10_to_86400_seconds()
        {
            AssertSaved("config set trialWindow 10", ConfigKeys.TrialWindow, "10");
            AssertSaved("config set trialWindow 86400", ConfigKeys.TrialWindow, "86400");
            string why = "trialWindow must be 10 to 86400 seconds";
            AssertRefused("config set trialWindow 9", why);
            AssertRefused("config set trialWindow 86401", why);
            AssertRefused("config set trialWindow soon", why);
        }

        public void OtaCheckHours_is_0_to_720()
        {
            AssertSaved("config set otaCheckHours 0", ConfigKeys.OtaCheckHours, "0");
            AssertSaved("config set otaCheckHours 720", ConfigKeys.OtaCheckHours, "720");
            string why = "otaCheckHours must be 0 (never) to 720";
            AssertRefused("config set otaCheckHours -1", why);
            AssertRefused("config set otaCheckHours 721", why);
            AssertRefused("config set otaCheckHours daily", why);
        }

        public void Unknown_key_is_an_error_listing_the_keys_and_nothing_is_saved()
        {
            DeviceHarness d = CommandTests.Online(null);
            int operations = d.Flash.Operations;
            string output = d.Type("config set colour red");
            Check.Contains("error: unknown setting \"colour\"; keys: wifiSsid, wifiPassword, server, authLevel, productCode, devId, devKey, cipher, cipherIv, ca, downTopic, upTopic, reportPeriod, allowDowngrade, trialWindow, otaCheckHours\r\n", output, "error");
            Check.Contains("error: unknown setting \"loginDevId\"", d.Type("config set loginDevId dev-99"), "the login is not a setting");
            Check.Contains("error: unknown setting \"devSecret\"", d.Type("config clear devSecret"), "nor is the secret");
            Check.Equal(operations, d.Flash.Operations, "nothing written to flash");
        }

        public void Incomplete_config_commands_are_usage_errors()
        {
            DeviceHarness d = CommandTests.Online(null);
            int operations = d.Flash.Operations;
            string usage = "error: usage: config show | config set <key> <value> | config clear <key>\r\n" + Prompt;
            Check.Equal(usage, d.Type("config"), "config");
            Check.Equal(usage, d.Type("config bogus"), "config bogus");
            Check.Contains("error: usage: config set <key> <value>; keys: wifiSsid", d.Type("config set"), "config set");
            Check.Equal("error: usage: config set wifiSsid <value>\r\n" + Prompt, d.Type("config set wifiSsid"), "no value");
            Check.Equal("error: usage: config clear <key>\r\n" + Prompt, d.Type("config clear"), "config clear");
            Check.Equal("error: usage: config clear <key>\r\n" + Prompt, d.Type("config clear devId ca"), "two keys");
            Check.Equal(operations, d.Flash.Operations, "nothing written to flash");
        }

        public void A_change_of_an_unconfigured_device_that_completes_it_starts_registration()
        {
            DeviceHarness d = new DeviceHarness(false);
            d.Type("config set server " + DeviceHarness.Server);
            d.Type("config set devKey " + DeviceHarness.DevKeyHex);
            Check.Contains("state:      unconfigured", d.Type("status"), "still unconfigured");
            d.Type("config set productCode " + DeviceHarness.ProductCode);
            d.RunUntilConnected();
        }

        /// <summary>Types the line into a provisioned device: it answers "key saved", and the value is in flash.</summary>
        private static void AssertSaved(string line, string key, string expected)
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Equal(key + " saved\r\n" + Prompt, d.Type(line), "output of " + line);
            Check.Equal(expected, Value(d.Device.Config, key), "value after " + line);
            d.Boot();
            Check.Equal(expected, Value(d.Device.Config, key), "value in flash after " + line);
        }

        /// <summary>Types the line into an online device: one error line with the reason, and nothing written to flash.</summary>
        private static void AssertRefused(string line, string why)
        {
            DeviceHarness d = CommandTests.Online(null);
            int operations = d.Flash.Operations;
            string before = Describe(d.Device.Config);
            Check.Equal("error: " + why + "\r\n" + Prompt, d.Type(line), "output of " + line);
            Check.Equal(operations, d.Flash.Operations, "nothing written to flash by " + line);
            Check.Equal(before, Describe(d.Device.Config), "configuration unchanged by " + line);
        }

        public void Every_settable_key_reads_back_and_other_keys_are_not_settings()
        {
            DeviceConfig c = new DeviceConfig();
            for (int k = 0; k < ConfigKeys.Settable.Length; k++) Check.NotNull(c.Get(ConfigKeys.Settable[k]), ConfigKeys.Settable[k]);
            Check.Null(c.Get(ConfigKeys.DevSecret), "the login is not a setting");
            Check.Null(c.Get("nope"), "unknown key");
            Check.Equal("300", c.Get(ConfigKeys.ReportPeriod), "report period in seconds");
            Check.Equal("off", c.Get(ConfigKeys.AllowDowngrade), "downgrade");
        }

        private static string Value(DeviceConfig c, string key)
        {
            string? value = c.Get(key);
            if (value == null) Check.Fail("no such key " + key);
            return value!;
        }

        private static string Describe(DeviceConfig c)
        {
            string all = "";
            for (int i = 0; i < ConfigKeys.Settable.Length; i++) all += ConfigKeys.Settable[i] + "=" + Value(c, ConfigKeys.Settable[i]) + ";";
            return all + c.LoginDevId + ";" + c.DevSecret + ";" + c.MqttHost;
        }
    }
}

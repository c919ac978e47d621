using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>
    /// The devKey, the Wi-Fi password and the devSecret never appear on the console or in the log: not in any command's
    /// output, not in errors about them, not in log lines of registration, sessions or failures. (A secret typed in
    /// place of a command is echoed back in "unknown command": that is the technician's own input, not the device's.)
    /// </summary>
    public sealed class SecretsTests
    {
        private const string WifiPassword = "wifi-pass-123";

        public void No_console_output_and_no_log_line_contains_a_secret()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntilConnected();
            d.Run(1000);
            string output = "";
            string[] lines =
            {
                "help", "status", "config show", "log 64", "report", "report high",
                "config set devKey 00112233445566778899aabbccddeeff", "config set wifiPassword " + WifiPassword,
                "config set devKey 00112233445566778899aabbccddeefg", "config set devKey 00112233445566778899aabbccddee",
                "config set wifiPassword wifi-pa", "config set wifiPassword " + WifiPassword + TestData.Repeat("x", 60),
                "config set devSecret secret-1-xyz", "config clear devSecret",
                "disconnect", "status", "connect", "register", "status", "config show", "log 64",
            };
            for (int i = 0; i < lines.Length; i++)
            {
                output += d.Type(lines[i]);
                d.Run(500);
            }
            d.RunUntilConnected();
            output += d.Type("config show") + d.Type("status") + d.Type("log 64");
            AssertNoSecret(output, "console output", d);
            AssertNoSecret(d.LogLines.All, "log", d);
        }

        public void Failures_around_the_secrets_do_not_reveal_them()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.DevKey = "ffeeddccbbaa99887766554433221100";
            d.Run(5000);
            d.Platform.DevKey = DeviceHarness.DevKeyHex;
            d.RunUntil(DeviceState.Connected, 600000);
            d.Mqtt.NextConnect(Clife.Device.Hal.MqttConnectResult.BadCredentials);
            d.Mqtt.Drop("broker gone");
            d.RunUntil(DeviceState.Connected, 600000);
            d.Network.Available = false;
            d.Mqtt.Drop("wifi lost");
            d.Run(10000);
            d.Network.Available = true;
            d.RunUntil(DeviceState.Connected, 600000);
            d.Platform.Unbind();
            d.Run(100);
            d.RunUntilConnected();
            string output = d.Type("status") + d.Type("log 64") + d.Type("config show");
            AssertNoSecret(output, "console output", d);
            AssertNoSecret(d.LogLines.All, "log", d);
        }

        public void Secrets_are_kept_although_they_are_not_shown()
        {
            DeviceHarness d = CommandTests.Online(null);
            DeviceConfig c = d.Device.Config;
            Check.Equal(DeviceHarness.DevKeyHex, c.DevKey, "devKey");
            Check.Equal(WifiPassword, c.WifiPassword, "Wi-Fi password");
            Check.Equal("secret-1-xyz", c.DevSecret, "devSecret");
            Check.Equal("secret-1-xyz", d.Mqtt.LastOptions!.Password, "devSecret is the MQTT password");
        }

        private static void AssertNoSecret(string text, string where, DeviceHarness d)
        {
            Check.DoesNotContain(DeviceHarness.DevKeyHex, text, where + " (devKey)");
            Check.DoesNotContain("00112233445566778899aabbccddee", text, where + " (most of the devKey)");
            Check.DoesNotContain(WifiPassword, text, where + " (Wi-Fi password)");
            Check.DoesNotContain("wifi-pa", text, where + " (a wrong Wi-Fi password)");
            for (int i = 1; i <= d.Platform.Registrations; i++)
            {
                Check.DoesNotContain("secret-" + i.ToString() + "-xyz", text, where + " (devSecret " + i.ToString() + ")");
            }
            Check.True(text.Length > 0, where + " is not empty");
        }
    }
}

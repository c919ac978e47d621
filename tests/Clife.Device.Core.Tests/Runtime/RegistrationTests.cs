using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>
    /// Registration over HTTP (protocol.md sections 4, 5 and 10): what a device needs before it may register, the
    /// register URL, HTTPS and its CA, and every way registration fails, each retried with full-jitter backoff.
    /// </summary>
    public sealed class RegistrationTests
    {
        private const long Minute = 60000;

        public void Unprovisioned_device_is_unconfigured_and_its_reason_names_the_product_code_and_the_command()
        {
            DeviceHarness d = new DeviceHarness(false);
            d.Run(2000);
            Check.Equal(DeviceState.Unconfigured, d.Device.State, "state");
            Check.Equal("authLevel 2 needs the product code: config set productCode <code>", d.Device.Reason, "reason");
            Check.Equal(0, d.Platform.Registrations, "registrations");
            Check.Equal(0, d.Network.EnsureCalls, "no network use while unconfigured");
        }

        public void Device_without_devKey_is_unconfigured_and_its_reason_names_devKey_and_the_command()
        {
            DeviceHarness d = new DeviceHarness(false);
            Check.Null(d.Device.SetConfig(ConfigKeys.Server, DeviceHarness.Server), "server");
            Check.Null(d.Device.SetConfig(ConfigKeys.ProductCode, DeviceHarness.ProductCode), "productCode");
            d.Run(1000);
            Check.Equal(DeviceState.Unconfigured, d.Device.State, "state");
            Check.Equal("devKey is not set: config set devKey <32 hex digits>", d.Device.Reason, "reason");
            Check.Equal(0, d.Platform.Registrations, "registrations");
        }

        public void AuthLevel_0_without_devId_is_unconfigured_and_its_reason_names_devId_and_the_command()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.AuthLevel, "0"), "authLevel");
            d.Run(1000);
            Check.Equal(DeviceState.Unconfigured, d.Device.State, "state");
            Check.Equal("authLevel 0 needs the device id: config set devId <id>", d.Device.Reason, "reason");
            Check.Equal(0, d.Platform.Registrations, "registrations");
        }

        public void AuthLevel_1_without_productCode_is_unconfigured_and_its_reason_names_productCode()
        {
            DeviceHarness d = new DeviceHarness(false);
            Check.Null(d.Device.SetConfig(ConfigKeys.Server, DeviceHarness.Server), "server");
            Check.Null(d.Device.SetConfig(ConfigKeys.DevKey, DeviceHarness.DevKeyHex), "devKey");
            Check.Null(d.Device.SetConfig(ConfigKeys.DevId, "D-42"), "devId");
            Check.Null(d.Device.SetConfig(ConfigKeys.AuthLevel, "1"), "authLevel");
            d.Run(1000);
            Check.Equal(DeviceState.Unconfigured, d.Device.State, "state");
            Check.Equal("authLevel 1 needs the product code: config set productCode <code>", d.Device.Reason, "reason");
        }

        public void AuthLevel_0_registers_with_its_devId_in_the_url_and_in_the_request()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.AuthLevel, "0"), "authLevel");
            Check.Null(d.Device.SetConfig(ConfigKeys.DevId, "D-42"), "devId");
            d.RunUntilConnected();
            Check.Equal("http://platform.local/device/register?authLevel=0&productCode=P-TEST&devId=D-42", d.Platform.LastUrl, "URL");
            Check.Equal("D-42", d.Platform.LastRequest!.DevId, "devId in the request");
        }

        public void AuthLevel_0_needs_no_product_code()
        {
            DeviceHarness d = new DeviceHarness(false);
            Check.Null(d.Device.SetConfig(ConfigKeys.Server, DeviceHarness.Server), "server");
            Check.Null(d.Device.SetConfig(ConfigKeys.DevKey, DeviceHarness.DevKeyHex), "devKey");
            Check.Null(d.Device.SetConfig(ConfigKeys.AuthLevel, "0"), "authLevel");
            Check.Null(d.Device.SetConfig(ConfigKeys.DevId, "D-42"), "devId");
            d.Run(100);
            Check.Equal(1, d.Platform.Registrations, "registered");
            Check.Equal("http://platform.local/device/register?authLevel=0&devId=D-42", d.Platform.LastUrl, "URL");
        }

        public void AuthLevel_1_url_carries_the_level_and_the_product_code()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.AuthLevel, "1"), "authLevel");
            d.RunUntilConnected();
            Check.Equal("http://platform.local/device/register?authLevel=1&productCode=P-TEST", d.Platform.LastUrl, "URL");
        }

        public void Query_values_of_the_register_url_are_percent_encoded()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.ProductCode, "P&Q=1"), "productCode");
            Check.Null(d.Device.SetConfig(ConfigKeys.DevId, "d/1?x"), "devId");
            d.Run(100);
            Check.Equal("http://platform.local/device/register?authLevel=2&productCode=P%26Q%3D1&devId=d%2F1%3Fx", d.Platform.LastUrl, "URL");
        }

        public void Register_request_carries_product_mac_and_versions_and_has_a_timeout()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Run(100);
            RegisterRequest r = d.Platform.LastRequest!;
            Check.Equal(DeviceHarness.ProductCode, r.ProductCode, "productCode");
            Check.Equal("24d7eb0a1b2c", r.Mac, "mac");
            Check.Equal("1.0.0.0", r.Software, "software");
            Check.Equal("1.0", r.Hardware, "hardware");
            Check.Equal(1, r.ProductVer, "productVer");
            Check.Equal(Profile.HttpTimeoutMs, d.Platform.LastTimeoutMs, "HTTP timeout");
        }

        public void Completing_the_configuration_starts_registration()
        {
            DeviceHarness d = new DeviceHarness(false);
            Check.Null(d.Device.SetConfig(ConfigKeys.Server, DeviceHarness.Server), "server");
            Check.Null(d.Device.SetConfig(ConfigKeys.DevKey, DeviceHarness.DevKeyHex), "devKey");
            d.Run(1000);
            Check.Equal(DeviceState.Unconfigured, d.Device.State, "state before");
            Check.Null(d.Device.SetConfig(ConfigKeys.ProductCode, DeviceHarness.ProductCode), "productCode");
            d.RunUntilConnected();
            Check.Equal(1, d.Platform.Registrations, "registrations");
        }

        public void Https_server_without_a_CA_is_refused_with_a_clear_reason_and_no_HTTP_call()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.Server, "https://platform.local"), "server");
            d.Run(5000);
            Check.Equal(DeviceState.Unconfigured, d.Device.State, "state");
            Check.Equal("the server uses HTTPS but no CA certificate is configured: config set ca", d.Device.Reason, "reason");
            Check.Equal(0, d.Platform.Registrations, "no HTTP call");
        }

        public void Default_server_is_production_over_https_and_needs_a_CA()
        {
            DeviceHarness d = new DeviceHarness(false);
            Check.Null(d.Device.SetConfig(ConfigKeys.ProductCode, DeviceHarness.ProductCode), "productCode");
            Check.Null(d.Device.SetConfig(ConfigKeys.DevKey, DeviceHarness.DevKeyHex), "devKey");
            d.Run(1000);
            Check.Equal("https://open.clife.cn", d.Device.Config.ServerUrl, "server");
            Check.Equal(DeviceState.Unconfigured, d.Device.State, "state");
            Check.Contains("config set ca", d.Device.Reason, "reason");
        }

        public void Https_server_with_a_CA_registers_and_the_CA_is_passed_to_HTTP()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.Server, "https://platform.local/"), "server");
            Check.Null(d.Device.SetConfig(ConfigKeys.Ca, Pem.Ca), "ca");
            d.RunUntilConnected();
            Check.Equal("https://platform.local/device/register?authLevel=2&productCode=P-TEST", d.Platform.LastUrl, "URL");
            Check.Equal(Pem.Ca, d.Platform.LastCa, "CA given to HTTP");
        }

        public void Wrong_devKey_at_the_platform_fails_with_cannot_decrypt_and_is_retried()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.DevKey = "ffeeddccbbaa99887766554433221100";
            d.Run(100);
            Check.Equal(1, d.Platform.Registrations, "one attempt");
            Check.Equal(1, d.Platform.DecryptFailures, "the platform could not decrypt either");
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("registration failed: cannot decrypt the reply", d.Device.Reason, "reason");
            Check.Contains("check devKey", d.Device.Reason, "reason");
            Check.Contains("; retry in ", d.Device.Reason, "reason");
            Check.False(d.Device.Config.IsRegistered, "no login stored");
            d.Run(10 * Minute);
            Check.True(d.Platform.Registrations > 1, "retried");
            Check.False(d.Device.Config.IsRegistered, "still no login");
        }

        public void Http_500_is_a_failure_that_is_retried_and_an_unreadable_body_does_not_matter()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterStatus = 500;
            d.Platform.RegisterRawBody = "<html><body>Internal Server Error</body></html>";
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("registration refused: HTTP 500; retry in ", d.Device.Reason, "reason");
            d.Run(10 * Minute);
            Check.True(d.Platform.Registrations > 1, "retried");
            d.Platform.RegisterStatus = 200;
            d.Platform.RegisterRawBody = null;
            d.RunUntil(DeviceState.Connected, 10 * Minute);
        }

        public void Http_500_with_a_refusal_frame_names_the_platforms_reason()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterStatus = 500;
            d.Platform.RefusalText = "database unavailable";
            d.Run(100);
            Check.Contains("registration refused: HTTP 500: database unavailable; retry in ", d.Device.Reason, "reason");
        }

        public void Http_401_with_a_plain_refusal_body_names_the_platforms_reason_and_is_retried()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterStatus = 401;
            d.Platform.RefusalText = "unknown product P-TEST";
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("registration refused: HTTP 401: unknown product P-TEST", d.Device.Reason, "reason");
            Check.Contains("HTTP 401: unknown product P-TEST", d.Device.Log.LastError, "logged");
            d.Run(10 * Minute);
            Check.True(d.Platform.Registrations > 1, "retried");
        }

        public void Transport_failure_is_retried_with_the_transport_error_as_reason()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterTransportError = "connection refused";
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("registration failed: connection refused; retry in ", d.Device.Reason, "reason");
            d.Run(10 * Minute);
            Check.True(d.Platform.Registrations > 1, "retried");
        }

        public void Timeout_is_retried_and_the_device_registers_when_the_platform_answers_again()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterTransportError = "timed out after 15 s";
            d.Run(100);
            Check.Contains("registration failed: timed out after 15 s", d.Device.Reason, "reason");
            d.Platform.RegisterTransportError = "";
            d.RunUntil(DeviceState.Connected, 10 * Minute);
            Check.Equal(d.Platform.LastDevId, d.Device.Config.LoginDevId, "login");
        }

        public void Encrypted_respCode_other_than_0_is_a_refusal_with_the_platforms_text()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterRespCode = 7;
            d.Platform.RefusalText = "device disabled";
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("registration refused: device disabled (respCode 7); retry in ", d.Device.Reason, "reason");
            Check.False(d.Device.Config.IsRegistered, "no login");
        }

        public void Plain_refusal_with_HTTP_200_names_the_platforms_reason()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.PlainRefusal = true;
            d.Platform.RefusalText = "quota exceeded";
            d.Run(100);
            Check.Contains("registration refused: quota exceeded (respCode -1)", d.Device.Reason, "reason");
        }

        public void Reply_with_another_msgId_is_rejected_and_retried()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.WrongReplyMsgId = true;
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("does not match request", d.Device.Reason, "reason");
            Check.False(d.Device.Config.IsRegistered, "no login");
            d.Platform.WrongReplyMsgId = false;
            d.RunUntil(DeviceState.Connected, 10 * Minute);
        }

        public void Garbage_reply_is_a_failure_not_a_crash()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterRawBody = "{\"cmd\":2001,\"msgId\":";
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("registration failed: malformed reply", d.Device.Reason, "reason");
        }

        public void Network_down_is_retried_with_a_reason_naming_the_WiFi()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Network.Available = false;
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("network is down: cannot join Wi-Fi \"shop-floor\"; retry in ", d.Device.Reason, "reason");
            Check.Equal("shop-floor", d.Network.LastSsid, "SSID used");
            Check.Equal(0, d.Platform.Registrations, "no HTTP call without network");
            d.Run(30 * Minute);
            Check.True(d.Network.EnsureCalls > 1 && d.Network.EnsureCalls <= 40, "network retried with backoff, got " + d.Network.EnsureCalls.ToString());
            d.Network.Available = true;
            d.RunUntil(DeviceState.Connected, 10 * Minute);
        }

        public void Network_down_without_WiFi_configured_says_how_to_configure_it()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.WifiSsid, ""), "wifiSsid");
            d.Network.Available = false;
            d.Run(100);
            Check.Contains("no Wi-Fi configured: config set wifiSsid <name>", d.Device.Reason, "reason");
        }

        public void Failures_are_retried_after_delays_that_double_up_to_the_cap()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true; // full jitter then waits the whole ceiling
            d.Platform.RegisterStatus = 503;
            long[] times = d.TimesOf(Registrations(d), 30 * Minute, 100);
            long[] expected = { 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000, 300000, 300000 };
            Check.True(times.Length > expected.Length, "attempts: " + times.Length.ToString());
            for (int i = 0; i < expected.Length; i++)
            {
                Check.Equal(expected[i], times[i + 1] - times[i], "delay before attempt " + (i + 2).ToString());
            }
        }

        public void The_next_attempt_is_never_before_the_scheduled_delay_and_delays_stay_under_their_ceiling()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterTransportError = "no route to host";
            long due = 0;
            int seen = 0;
            long ceiling = Profile.BackoffBaseMs;
            for (long t = 0; t < 30 * Minute; t += 100)
            {
                d.Clock.Advance(100);
                d.Device.Poll();
                if (d.Platform.Registrations == seen) continue;
                Check.Equal(seen + 1, d.Platform.Registrations, "one attempt per poll");
                seen = d.Platform.Registrations;
                Check.True(d.Clock.NowMs >= due, "attempt " + seen.ToString() + " came " + (due - d.Clock.NowMs).ToString() + " ms early");
                long wait = d.Device.RetryInMs;
                Check.True(wait <= ceiling, "wait " + wait.ToString() + " above the ceiling " + ceiling.ToString());
                due = d.Clock.NowMs + wait;
                ceiling = ceiling * 2 > Profile.BackoffCapMs ? Profile.BackoffCapMs : ceiling * 2;
            }
            Check.True(seen >= 5, "kept retrying: " + seen.ToString());
        }

        public void An_always_failing_platform_sees_few_attempts_in_30_minutes()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.RegisterStatus = 500;
            long[] times = d.TimesOf(Registrations(d), 30 * Minute, 100);
            // Ceilings 1+2+4+...+256 s ≈ 8.5 min, then 300 s: on average about 20 attempts; a busy loop would make 18000.
            Check.True(times.Length >= 5 && times.Length <= 40, "attempts in 30 minutes: " + times.Length.ToString());
        }

        public void Polling_without_time_passing_makes_no_new_attempt()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true;
            d.Platform.RegisterStatus = 500;
            d.Run(100);
            for (int i = 0; i < 1000; i++) d.Device.Poll();
            Check.Equal(1, d.Platform.Registrations, "attempts");
        }

        public void Successful_registration_stores_the_login_in_flash_and_syncs_the_clock()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.False(d.Device.Clock.IsSynced, "not synced before");
            d.Run(100);
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            Check.True(d.Device.Clock.IsSynced, "synced from 2001");
            Check.Equal(d.Platform.PlatformTime, d.Device.Clock.NowMs, "platform time");
            d.Boot();
            DeviceConfig c = d.Device.Config;
            Check.Equal("dev-1", c.LoginDevId, "devId in flash");
            Check.Equal("secret-1-xyz", c.DevSecret, "devSecret in flash");
            Check.Equal("broker.local", c.MqttHost, "mqttHost");
            Check.Equal(1883, c.MqttPort, "mqttPort");
            Check.Equal(DeviceHarness.ProductCode, c.ProductCode, "configuration kept");
        }

        public void A_login_that_cannot_be_stored_is_retried_with_backoff_not_at_every_poll()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true;
            d.ConfigFlash.WritesIgnored = true; // the chip no longer takes writes: every save fails its read-back
            d.Run(100);
            Check.Equal(1, d.Platform.Registrations, "one registration");
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("could not store the login", d.Device.Reason, "reason");
            Check.Contains("; retry in ", d.Device.Reason, "reason");
            Check.Contains("flash verify failed", d.Device.Reason, "the storage error");
            d.Run(5000);
            Check.Equal(3, d.Platform.Registrations, "registrations at 0, 1 and 3 s, not at every poll");
            d.ConfigFlash.WritesIgnored = false;
            d.RunUntil(DeviceState.Connected, 10 * Minute);
            string login = d.Device.Config.LoginDevId;
            d.Boot();
            Check.Equal(login, d.Device.Config.LoginDevId, "stored once the flash works");
        }

        public void A_success_after_failures_starts_the_backoff_over()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true;
            d.Platform.RegisterStatus = 500;
            d.Run(20000); // attempts at 0, 1, 3, 7, 15 s: the next ceiling is 32 s
            d.Platform.RegisterStatus = 200;
            d.Mqtt.NextConnect(Clife.Device.Hal.MqttConnectResult.ServerUnavailable);
            d.RunUntil(DeviceState.Registered, 40000);
            d.Run(100);
            Check.Equal(1000, d.Device.RetryInMs, "first connect retry waits the base delay");
        }

        private static Counter Registrations(DeviceHarness d) => () => d.Platform.Registrations;
    }
}

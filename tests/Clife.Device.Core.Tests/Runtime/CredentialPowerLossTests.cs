using Clife.Device.Hal;
using Clife.Device.Runtime;
using Clife.Device.Simulation;

namespace Clife.Device.Tests
{
    /// <summary>A step of a power-loss scenario, run on a whole device.</summary>
    public delegate void DeviceStep(DeviceHarness d);

    /// <summary>
    /// Power cut at every single flash operation of a credential update (architecture.md, tests 3; MCUboot's
    /// simulator does the same for images): after each cut the device boots with the old or the new login and an
    /// intact configuration, never a mix, and after running on it is online with a valid login.
    /// The runtime lets <see cref="PowerCutException"/> escape from Poll; the test takes it as the power failing.
    /// </summary>
    public sealed class CredentialPowerLossTests
    {
        private const long TenMinutes = 600000;

        public void Power_cut_at_every_flash_operation_of_the_registration_save_leaves_no_login_or_the_new_one()
        {
            int operations = Operations(Fresh, RegisterOnce);
            Check.True(operations >= 3, "the save erases and writes: " + operations.ToString() + " operations");
            int old = 0, fresh = 0;
            for (int k = 1; k <= operations; k++)
            {
                DeviceHarness d = CutAt(Fresh, RegisterOnce, k);
                DeviceConfig c = d.Device.Config;
                AssertProvisioningIntact(c, k);
                if (!c.IsRegistered)
                {
                    AssertNoLogin(c, k);
                    old++;
                }
                else
                {
                    AssertLogin(c, "dev-1", "secret-1-xyz", k);
                    fresh++;
                }
                AssertEndsOnline(d, k);
            }
            Check.True(old >= 1, "a cut before the new record is complete keeps the old state");
            Check.Equal(operations, old + fresh, "every cut gave one of the two");
        }

        public void Registration_without_a_power_cut_stores_the_complete_new_login()
        {
            DeviceHarness d = new DeviceHarness(true);
            RegisterOnce(d);
            d.Boot();
            AssertLogin(d.Device.Config, "dev-1", "secret-1-xyz", 0);
            AssertProvisioningIntact(d.Device.Config, 0);
        }

        public void Power_cut_at_every_flash_operation_of_a_console_config_set_keeps_the_login_and_one_of_the_values()
        {
            int operations = Operations(Online, SetReportPeriod);
            Check.True(operations >= 3, "operations: " + operations.ToString());
            int old = 0;
            for (int k = 1; k <= operations; k++)
            {
                DeviceHarness d = CutAt(Online, SetReportPeriod, k);
                DeviceConfig c = d.Device.Config;
                AssertProvisioningIntact(c, k);
                AssertLogin(c, "dev-1", "secret-1-xyz", k);
                Check.True(c.ReportPeriodSeconds == 300 || c.ReportPeriodSeconds == 60, "reportPeriod after cut " + k.ToString() + ": " + c.ReportPeriodSeconds.ToString());
                if (c.ReportPeriodSeconds == 300) old++;
                AssertEndsOnline(d, k);
                Check.Equal(1, d.Platform.Registrations, "no new registration needed after cut " + k.ToString());
            }
            Check.True(old >= 1, "some cut kept the old value");
            DeviceHarness whole = CommandTests.Online(null);
            SetReportPeriod(whole);
            whole.Boot();
            Check.Equal(60, whole.Device.Config.ReportPeriodSeconds, "saved without a cut");
        }

        public void Power_cut_at_every_flash_operation_of_the_unbind_erase_leaves_the_old_login_or_none()
        {
            int operations = Operations(Online, PlatformUnbinds);
            Check.True(operations >= 3, "operations: " + operations.ToString());
            int old = 0;
            for (int k = 1; k <= operations; k++)
            {
                DeviceHarness d = CutAt(Online, PlatformUnbinds, k);
                DeviceConfig c = d.Device.Config;
                AssertProvisioningIntact(c, k);
                // The unbind's erase is followed at once by the new registration's save: the cut may hit either.
                if (!c.IsRegistered) AssertNoLogin(c, k);
                else if (c.LoginDevId == "dev-1") AssertLogin(c, "dev-1", "secret-1-xyz", k);
                else AssertLogin(c, "dev-2", "secret-2-xyz", k);
                if (c.LoginDevId == "dev-1") old++;
                // With the old login the broker refuses it (the platform revoked it), so the device registers again.
                AssertEndsOnline(d, k);
                Check.True(d.Device.Config.LoginDevId != "dev-1", "a new login after cut " + k.ToString());
            }
            Check.True(old >= 1, "some cut kept the old login");
        }

        public void Power_cut_at_every_flash_operation_of_a_broker_refusal_erase_ends_with_a_new_login()
        {
            int operations = Operations(Registered, BrokerRefuses);
            Check.True(operations >= 3, "operations: " + operations.ToString());
            for (int k = 1; k <= operations; k++)
            {
                DeviceHarness d = CutAt(Registered, BrokerRefuses, k);
                DeviceConfig c = d.Device.Config;
                AssertProvisioningIntact(c, k);
                if (c.IsRegistered) AssertLogin(c, "dev-1", "secret-1-xyz", k);
                else AssertNoLogin(c, k);
                AssertEndsOnline(d, k);
            }
        }

        // ---- Scenarios ----

        private static void Fresh(DeviceHarness d) { }

        private static void Online(DeviceHarness d)
        {
            d.RunUntilConnected();
            d.Run(100);
        }

        private static void Registered(DeviceHarness d) => d.RunUntil(DeviceState.Registered, 1000);

        private static void RegisterOnce(DeviceHarness d)
        {
            d.Run(100);
            Check.Equal(DeviceState.Registered, d.Device.State, "registered");
        }

        private static void SetReportPeriod(DeviceHarness d) => Check.Contains("reportPeriod saved", d.Type("config set reportPeriod 60"), "console");

        private static void PlatformUnbinds(DeviceHarness d)
        {
            d.Platform.Unbind();
            d.Device.Poll();
        }

        private static void BrokerRefuses(DeviceHarness d)
        {
            d.Platform.Revoke("dev-1");
            d.Run(100);
        }

        // ---- Power cuts ----

        /// <summary>Flash writes and erases the step performs on a device prepared by the setup.</summary>
        private static int Operations(DeviceStep setup, DeviceStep step)
        {
            DeviceHarness d = new DeviceHarness(true);
            setup(d);
            int before = d.Flash.Operations;
            step(d);
            return d.Flash.Operations - before;
        }

        /// <summary>Runs the step with the power cut at its k-th flash operation, then restores power and boots.</summary>
        private static DeviceHarness CutAt(DeviceStep setup, DeviceStep step, int k)
        {
            DeviceHarness d = new DeviceHarness(true);
            setup(d);
            d.Flash.CutAtOperation = d.Flash.Operations + k;
            bool cut = false;
            try
            {
                step(d);
            }
            catch (PowerCutException)
            {
                cut = true;
            }
            Check.True(cut, "the power cut at operation " + k.ToString() + " stopped the device");
            d.Flash.PowerOn();
            d.Boot();
            return d;
        }

        // ---- Expectations ----

        private static void AssertProvisioningIntact(DeviceConfig c, int k)
        {
            string after = " after cut " + k.ToString();
            Check.Equal(DeviceHarness.Server, c.ServerUrl, "server" + after);
            Check.Equal(DeviceHarness.ProductCode, c.ProductCode, "productCode" + after);
            Check.Equal(DeviceHarness.DevKeyHex, c.DevKey, "devKey" + after);
            Check.Equal("shop-floor", c.WifiSsid, "wifiSsid" + after);
            Check.Equal("wifi-pass-123", c.WifiPassword, "wifiPassword" + after);
        }

        private static void AssertNoLogin(DeviceConfig c, int k)
        {
            string after = " after cut " + k.ToString();
            Check.Equal("", c.LoginDevId, "devId" + after);
            Check.Equal("", c.LoginProductCode, "login product code" + after);
            Check.Equal("", c.DevSecret, "devSecret" + after);
            Check.Equal("", c.MqttHost, "mqttHost" + after);
            Check.Equal(0, c.MqttPort, "mqttPort" + after);
        }

        private static void AssertLogin(DeviceConfig c, string devId, string secret, int k)
        {
            string after = " after cut " + k.ToString();
            Check.Equal(devId, c.LoginDevId, "devId" + after);
            Check.Equal(DeviceHarness.ProductCode, c.LoginProductCode, "login product code" + after);
            Check.Equal(secret, c.DevSecret, "devSecret" + after);
            Check.Equal("broker.local", c.MqttHost, "mqttHost" + after);
            Check.Equal(1883, c.MqttPort, "mqttPort" + after);
        }

        private static void AssertEndsOnline(DeviceHarness d, int k)
        {
            d.RunUntil(DeviceState.Connected, TenMinutes);
            MqttConnectOptions o = d.Mqtt.LastOptions!;
            Check.Equal(d.Device.Config.LoginDevId, o.Username, "connected with the stored login after cut " + k.ToString());
            Check.True(d.Platform.IsValidLogin(o.Username, o.Password), "the login is valid after cut " + k.ToString());
            d.Boot();
            Check.Equal(o.Username, d.Device.Config.LoginDevId, "and it is the one in flash after cut " + k.ToString());
        }
    }
}

using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>
    /// Unbind (2013, protocol.md section 6): reply 2012 first, erase devId and devSecret (keeping Wi-Fi, product code,
    /// devKey and the rest), disconnect, and register again for a new login.
    /// </summary>
    public sealed class UnbindTests
    {
        public void Unbind_replies_first_then_erases_the_login_and_registers_for_a_new_devId()
        {
            DeviceHarness d = CommandTests.Online(null);
            int published = d.Mqtt.Published.Count;
            long msgId = d.Platform.Unbind();
            d.Run(100);
            Check.Equal(published + 1, d.Mqtt.Published.Count, "the 2012 went out before the disconnect");
            ResultReply r = CommandTests.Result(CommandTests.Reply(d, msgId, Cmd.UnbindReply));
            Check.Equal(0, r.RespCode, "respCode");
            Check.Equal(1, d.Mqtt.Disconnects, "disconnected");
            Check.Equal(2, d.Platform.Registrations, "registered again at once (the backoff starts over)");
            d.RunUntilConnected();
            Check.Equal(2, d.Platform.Registrations, "registered again");
            Check.Equal("dev-2", d.Device.Config.LoginDevId, "new devId");
            Check.Equal("clife/P-TEST/dev-2/down", d.Device.DownTopic, "new topics");
            Check.Equal("dev-2", d.Mqtt.LastOptions!.ClientId, "connected with the new login");
        }

        public void Unbind_erases_the_login_in_flash_and_keeps_the_rest_of_the_configuration()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Null(d.Device.SetConfig(ConfigKeys.ReportPeriod, "60"), "reportPeriod");
            d.Platform.RegisterStatus = 503; // the device cannot register again yet
            d.Platform.Unbind();
            d.Run(1000);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            d.Boot();
            DeviceConfig c = d.Device.Config;
            Check.False(c.IsRegistered, "no login after a reboot");
            Check.Equal("", c.LoginDevId, "devId erased");
            Check.Equal("", c.DevSecret, "devSecret erased");
            Check.Equal("", c.MqttHost, "broker erased");
            Check.Equal("shop-floor", c.WifiSsid, "Wi-Fi kept");
            Check.Equal("wifi-pass-123", c.WifiPassword, "Wi-Fi password kept");
            Check.Equal(DeviceHarness.ProductCode, c.ProductCode, "product code kept");
            Check.Equal(DeviceHarness.DevKeyHex, c.DevKey, "devKey kept");
            Check.Equal(DeviceHarness.Server, c.ServerUrl, "server kept");
            Check.Equal(60, c.ReportPeriodSeconds, "report period kept");
            d.Platform.RegisterStatus = 200;
            d.RunUntil(DeviceState.Connected, 10 * 60000);
            string login = d.Device.Config.LoginDevId;
            Check.Equal(d.Platform.LastDevId, login, "new login");
            Check.True(login != "dev-1", "not the old one");
            d.Boot();
            Check.Equal(login, d.Device.Config.LoginDevId, "new login after a reboot");
        }

        public void Old_session_requests_are_forgotten_after_an_unbind()
        {
            CountingListener listener = new CountingListener();
            DeviceHarness d = CommandTests.Online(listener);
            d.Platform.SendWithMsgId(Cmd.Control, 6000, "{\"power\":true}");
            d.Run(100);
            d.Platform.Unbind();
            d.Run(100);
            d.RunUntilConnected();
            d.Platform.SendWithMsgId(Cmd.Control, 6000, "{\"power\":false}");
            d.Run(100);
            Check.Equal(2, listener.Calls, "the new session's msgId 6000 is a new request");
            Check.False(d.Model.At(0).Boolean, "applied");
        }

        public void Unbind_with_the_broker_gone_still_erases_and_registers_again()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Mqtt.PublishFails = true;
            d.Platform.Unbind();
            d.Run(100);
            Check.Equal("dev-2", d.Device.Config.LoginDevId, "old login erased, new one issued");
            d.Mqtt.PublishFails = false;
            d.RunUntil(DeviceState.Connected, 10 * 60000);
            Check.Equal("dev-2", d.Mqtt.LastOptions!.ClientId, "online with the new login");
        }
    }
}

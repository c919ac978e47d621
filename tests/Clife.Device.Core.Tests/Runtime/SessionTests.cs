using Clife.Device.Hal;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>
    /// The MQTT session (protocol.md sections 6 and 10): CONNACK refusals, TLS, subscribe, the 2004/2005 handshake,
    /// clock sync, losing the broker, and the backoff between attempts.
    /// </summary>
    public sealed class SessionTests
    {
        private const long Minute = 60000;

        public void Connect_options_carry_the_login_the_will_and_the_timeouts()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntilConnected();
            MqttConnectOptions o = d.Mqtt.LastOptions!;
            Check.Equal("broker.local", o.Host, "host");
            Check.Equal(1883, o.Port, "port");
            Check.False(o.Tls, "plain broker");
            Check.Equal("dev-1", o.ClientId, "clientId");
            Check.Equal("dev-1", o.Username, "username");
            Check.Equal("secret-1-xyz", o.Password, "password");
            Check.Equal(Profile.KeepAliveSeconds, o.KeepAliveSeconds, "keep-alive");
            Check.False(o.CleanSession, "cleanSession");
            Check.Equal(Profile.MqttConnectTimeoutMs, o.TimeoutMs, "CONNACK timeout");
            Check.Equal("clife/P-TEST/dev-1/up", o.WillTopic, "will topic");
            Check.Equal(1, o.WillQos, "will QoS");
            Check.False(o.WillRetain, "will not retained");
            string will = Utf8.GetString(o.WillPayload, 0, o.WillPayload.Length);
            Check.Contains("\"cmd\":2014", will, "will cmd");
            Check.Contains("\"dir\":\"03\"", will, "will dir");
            Check.Contains("\"data\":{\"devId\":\"dev-1\",\"reason\":\"offline\"}", will, "will data");
        }

        public void Connect_request_2004_carries_versions_with_devNum_0_ip_and_rssi()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntilConnected();
            DeviceFrame hello = d.Platform.Last(Cmd.Connect)!;
            Check.Equal(Profile.PrioHigh, hello.Prio, "prio");
            ConnectRequest r = ConnectRequest.Read(hello.Data());
            Check.Equal("1.0.0.0", r.Software, "software");
            Check.Equal("1.0", r.Hardware, "hardware");
            Check.Equal(1, r.ProductVer, "productVer");
            Check.Equal(1, r.DevVer.Length, "devVer entries");
            Check.Equal(0, r.DevVer[0].DevNum, "devNum of the module");
            Check.Equal("1.0.0.0", r.DevVer[0].Software, "devVer software");
            Check.Equal("1.0", r.DevVer[0].Hardware, "devVer hardware");
            Check.Equal("192.168.1.50", r.Ip, "ip");
            Check.Equal(-48, r.Rssi, "rssi");
            Check.Equal("clife/P-TEST/dev-1/up", ((PublishedMessage)d.Mqtt.Published[0]!).Topic, "published on the up topic");
        }

        public void Connack_bad_credentials_erases_the_login_in_flash_and_registers_again()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Registered, 1000);
            d.Mqtt.NextConnect(MqttConnectResult.BadCredentials);
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.Contains("login refused by the broker", d.Device.Reason, "reason");
            Check.Contains("bad user name or password", d.Device.Log.LastError, "logged");
            Check.False(d.Device.Config.IsRegistered, "login erased");
            d.Boot();
            Check.False(d.Device.Config.IsRegistered, "login erased in flash too");
            Check.Equal(DeviceHarness.ProductCode, d.Device.Config.ProductCode, "configuration kept");
            Check.Equal(DeviceHarness.DevKeyHex, d.Device.Config.DevKey, "devKey kept");
            d.RunUntilConnected();
            Check.Equal(2, d.Platform.Registrations, "registered again");
            Check.Equal("dev-2", d.Device.Config.LoginDevId, "new login");
        }

        public void Connack_not_authorized_erases_the_login_and_registers_again_after_a_backoff()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true;
            d.RunUntil(DeviceState.Registered, 1000);
            d.Mqtt.NextConnect(MqttConnectResult.NotAuthorized);
            d.Run(100);
            Check.Equal(DeviceState.Unregistered, d.Device.State, "state");
            Check.False(d.Device.Config.IsRegistered, "login erased");
            Check.Equal(1000, d.Device.RetryInMs, "registers again after the backoff");
            d.Run(900);
            Check.Equal(1, d.Platform.Registrations, "not before the backoff");
            d.RunUntilConnected();
            Check.Equal(2, d.Platform.Registrations, "registered again");
        }

        public void Login_revoked_while_offline_is_replaced_by_a_new_registration()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntilConnected();
            d.Platform.Revoke("dev-1");
            d.Mqtt.Drop("broker restarted");
            d.RunUntil(DeviceState.Unregistered, Minute);
            d.RunUntil(DeviceState.Connected, 10 * Minute);
            Check.Equal("dev-2", d.Device.Config.LoginDevId, "new login");
            Check.True(d.Platform.IsValidLogin(d.Mqtt.LastOptions!.Username, d.Mqtt.LastOptions.Password), "valid login used");
        }

        public void Connack_server_unavailable_is_retried_with_backoff_and_keeps_the_login()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Registered, 1000);
            d.Mqtt.NextConnect(MqttConnectResult.ServerUnavailable);
            d.Mqtt.NextConnect(MqttConnectResult.ServerUnavailable);
            d.Run(100);
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            Check.Contains("MQTT connect refused: server unavailable: scripted failure; retry in ", d.Device.Reason, "reason");
            Check.True(d.Device.Config.IsRegistered, "login kept");
            d.RunUntil(DeviceState.Connected, 10 * Minute);
            Check.Equal(1, d.Platform.Registrations, "not registered again");
            Check.Equal(3, d.Mqtt.Connects, "connect attempts");
        }

        public void Transport_error_TLS_error_and_timeout_are_retried_and_keep_the_login()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Registered, 1000);
            d.Mqtt.NextConnect(MqttConnectResult.TransportError);
            d.Run(100);
            Check.Contains("MQTT connect network error", d.Device.Reason, "transport error");
            d.Mqtt.NextConnect(MqttConnectResult.TlsError);
            RunUntilNextConnect(d);
            Check.Contains("MQTT connect TLS error", d.Device.Reason, "TLS error");
            d.Mqtt.NextConnect(MqttConnectResult.Timeout);
            RunUntilNextConnect(d);
            Check.Contains("MQTT connect timed out", d.Device.Reason, "timeout");
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            d.Boot();
            Check.True(d.Device.Config.IsRegistered, "login kept in flash");
            d.RunUntilConnected();
            Check.Equal(1, d.Platform.Registrations, "never registered again");
        }

        public void Failed_connects_are_spaced_by_doubling_delays()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true;
            d.RunUntil(DeviceState.Registered, 1000);
            for (int i = 0; i < 6; i++) d.Mqtt.NextConnect(MqttConnectResult.ServerUnavailable);
            long[] times = d.TimesOf(Connects(d), 2 * Minute, 100);
            long[] expected = { 1000, 2000, 4000, 8000, 16000, 32000 };
            Check.Equal(7, times.Length, "six failures, then the connect that worked");
            for (int i = 0; i < expected.Length; i++) Check.Equal(expected[i], times[i + 1] - times[i], "delay before connect " + (i + 2).ToString());
            Check.Equal(DeviceState.Connected, d.Device.State, "state");
        }

        public void Mqtt_tls_without_a_CA_makes_no_connect_attempt_and_says_how_to_fix_it()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.MqttTls = true;
            d.Run(5 * Minute);
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            Check.Contains("the broker requires TLS but no CA certificate is configured: config set ca", d.Device.Reason, "reason");
            Check.Equal(0, d.Mqtt.Connects, "no connect attempt");
            Check.Null(d.Device.SetConfig(ConfigKeys.Ca, Pem.Ca), "ca");
            d.RunUntil(DeviceState.Connected, 10 * Minute);
            Check.True(d.Mqtt.LastOptions!.Tls, "TLS");
            Check.Equal(Pem.Ca, d.Mqtt.LastOptions.CaPem, "CA given to the link");
        }

        public void Subscribe_failure_disconnects_and_retries_without_sending_2004()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Registered, 1000);
            d.Mqtt.SubscribeFails = true;
            d.Run(100);
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            Check.Contains("subscribing to clife/P-TEST/dev-1/down failed: subscribe failed; retry in ", d.Device.Reason, "reason");
            Check.Equal(1, d.Mqtt.Disconnects, "disconnected");
            Check.Equal(0, d.Platform.Count(Cmd.Connect), "no 2004");
            d.Mqtt.SubscribeFails = false;
            d.RunUntil(DeviceState.Connected, 10 * Minute);
        }

        public void Publish_failure_of_2004_disconnects_and_retries()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Registered, 1000);
            d.Mqtt.PublishFails = true;
            d.Run(100);
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            Check.Contains("publishing the connect request failed", d.Device.Reason, "reason");
            d.Mqtt.PublishFails = false;
            d.RunUntil(DeviceState.Connected, 10 * Minute);
        }

        public void No_2005_within_the_timeout_disconnects_and_retries()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.AnswerConnect = false;
            d.RunUntil(DeviceState.Handshaking, 1000);
            Check.Equal("MQTT connected; waiting for the connect reply (2005)", d.Device.Reason, "reason while waiting");
            d.Run(Profile.ConnectReplyTimeoutMs - 200);
            Check.Equal(DeviceState.Handshaking, d.Device.State, "still waiting before the timeout");
            d.Run(300);
            Check.Equal(DeviceState.Registered, d.Device.State, "gave up");
            Check.Contains("no connect reply (2005) within 15 s", d.Device.Reason, "reason");
            Check.Equal(1, d.Mqtt.Disconnects, "disconnected");
            d.Platform.AnswerConnect = true;
            d.RunUntil(DeviceState.Connected, 10 * Minute);
            Check.Equal(2, d.Platform.Count(Cmd.Connect), "2004 sent again");
        }

        public void Connect_reply_with_respCode_other_than_0_disconnects_and_retries_keeping_the_login()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.ConnectRespCode = 3;
            d.RunUntil(DeviceState.Handshaking, 1000);
            d.Run(100);
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            Check.Contains("the platform refused the connection", d.Device.Reason, "reason");
            Check.Contains("(respCode 3)", d.Device.Reason, "reason");
            Check.Equal(1, d.Mqtt.Disconnects, "disconnected");
            Check.True(d.Device.Config.IsRegistered, "login kept");
            d.Platform.ConnectRespCode = 0;
            d.RunUntil(DeviceState.Connected, 10 * Minute);
        }

        public void Connect_reply_with_another_msgId_is_ignored()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.AnswerConnect = false;
            d.RunUntil(DeviceState.Handshaking, 1000);
            long hello = d.Platform.Last(Cmd.Connect)!.MsgId;
            d.Platform.SendWithMsgId(Cmd.ConnectReply, hello + 1, "{\"respCode\":0}");
            d.Run(100);
            Check.Equal(DeviceState.Handshaking, d.Device.State, "still waiting");
            Check.Contains("ignored a connect reply with msgId " + (hello + 1).ToString(), d.LogLines.All, "logged");
            d.Platform.SendWithMsgId(Cmd.ConnectReply, hello, "{\"respCode\":0}");
            d.Run(100);
            Check.Equal(DeviceState.Connected, d.Device.State, "the right reply connects");
        }

        public void Clock_is_synced_from_the_connect_reply()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Registered, 1000);
            d.Platform.PlatformTime = 1800000000000;
            d.RunUntilConnected();
            Check.Equal(1800000000000, d.Device.Clock.NowMs, "platform time of 2005");
            d.Run(5000);
            Check.Equal(1800000005000, d.Device.Clock.NowMs, "time runs on from there");
        }

        public void Connect_reply_without_a_data_timestamp_syncs_from_the_frame_timestamp()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.AnswerConnect = false;
            d.RunUntil(DeviceState.Handshaking, 1000);
            long hello = d.Platform.Last(Cmd.Connect)!.MsgId;
            d.Platform.PlatformTime = 1750000000000;
            d.Platform.SendWithMsgId(Cmd.ConnectReply, hello, "{\"respCode\":0}");
            d.Device.Poll();
            Check.Equal(DeviceState.Connected, d.Device.State, "state");
            Check.Equal(1750000000000, d.Device.Clock.NowMs, "frame timestamp");
        }

        public void Connection_lost_while_connected_reconnects_after_the_backoff()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true;
            d.RunUntilConnected();
            d.Mqtt.Drop("keep-alive timeout");
            d.Run(100);
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            Check.Contains("connection lost: keep-alive timeout; retry in 1 s", d.Device.Reason, "reason");
            d.Run(800);
            Check.Equal(1, d.Mqtt.Connects, "no reconnect before the backoff");
            d.Run(200);
            Check.Equal(2, d.Mqtt.Connects, "reconnected");
            d.Run(100);
            Check.Equal(DeviceState.Connected, d.Device.State, "online again");
            Check.Equal(1, d.Platform.Registrations, "same login");
        }

        public void Connection_lost_while_handshaking_reconnects_after_the_backoff()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.AnswerConnect = false;
            d.RunUntil(DeviceState.Handshaking, 1000);
            d.Mqtt.Drop("socket closed");
            d.Run(100);
            Check.Equal(DeviceState.Registered, d.Device.State, "state");
            Check.Contains("connection lost: socket closed", d.Device.Reason, "reason");
            d.Platform.AnswerConnect = true;
            d.RunUntil(DeviceState.Connected, Minute);
        }

        public void A_loss_reported_for_an_earlier_connection_does_not_drop_the_new_one()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntilConnected();
            d.Device.Disconnect();
            d.Mqtt.Drop("late notice of the old socket");
            d.Device.Connect();
            d.RunUntilConnected();
            d.Run(5000);
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
            Check.Equal(2, d.Mqtt.Connects, "connects");
        }

        public void Topics_stay_those_of_the_login_until_the_device_registers_again_even_across_a_reboot()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Null(d.Device.SetConfig(ConfigKeys.ProductCode, "P-NEW"), "productCode");
            Check.Equal("clife/P-TEST/dev-1/down", d.Device.DownTopic, "unchanged while online");
            d.Boot();
            d.RunUntilConnected();
            Check.Equal("clife/P-TEST/dev-1/down", (string)d.Mqtt.Subscriptions[d.Mqtt.Subscriptions.Count - 1]!, "the login's topic after a reboot");
            Check.Equal("clife/P-TEST/dev-1/up", d.Mqtt.LastOptions!.WillTopic, "the login's will topic");
            long msgId = d.Platform.Send(Cmd.Query, "{}");
            d.Run(100);
            Check.NotNull(d.Platform.ReplyTo(msgId, Cmd.QueryReply), "still hears the platform");
            d.Type("register");
            d.RunUntilConnected();
            Check.Equal("P-NEW", d.Platform.LastRequest!.ProductCode, "registered as the new product");
            Check.Equal("clife/P-NEW/dev-2/down", d.Device.DownTopic, "the new login's topic");
        }

        public void Backoff_is_reset_after_60_s_of_stable_connection()
        {
            DeviceHarness d = GrownBackoff();
            d.Run(Profile.BackoffResetAfterMs);
            d.Mqtt.Drop("broker gone");
            d.Run(100);
            Check.Equal(Profile.BackoffBaseMs, d.Device.RetryInMs, "back to the base delay");
        }

        public void Backoff_keeps_growing_when_the_connection_drops_within_60_s()
        {
            DeviceHarness d = GrownBackoff();
            d.Run(30000);
            d.Mqtt.Drop("broker gone");
            d.Run(100);
            Check.Equal(16000, d.Device.RetryInMs, "fifth failure waits 16 s");
        }

        /// <summary>Connected after four failed connects (waits of 1, 2, 4 and 8 s), with full-ceiling jitter.</summary>
        private static DeviceHarness GrownBackoff()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true;
            d.RunUntil(DeviceState.Registered, 1000);
            for (int i = 0; i < 4; i++) d.Mqtt.NextConnect(MqttConnectResult.ServerUnavailable);
            d.RunUntil(DeviceState.Connected, Minute);
            Check.Equal(5, d.Mqtt.Connects, "connects");
            return d;
        }

        private static Counter Connects(DeviceHarness d) => () => d.Mqtt.Connects;

        private static void RunUntilNextConnect(DeviceHarness d)
        {
            int before = d.Mqtt.Connects;
            for (int i = 0; i < 6000 && d.Mqtt.Connects == before; i++) d.Run(100);
            Check.Equal(before + 1, d.Mqtt.Connects, "one more connect attempt within 10 minutes");
        }
    }
}

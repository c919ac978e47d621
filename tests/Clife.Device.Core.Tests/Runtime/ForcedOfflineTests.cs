using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>
    /// Forced offline (2017, protocol.md section 6): reply 2016, disconnect, and stay away for data.seconds, or without
    /// seconds until the console's connect or a reboot.
    /// </summary>
    public sealed class ForcedOfflineTests
    {
        private const long Minute = 60000;

        public void Forced_offline_with_seconds_replies_disconnects_and_reconnects_after_the_hold()
        {
            DeviceHarness d = CommandTests.Online(null);
            long msgId = d.Platform.Send(Cmd.ForceOffline, "{\"seconds\":30}");
            d.Run(100);
            ResultReply r = CommandTests.Result(CommandTests.Reply(d, msgId, Cmd.ForceOfflineReply));
            Check.Equal(0, r.RespCode, "respCode");
            Check.Equal(DeviceState.Offline, d.Device.State, "state");
            Check.Equal("forced offline by the platform for 30 s", d.Device.Reason, "reason");
            Check.Equal(1, d.Mqtt.Disconnects, "disconnected");
            Check.False(d.Mqtt.IsConnected, "link closed");
            int connects = d.Mqtt.Connects;
            d.Run(29800);
            Check.Equal(connects, d.Mqtt.Connects, "no connect attempt during the hold");
            Check.Equal(DeviceState.Offline, d.Device.State, "still offline");
            d.Run(300);
            Check.Equal(connects + 1, d.Mqtt.Connects, "reconnected after the hold");
            d.RunUntilConnected();
            Check.Equal(1, d.Platform.Registrations, "same login");
        }

        public void Status_shows_how_long_a_timed_hold_has_left()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.Send(Cmd.ForceOffline, "{\"seconds\":30}");
            d.Run(100); // the hold starts when the 2017 is handled
            d.Run(10000);
            Check.Contains("back online in 20 s", d.Type("status"), "status");
            Check.Equal(20000, d.Device.OfflineRemainingMs, "remaining");
        }

        public void The_2016_reply_is_published_before_the_disconnect()
        {
            DeviceHarness d = CommandTests.Online(null);
            int published = d.Mqtt.Published.Count;
            long msgId = d.Platform.Send(Cmd.ForceOffline, "{}");
            d.Run(100);
            Check.Equal(published + 1, d.Mqtt.Published.Count, "one publication");
            Check.NotNull(d.Platform.ReplyTo(msgId, Cmd.ForceOfflineReply), "it is the 2016");
        }

        public void Forced_offline_without_seconds_stays_offline_until_the_console_connects()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.Send(Cmd.ForceOffline, "{}");
            d.Run(100);
            Check.Equal(DeviceState.Offline, d.Device.State, "state");
            Check.Equal("forced offline by the platform until reboot or the console's connect", d.Device.Reason, "reason");
            int connects = d.Mqtt.Connects;
            d.Run(60 * Minute);
            Check.Equal(connects, d.Mqtt.Connects, "no connect attempt in an hour");
            Check.Contains("connecting", d.Type("connect"), "console");
            d.RunUntilConnected();
        }

        public void Forced_offline_without_seconds_ends_with_a_reboot()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.Send(Cmd.ForceOffline, "{}");
            d.Run(100);
            Check.Equal(DeviceState.Offline, d.Device.State, "state");
            d.Boot();
            d.RunUntilConnected();
            Check.Equal(1, d.Platform.Registrations, "same login");
        }

        public void Console_connect_ends_a_timed_hold_early()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.Send(Cmd.ForceOffline, "{\"seconds\":3600}");
            d.Run(100);
            d.Type("connect");
            d.RunUntil(DeviceState.Connected, 1000);
        }

        public void Zero_seconds_reconnects_at_once()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.Send(Cmd.ForceOffline, "{\"seconds\":0}");
            d.Run(100);
            d.RunUntil(DeviceState.Connected, 1000);
            Check.Equal(2, d.Mqtt.Connects, "connected again");
        }

        public void Reports_made_during_the_hold_are_published_after_it()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Platform.Send(Cmd.ForceOffline, "{\"seconds\":10}");
            d.Run(100);
            int reports = d.Platform.Count(Cmd.Report);
            d.Device.Report(Profile.PrioHigh);
            Check.Equal(1, d.Device.QueuedFrames, "queued during the hold");
            d.Run(10000);
            d.RunUntilConnected();
            Check.True(d.Platform.Count(Cmd.Report) >= reports + 1, "published after the hold");
            Check.Equal(0, d.Device.QueuedFrames, "queue empty");
        }

        public void A_repeated_2017_after_the_reconnect_is_answered_from_the_cache_and_not_obeyed_again()
        {
            DeviceHarness d = CommandTests.Online(null);
            long msgId = d.Platform.Send(Cmd.ForceOffline, "{\"seconds\":5}");
            d.Run(100);
            d.Run(5000);
            d.RunUntilConnected();
            d.Platform.SendWithMsgId(Cmd.ForceOffline, msgId, "{\"seconds\":5}");
            d.Run(100);
            Check.Equal(DeviceState.Connected, d.Device.State, "stays online");
            Check.Equal(2, d.Platform.Count(Cmd.ForceOfflineReply), "answered again");
        }
    }
}

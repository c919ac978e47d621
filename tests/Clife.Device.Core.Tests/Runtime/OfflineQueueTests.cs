using Clife.Device.Hal;
using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>
    /// Reports made while the broker is gone (protocol.md section 6): kept in a bounded queue that drops the oldest
    /// frame of the lowest priority first, and published after the reconnect, high priority first, FIFO within one.
    /// </summary>
    public sealed class OfflineQueueTests
    {
        public void Reports_made_while_the_broker_is_gone_are_published_after_reconnect_by_priority_then_age()
        {
            DeviceHarness d = BrokerGone();
            Report(d, 1, Profile.PrioLow);
            Report(d, 2, Profile.PrioHigh);
            Report(d, 3, Profile.PrioMedium);
            Report(d, 4, Profile.PrioHigh);
            Report(d, 5, Profile.PrioLow);
            Report(d, 6, Profile.PrioMedium);
            Report(d, 7, 9); // any prio >= 2 is high
            Check.Equal(7, d.Device.QueuedFrames, "queued");
            int from = d.Platform.Frames.Count;
            d.RunUntilConnected();
            Check.Equal("2 4 7 3 6 1 5", Brightness(d, from, 7), "publish order");
            Check.Equal(0, d.Device.QueuedFrames, "queue empty");
            Check.Equal(0, d.Device.DroppedFrames, "nothing dropped");
        }

        public void Queued_reports_are_published_exactly_once()
        {
            DeviceHarness d = BrokerGone();
            for (int i = 1; i <= 3; i++) Report(d, i, Profile.PrioMedium);
            Check.True(d.Model.SetInteger("brightness", 77), "a value no queued report has");
            d.RunUntilConnected();
            d.Run(10000);
            for (int i = 1; i <= 3; i++)
            {
                int n = 0;
                for (int j = 0; j < d.Platform.Frames.Count; j++)
                {
                    DeviceFrame f = (DeviceFrame)d.Platform.Frames[j]!;
                    if (f.Cmd == Cmd.Report && f.Text.IndexOf("\"brightness\":" + i.ToString() + ",") >= 0) n++;
                }
                Check.Equal(1, n, "copies of report " + i.ToString());
            }
        }

        public void Full_queue_drops_the_oldest_reports_and_counts_them()
        {
            DeviceHarness d = BrokerGone();
            int extra = 8;
            for (int i = 0; i < Profile.OfflineQueueFrames + extra; i++) Report(d, i, Profile.PrioLow);
            Check.Equal(Profile.OfflineQueueFrames, d.Device.QueuedFrames, "bounded by frames");
            Check.Equal(extra, d.Device.DroppedFrames, "dropped");
            Check.Contains("outbound queue full", d.LogLines.All, "logged");
            int from = d.Platform.Frames.Count;
            d.RunUntilConnected();
            Check.Equal("8 9 10", Brightness(d, from, 3), "the newest are kept");
        }

        public void Full_queue_drops_the_oldest_of_the_lowest_priority_first()
        {
            DeviceHarness d = BrokerGone();
            Report(d, 100, Profile.PrioHigh);
            for (int i = 0; i < Profile.OfflineQueueFrames - 1; i++) Report(d, i, Profile.PrioLow);
            for (int i = 0; i < 3; i++) Report(d, 90 + i, Profile.PrioMedium);
            Check.Equal(3, d.Device.DroppedFrames, "dropped");
            int from = d.Platform.Frames.Count;
            d.RunUntilConnected();
            Check.Equal("100 90 91 92 3 4 5", Brightness(d, from, 7), "high kept, mediums next, the three oldest lows gone");
        }

        public void A_low_report_is_dropped_when_the_queue_is_full_of_higher_ones()
        {
            DeviceHarness d = BrokerGone();
            for (int i = 0; i < Profile.OfflineQueueFrames; i++) Report(d, i, Profile.PrioHigh);
            Report(d, 99, Profile.PrioLow);
            Check.Equal(1, d.Device.DroppedFrames, "the new low frame was dropped");
            int from = d.Platform.Frames.Count;
            d.RunUntilConnected();
            Check.Equal("0 1 2", Brightness(d, from, 3), "the high ones are all kept");
        }

        public void A_report_whose_publish_fails_stays_queued_until_the_next_connection()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Mqtt.PublishFails = true;
            Report(d, 42, Profile.PrioHigh);
            Check.Equal(DeviceState.Registered, d.Device.State, "a failed publish is a lost connection");
            Check.Equal(1, d.Device.QueuedFrames, "still queued");
            d.Mqtt.PublishFails = false;
            int from = d.Platform.Frames.Count;
            d.RunUntilConnected();
            Check.Equal("42", Brightness(d, from, 1), "published after the reconnect");
        }

        public void Queue_waits_while_reconnects_fail()
        {
            DeviceHarness d = BrokerGone();
            for (int i = 0; i < 5; i++) d.Mqtt.NextConnect(MqttConnectResult.ServerUnavailable);
            Report(d, 1, Profile.PrioMedium);
            d.Run(30000);
            Check.Equal(1, d.Device.QueuedFrames, "still queued while reconnects fail");
            int from = d.Platform.Frames.Count;
            d.RunUntil(DeviceState.Connected, 10 * 60000);
            Check.Equal("1", Brightness(d, from, 1), "published once online");
        }

        /// <summary>An online device whose broker just went away; it waits for its reconnect backoff.</summary>
        private static DeviceHarness BrokerGone()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Random.AlwaysMax = true;
            d.Mqtt.Drop("broker gone");
            d.Device.Poll();
            Check.Equal(DeviceState.Registered, d.Device.State, "offline");
            return d;
        }

        /// <summary>Makes a report whose brightness identifies it.</summary>
        private static void Report(DeviceHarness d, int tag, int prio)
        {
            Check.True(d.Model.SetInteger("brightness", tag % 101), "brightness " + tag.ToString());
            d.Device.Report(prio);
        }

        /// <summary>The brightness of the first <paramref name="count"/> reports published from frame index <paramref name="from"/>.</summary>
        private static string Brightness(DeviceHarness d, int from, int count)
        {
            string result = "";
            int found = 0;
            for (int i = from; i < d.Platform.Frames.Count && found < count; i++)
            {
                DeviceFrame f = (DeviceFrame)d.Platform.Frames[i]!;
                if (f.Cmd != Cmd.Report) continue;
                string text = f.Text;
                int at = text.IndexOf("\"brightness\":") + 13;
                int end = text.IndexOf(",", at);
                result += (found > 0 ? " " : "") + text.Substring(at, end - at);
                found++;
            }
            return result;
        }
    }
}

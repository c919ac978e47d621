using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>Data reports (2006, protocol.md section 6): on connect, periodically at the configured period, and on change.</summary>
    public sealed class ReportTests
    {
        private const long Minute = 60000;

        public void Report_carries_every_point_on_the_up_topic_with_medium_priority()
        {
            DeviceHarness d = CommandTests.Online(null);
            DeviceFrame report = d.Platform.Last(Cmd.Report)!;
            Check.Contains("\"cmd\":2006,\"ver\":\"1.0\",\"dir\":\"03\"", report.Text, "envelope");
            Check.DoesNotContain("\"prio\"", report.Text, "medium priority is the default and not written");
            Check.Contains("\"data\":{\"power\":false,\"brightness\":50,\"mode\":\"auto\",\"temperature\":21}}", report.Text, "data");
            PublishedMessage last = (PublishedMessage)d.Mqtt.Published[d.Mqtt.Published.Count - 1]!;
            Check.Equal("clife/P-TEST/dev-1/up", last.Topic, "topic");
            Check.Equal(1, last.Qos, "QoS");
        }

        public void Reports_come_at_the_configured_period()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Contains("reportPeriod saved", d.Type("config set reportPeriod 10"), "console");
            d.RunUntilConnected();
            Check.Equal(1, d.Platform.Count(Cmd.Report), "a report on connect");
            long connectedAt = d.Clock.NowMs;
            long[] times = d.TimesOf(Reports(d), 65000, 100);
            Check.Equal(6, times.Length, "every 10 s for a minute");
            Check.Equal(10000, times[0] - connectedAt, "first period");
            for (int i = 1; i < times.Length; i++) Check.Equal(10000, times[i] - times[i - 1], "period");
        }

        public void Default_period_is_five_minutes()
        {
            DeviceHarness d = CommandTests.Online(null);
            long[] times = d.TimesOf(Reports(d), 16 * Minute, 1000);
            Check.Equal(3, times.Length, "reports in 16 minutes after the one at connect");
            Check.Equal(5 * Minute, times[1] - times[0], "period");
        }

        public void Period_0_sends_no_periodic_report_but_changes_are_still_reported()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.ReportPeriod, "0"), "reportPeriod");
            d.RunUntilConnected();
            d.Run(30 * Minute);
            Check.Equal(0, d.Platform.Count(Cmd.Report), "no periodic report");
            d.Model.SetInteger("temperature", 30);
            d.Run(100);
            Check.Equal(1, d.Platform.Count(Cmd.Report), "the change is reported");
        }

        public void A_new_period_takes_effect_without_waiting_for_the_old_one()
        {
            DeviceHarness d = CommandTests.Online(null);
            int before = d.Platform.Count(Cmd.Report);
            Check.Contains("reportPeriod saved", d.Type("config set reportPeriod 10"), "console");
            d.Run(20000);
            Check.True(d.Platform.Count(Cmd.Report) >= before + 1, "reported within 20 s of setting a 10 s period");
        }

        public void Turning_the_period_off_stops_periodic_reports()
        {
            DeviceHarness d = CommandTests.Online(null);
            int before = d.Platform.Count(Cmd.Report);
            Check.Null(d.Device.SetConfig(ConfigKeys.ReportPeriod, "0"), "reportPeriod");
            d.Run(20 * Minute);
            Check.Equal(before, d.Platform.Count(Cmd.Report), "no report");
        }

        public void A_local_change_triggers_a_report_with_the_new_value()
        {
            DeviceHarness d = CommandTests.Online(null);
            int before = d.Platform.Count(Cmd.Report);
            Check.True(d.Model.SetInteger("temperature", 25), "set");
            d.Run(100);
            Check.Equal(before + 1, d.Platform.Count(Cmd.Report), "reported");
            Check.Contains("\"temperature\":25", d.Platform.Last(Cmd.Report)!.Text, "new value");
            Check.True(d.Model.SetText("mode", "eco"), "set text");
            d.Run(100);
            Check.Equal(before + 2, d.Platform.Count(Cmd.Report), "text change reported");
        }

        public void Setting_the_same_value_again_is_not_a_change()
        {
            DeviceHarness d = CommandTests.Online(null);
            int before = d.Platform.Count(Cmd.Report);
            Check.True(d.Model.SetInteger("temperature", 21), "same value");
            d.Run(1000);
            Check.Equal(before, d.Platform.Count(Cmd.Report), "no report");
        }

        public void A_change_report_restarts_the_period()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Null(d.Device.SetConfig(ConfigKeys.ReportPeriod, "10"), "reportPeriod");
            d.RunUntilConnected();
            d.Run(5000);
            d.Model.SetInteger("temperature", 22);
            long[] times = d.TimesOf(Reports(d), 21000, 100);
            Check.Equal(3, times.Length, "change report, then two periodic ones");
            Check.Equal(10000, times[1] - times[0], "period counted from the change report");
        }

        public void Reports_have_distinct_increasing_msgIds()
        {
            DeviceHarness d = CommandTests.Online(null);
            for (int i = 0; i < 5; i++) d.Device.Report(Profile.PrioMedium);
            long last = -1;
            for (int i = 0; i < d.Platform.Frames.Count; i++)
            {
                DeviceFrame f = (DeviceFrame)d.Platform.Frames[i]!;
                if (f.Cmd != Cmd.Report) continue;
                Check.True(f.MsgId > last, "msgId " + f.MsgId.ToString() + " after " + last.ToString());
                last = f.MsgId;
            }
        }

        public void Report_without_a_login_is_not_queued()
        {
            DeviceHarness d = new DeviceHarness(false);
            d.Device.Report(Profile.PrioHigh);
            Check.Equal(0, d.Device.QueuedFrames, "nothing queued");
            Check.Contains("report not sent: the device has no login", d.LogLines.All, "logged");
        }

        private static Counter Reports(DeviceHarness d) => () => d.Platform.Count(Cmd.Report);
    }
}

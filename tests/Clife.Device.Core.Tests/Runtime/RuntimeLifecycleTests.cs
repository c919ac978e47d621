using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>The main path: a provisioned device registers, connects, answers and reports; its login survives a reboot.</summary>
    public sealed class RuntimeLifecycleTests
    {
        public void Provisioned_device_registers_connects_and_goes_online()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Connected, 5000);

            Check.Equal(1, d.Platform.Registrations, "registrations");
            Check.Equal("http://platform.local/device/register?authLevel=2&productCode=P-TEST", d.Platform.LastUrl, "register URL");
            Check.Equal("24d7eb0a1b2c", d.Platform.LastRequest!.Mac, "mac sent");
            Check.Equal("dev-1", d.Device.Config.LoginDevId, "login devId");
            Check.Equal("clife/P-TEST/dev-1/down", (string)d.Mqtt.Subscriptions[0]!, "subscription");
            Check.Equal("dev-1", d.Mqtt.LastOptions!.ClientId, "client id");
            Check.Equal("secret-1-xyz", d.Mqtt.LastOptions.Password, "password");
            Check.False(d.Mqtt.LastOptions.CleanSession, "clean session");
            Check.Equal(60, d.Mqtt.LastOptions.KeepAliveSeconds, "keep-alive");
            Check.Equal("clife/P-TEST/dev-1/up", d.Mqtt.LastOptions.WillTopic, "will topic");
            Check.Contains("\"cmd\":2014", Clife.Device.Text.Utf8.GetString(d.Mqtt.LastOptions.WillPayload, 0, d.Mqtt.LastOptions.WillPayload.Length), "will payload");
            Check.Equal(1, d.Platform.Count(Cmd.Connect), "2004 sent");
            Check.True(d.Device.Clock.IsSynced, "clock synced from the platform");
        }

        public void Login_survives_a_reboot_and_is_not_registered_again()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Connected, 5000);
            d.Boot();
            d.RunUntil(DeviceState.Connected, 5000);
            Check.Equal(1, d.Platform.Registrations, "registrations");
            Check.Equal(2, d.Platform.Count(Cmd.Connect), "2004 per connection");
        }

        public void Query_is_answered_with_every_data_point()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Connected, 5000);
            long msgId = d.Platform.Send(Cmd.Query, "{}");
            d.Run(100);
            DeviceFrame? reply = d.Platform.ReplyTo(msgId, Cmd.QueryReply);
            Check.NotNull(reply, "2008");
            Check.Contains("\"data\":{\"respCode\":0,\"power\":false,\"brightness\":50,\"mode\":\"auto\",\"temperature\":21}", reply!.Text, "reply");
        }

        public void Control_is_applied_answered_and_reported()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.RunUntil(DeviceState.Connected, 5000);
            int reportsBefore = d.Platform.Count(Cmd.Report);
            long msgId = d.Platform.Send(Cmd.Control, "{\"power\":true,\"brightness\":80}");
            d.Run(100);
            DeviceFrame? reply = d.Platform.ReplyTo(msgId, Cmd.ControlReply);
            Check.NotNull(reply, "2010");
            Check.Contains("\"data\":{\"respCode\":0,\"power\":true,\"brightness\":80}", reply!.Text, "reply");
            Check.Equal(reportsBefore + 1, d.Platform.Count(Cmd.Report), "a report follows the control");
            Check.Contains("\"brightness\":80", d.Platform.Last(Cmd.Report)!.Text, "report");
        }
    }
}

using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>
    /// The console's actions: register, connect, disconnect, report, log, reboot, and unbind and factory-reset with
    /// their confirmation; each with good and bad arguments.
    /// </summary>
    public sealed class ConsoleCommandTests
    {
        private const string Prompt = ConsoleTests.Prompt;

        public void Register_registers_again_now_and_replaces_the_login()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Equal("registering\r\n" + Prompt, d.Type("register"), "output");
            d.RunUntilConnected();
            Check.Equal(2, d.Platform.Registrations, "registered again");
            Check.Equal("dev-2", d.Device.Config.LoginDevId, "new login");
        }

        public void Register_skips_a_pending_backoff()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Random.AlwaysMax = true;
            d.Platform.RegisterStatus = 500;
            d.Run(20000);
            int attempts = d.Platform.Registrations;
            d.Platform.RegisterStatus = 200;
            d.Type("register");
            d.Device.Poll();
            Check.Equal(attempts + 1, d.Platform.Registrations, "registered at once");
        }

        public void Disconnect_goes_and_stays_offline_until_connect()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Equal("disconnected; type connect to go online again\r\n" + Prompt, d.Type("disconnect"), "output");
            Check.Equal(DeviceState.Offline, d.Device.State, "state");
            Check.Equal(1, d.Mqtt.Disconnects, "link closed");
            Check.Contains("state:      offline (disconnected from the console; type connect to go online)", d.Type("status"), "status");
            d.Run(30 * 60000);
            Check.Equal(1, d.Mqtt.Connects, "no reconnect while offline");
            Check.Equal("connecting\r\n" + Prompt, d.Type("connect"), "output");
            d.RunUntil(DeviceState.Connected, 1000);
        }

        public void Connect_skips_a_pending_reconnect_backoff()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Random.AlwaysMax = true;
            for (int i = 0; i < 6; i++) d.Mqtt.NextConnect(Clife.Device.Hal.MqttConnectResult.ServerUnavailable);
            d.Mqtt.Drop("broker gone");
            d.Run(70000); // six failures; the next wait is 64 s
            int connects = d.Mqtt.Connects;
            d.Type("connect");
            d.Device.Poll();
            Check.Equal(connects + 1, d.Mqtt.Connects, "connected at once");
        }

        public void Connect_while_online_changes_nothing()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Equal("connecting\r\n" + Prompt, d.Type("connect"), "output");
            d.Run(1000);
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
            Check.Equal(1, d.Mqtt.Connects, "no second connection");
        }

        public void Report_sends_a_report_with_the_chosen_priority()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Equal("report sent\r\n" + Prompt, d.Type("report"), "output");
            Check.Equal(Profile.PrioMedium, d.Platform.Last(Cmd.Report)!.Prio, "default medium");
            d.Type("report high");
            Check.Equal(Profile.PrioHigh, d.Platform.Last(Cmd.Report)!.Prio, "high");
            d.Type("report low");
            Check.Equal(Profile.PrioLow, d.Platform.Last(Cmd.Report)!.Prio, "low");
            d.Type("report medium");
            Check.Equal(Profile.PrioMedium, d.Platform.Last(Cmd.Report)!.Prio, "medium");
        }

        public void Report_with_a_bad_argument_is_a_usage_error_and_sends_nothing()
        {
            DeviceHarness d = CommandTests.Online(null);
            int reports = d.Platform.Count(Cmd.Report);
            string usage = "error: usage: report [low|medium|high]\r\n" + Prompt;
            Check.Equal(usage, d.Type("report urgent"), "unknown priority");
            Check.Equal(usage, d.Type("report low high"), "two priorities");
            Check.Equal(usage, d.Type("report HIGH"), "case matters");
            Check.Equal(reports, d.Platform.Count(Cmd.Report), "nothing sent");
        }

        public void Report_while_the_broker_is_gone_is_queued()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Mqtt.Drop("broker gone");
            d.Run(100);
            Check.Equal("report queued until the device is online\r\n" + Prompt, d.Type("report high"), "output");
            Check.Equal(1, d.Device.QueuedFrames, "queued");
        }

        public void Report_without_a_login_is_an_error()
        {
            DeviceHarness d = new DeviceHarness(false);
            Check.Equal("error: the device has no login yet, so there is nowhere to report to; nothing was sent\r\n" + Prompt, d.Type("report"), "output");
            Check.Equal(0, d.Device.QueuedFrames, "nothing queued");
        }

        public void Log_shows_the_last_20_lines_by_default_or_the_last_n()
        {
            DeviceHarness d = CommandTests.Online(null);
            for (int i = 0; i < 30; i++) d.Device.Log.Write("line " + i.ToString());
            string now = DeviceLog.FormatUptime(d.Clock.NowMs);
            string all = d.Type("log");
            Check.Equal(20, Lines(all), "default");
            Check.Contains("INFO line 29\r\n", all, "newest");
            Check.Contains("INFO line 10\r\n", all, "oldest shown");
            Check.DoesNotContain("INFO line 9\r\n", all, "older not shown");
            Check.Equal(now + " INFO line 28\r\n" + now + " INFO line 29\r\n" + Prompt, d.Type("log 2"), "log 2");
            for (int i = 0; i < 70; i++) d.Device.Log.Write("more " + i.ToString());
            Check.Equal(64, Lines(d.Type("log 1000")), "at most what the ring keeps");
        }

        public void Log_with_a_bad_argument_is_a_usage_error()
        {
            DeviceHarness d = new DeviceHarness(true);
            string usage = "error: usage: log [n] with n a positive number\r\n" + Prompt;
            Check.Equal(usage, d.Type("log 0"), "zero");
            Check.Equal(usage, d.Type("log -3"), "negative");
            Check.Equal(usage, d.Type("log many"), "text");
            Check.Equal(usage, d.Type("log 1 2"), "two numbers");
            Check.Equal(usage, d.Type("log 99999999999"), "too big");
        }

        public void Commands_that_take_no_arguments_refuse_them_and_do_nothing()
        {
            DeviceHarness d = CommandTests.Online(null);
            string[] commands = { "reboot", "register", "connect", "disconnect", "unbind", "factory-reset", "status" };
            for (int i = 0; i < commands.Length; i++)
            {
                Check.Equal("error: usage: " + commands[i] + " (it takes no arguments)\r\n" + Prompt, d.Type(commands[i] + " now"), commands[i]);
            }
            d.Run(1000);
            Check.Equal(0, d.System.Reboots, "not rebooted");
            Check.Equal(1, d.Platform.Registrations, "not registered again");
            Check.Equal(0, d.Mqtt.Disconnects, "not disconnected");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
            Check.Contains("config show ", d.Type("help me"), "help takes anything");
        }

        public void Unbind_asks_first_and_no_cancels()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Equal("Erase the login and register again? Type yes to confirm: ", d.Type("unbind"), "question, no prompt");
            Check.Equal("cancelled\r\n" + Prompt, d.Type("no"), "cancelled");
            d.Run(1000);
            Check.Equal("dev-1", d.Device.Config.LoginDevId, "login kept");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void Unbind_confirmed_with_yes_erases_the_login_and_registers_again()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Type("unbind");
            Check.Equal("login erased; registering again\r\n" + Prompt, d.Type(" yes "), "confirmed");
            d.RunUntilConnected();
            Check.Equal("dev-2", d.Device.Config.LoginDevId, "new login");
        }

        public void Anything_but_yes_cancels_a_confirmation_and_is_not_run()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Type("unbind");
            Check.Equal("cancelled\r\n" + Prompt, d.Type("reboot"), "a command does not confirm");
            Check.Equal(0, d.System.Reboots, "and does not run");
            d.Type("unbind");
            Check.Equal("cancelled\r\n" + Prompt, d.Type("YES"), "only yes confirms");
            d.Type("factory-reset");
            Check.Equal("cancelled\r\n" + Prompt, d.Type(""), "an empty line cancels");
            Check.Equal("dev-1", d.Device.Config.LoginDevId, "login kept");
        }

        public void Ctrl_C_cancels_a_confirmation()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Type("factory-reset");
            Check.Equal(Prompt, d.TypeBytes(new byte[] { 0x03 }), "back to the prompt");
            Check.Contains("error: unknown command \"yes\"", d.Type("yes"), "a later yes confirms nothing");
            Check.Equal(0, d.System.Reboots, "not reset");
            Check.Equal("dev-1", d.Device.Config.LoginDevId, "login kept");
        }

        public void A_rejected_line_cancels_a_confirmation()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Type("factory-reset");
            d.TypeBytes(JsonText.Raw("yes\xFF\r\n"));
            Check.Contains("error: unknown command \"yes\"", d.Type("yes"), "a later yes confirms nothing");
            Check.Equal(0, d.System.Reboots, "not reset");
        }

        public void Factory_reset_asks_first_and_no_cancels()
        {
            DeviceHarness d = CommandTests.Online(null);
            int operations = d.Flash.Operations;
            Check.Equal("Erase ALL settings, including Wi-Fi and devKey, and reboot? Type yes to confirm: ", d.Type("factory-reset"), "question");
            Check.Equal("cancelled\r\n" + Prompt, d.Type("no"), "cancelled");
            Check.Equal(operations, d.Flash.Operations, "flash untouched");
            Check.Equal(0, d.System.Reboots, "no reboot");
        }

        public void Factory_reset_confirmed_erases_the_flash_record_and_reboots()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Type("factory-reset");
            Check.Equal("erasing the configuration and rebooting\r\n", d.Type("yes"), "output, no prompt");
            Check.Equal(1, d.System.Reboots, "rebooted");
            Check.Equal(DeviceState.Stopped, d.Device.State, "runtime stopped");
            int start = d.Layout.OffsetOf(Clife.Device.Storage.StorageLayout.Config);
            int size = d.Layout.SizeOf(Clife.Device.Storage.StorageLayout.Config);
            for (int i = start; i < start + size; i++)
            {
                if (d.Flash.Image[i] != 0xFF) Check.Fail("configuration area not erased at offset " + (i - start).ToString());
            }
            d.Boot();
            DeviceConfig c = d.Device.Config;
            Check.False(c.IsRegistered, "no login");
            Check.Equal("", c.DevKey, "no devKey");
            Check.Equal("", c.WifiSsid, "no Wi-Fi");
            d.Run(100);
            Check.Equal(DeviceState.Unconfigured, d.Device.State, "unconfigured after the reboot");
        }

        public void Reboot_reboots_and_the_device_comes_back_with_its_login()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Equal("rebooting\r\n", d.Type("reboot"), "output, no prompt");
            Check.Equal(1, d.System.Reboots, "rebooted");
            Check.Equal(DeviceState.Stopped, d.Device.State, "runtime stopped");
            Check.Equal(1, d.Mqtt.Disconnects, "disconnected cleanly first");
            d.Device.Poll();
            Check.Equal(1, d.System.Reboots, "a stopped runtime does nothing more");
            d.Boot();
            d.RunUntilConnected();
            Check.Equal(1, d.Platform.Registrations, "same login");
        }

        public void Command_groups_added_from_outside_get_their_lines_their_help_and_their_confirmations()
        {
            DeviceHarness d = CommandTests.Online(null);
            RecordingCommand ota = new RecordingCommand();
            d.Console.Add(ota);
            Check.Contains("ota status                   what the extension does\r\n", d.Type("help"), "help of the group");
            Check.Equal("ota got 3 words\r\n" + Prompt, d.Type("ota  status  now"), "run with its words");
            Check.Equal("Really? Type yes to confirm: ", d.Type("ota risky"), "its question");
            Check.Equal("confirmed risky\r\n" + Prompt, d.Type("yes"), "its confirmation");
            d.Type("ota risky");
            Check.Equal("cancelled\r\n" + Prompt, d.Type("no"), "cancelled");
            Check.Equal(1, ota.Confirmations, "confirmed once");
        }

        private static int Lines(string output)
        {
            int n = 0;
            for (int i = 0; i < output.Length; i++) if (output[i] == '\n') n++;
            return n;
        }
    }
}

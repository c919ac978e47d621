using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Shell;

namespace Clife.Device.Tests
{
    /// <summary>
    /// The technician's console driven over its byte stream: greeting, help, status, config show, errors with hints,
    /// and line editing as the console sees it.
    /// </summary>
    public sealed class ConsoleTests
    {
        internal const string Prompt = ServiceConsole.Prompt;

        public void Greeting_names_the_console_and_prompts()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Console.Greet();
            Check.Equal("clife device console. Type help for the commands.\r\n" + Prompt, d.ConsoleStream.TakeOutput(), "greeting");
        }

        public void Help_lists_every_command_and_every_settable_key()
        {
            DeviceHarness d = new DeviceHarness(true);
            string help = d.Type("help");
            string[] commands =
            {
                "status ", "config show ", "config set <key> <value> ", "config set ca ", "config clear <key> ", "register ",
                "connect | disconnect ", "unbind ", "factory-reset ", "reboot ", "log [n] ", "report [low|medium|high] ",
            };
            for (int i = 0; i < commands.Length; i++) Check.Contains("\r\n" + commands[i], "\r\n" + help, "help lists " + commands[i]);
            for (int i = 0; i < ConfigKeys.Settable.Length; i++) Check.Contains(ConfigKeys.Settable[i], help, "help lists key " + ConfigKeys.Settable[i]);
            Check.True(help.EndsWith("\r\n" + Prompt), "ends with the prompt");
        }

        public void Every_command_line_ends_with_one_prompt()
        {
            DeviceHarness d = CommandTests.Online(null);
            string[] lines = { "help", "status", "config show", "log 2", "report", "config set reportPeriod 60", "nonsense", "config set colour red", "" };
            for (int i = 0; i < lines.Length; i++)
            {
                string output = d.Type(lines[i]);
                Check.True(output.EndsWith(Prompt), "\"" + lines[i] + "\" ends with the prompt");
                Check.Equal(output.Length - Prompt.Length, output.IndexOf(Prompt), "\"" + lines[i] + "\" prompts once");
            }
        }

        public void Status_of_an_unconfigured_device_shows_the_state_and_what_is_missing()
        {
            DeviceHarness d = new DeviceHarness(false);
            d.Run(100);
            string status = d.Type("status");
            Check.Contains("state:      unconfigured (authLevel 2 needs the product code: config set productCode <code>)\r\n", status, "state");
            Check.Contains("device:     devId (none), product (not set)\r\n", status, "ids");
            Check.Contains("broker:     (not registered)\r\n", status, "broker");
        }

        public void Status_of_an_online_device_shows_state_versions_server_ids_network_broker_uptime_queue_error_and_memory()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Clock.Advance(90061000 - (d.Clock.NowMs - d.Device.StartedAtMs)); // 1 day, 1 hour, 1 minute and 1 second up
            string status = d.Type("status");
            Check.Contains("state:      connected (online)\r\n", status, "state");
            Check.Contains("firmware:   software 1.0.0.0, hardware 1.0, productVer 1\r\n", status, "versions");
            Check.Contains("server:     http://platform.local (authLevel 2)\r\n", status, "server");
            Check.Contains("device:     devId dev-1, product P-TEST\r\n", status, "ids");
            Check.Contains("network:    ip 192.168.1.50, rssi -48 dBm, mac 24d7eb0a1b2c\r\n", status, "network");
            Check.Contains("broker:     broker.local:1883 (plain)\r\n", status, "broker");
            Check.Contains("uptime:     1d 01:01:01\r\n", status, "uptime");
            Check.Contains("queue:      0 frames waiting, 0 dropped\r\n", status, "queue");
            Check.Contains("last error: none\r\n", status, "last error");
            Check.Contains("memory:     free 61234 bytes, largest block 20480 bytes\r\n", status, "memory");
        }

        public void Status_shows_the_reason_of_a_failure_the_last_error_the_queue_and_a_network_that_is_down()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Mqtt.Drop("broker gone");
            d.Network.Available = false;
            d.Run(100);
            d.Device.Report(Profile.PrioLow);
            d.Device.Report(Profile.PrioLow);
            d.Run(300000);
            string status = d.Type("status");
            Check.Contains("state:      registered (network is down: cannot join Wi-Fi \"shop-floor\"; retry in ", status, "state and reason");
            Check.Contains("network:    down, mac 24d7eb0a1b2c\r\n", status, "network");
            Check.Contains("queue:      2 frames waiting, 0 dropped\r\n", status, "queue");
            Check.Contains("last error: network is down: cannot join Wi-Fi \"shop-floor\"\r\n", status, "last error");
        }

        public void Status_shows_a_TLS_broker()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.Platform.MqttTls = true;
            Check.Null(d.Device.SetConfig(ConfigKeys.Ca, Pem.Ca), "ca");
            d.RunUntilConnected();
            Check.Contains("broker:     broker.local:1883 (TLS)\r\n", d.Type("status"), "broker");
        }

        public void Config_show_lists_every_setting_and_masks_devKey_wifiPassword_and_devSecret()
        {
            DeviceHarness d = CommandTests.Online(null);
            string show = d.Type("config show");
            for (int i = 0; i < ConfigKeys.Settable.Length; i++) Check.Contains("\r\n" + ConfigKeys.Settable[i] + ":", "\r\n" + show, "lists " + ConfigKeys.Settable[i]);
            Check.Contains("wifiSsid:       shop-floor\r\n", show, "Wi-Fi");
            Check.Contains("wifiPassword:   ********\r\n", show, "Wi-Fi password masked");
            Check.Contains("devKey:         ********\r\n", show, "devKey masked");
            Check.Contains("devSecret:      ********\r\n", show, "devSecret masked");
            Check.Contains("loginDevId:     dev-1\r\n", show, "login");
            Check.Contains("broker:         broker.local:1883 plain\r\n", show, "broker");
            Check.Contains("server:         http://platform.local\r\n", show, "server");
            Check.Contains("reportPeriod:   300 s\r\n", show, "report period");
            Check.Contains("cipher:         ecb\r\n", show, "cipher");
            Check.Contains("ca:             (not set)\r\n", show, "ca");
            Check.DoesNotContain(DeviceHarness.DevKeyHex, show, "devKey");
            Check.DoesNotContain("wifi-pass-123", show, "Wi-Fi password");
            Check.DoesNotContain("secret-1-xyz", show, "devSecret");
        }

        public void Config_show_of_a_fresh_device_says_what_is_not_set()
        {
            DeviceHarness d = new DeviceHarness(false);
            string show = d.Type("config show");
            Check.Contains("devKey:         (not set)\r\n", show, "devKey");
            Check.Contains("productCode:    (not set)\r\n", show, "productCode");
            Check.Contains("server:         https://open.clife.cn\r\n", show, "default server");
            Check.Contains("loginDevId:     (not registered)\r\n", show, "login");
            Check.Contains("devSecret:      (not set)\r\n", show, "devSecret");
            Check.Contains("broker:         (none)\r\n", show, "broker");
        }

        public void Unknown_command_is_an_error_with_a_hint()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Equal("error: unknown command \"frobnicate\"; type help for the list\r\n" + Prompt, d.Type("frobnicate now"), "output");
        }

        public void A_byte_order_mark_before_a_command_is_ignored()
        {
            DeviceHarness d = new DeviceHarness(true);
            d.ConsoleStream.TakeOutput();
            d.ConsoleStream.TypeBytes(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'l', (byte)'o', (byte)'g', (byte)' ', (byte)'1', 0x0D, 0x0A });
            d.Device.Poll();
            string output = d.ConsoleStream.TakeOutput();
            Check.DoesNotContain("unknown command", output, "the mark is not part of the command");
            Check.True(output.EndsWith(Prompt), "answered and prompted");
        }

        public void Empty_and_blank_lines_just_prompt_again()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Equal(Prompt, d.Type(""), "empty");
            Check.Equal(Prompt, d.Type("    "), "blank");
            Check.Equal(Prompt, d.Type("\t"), "tab");
        }

        public void Words_may_be_separated_by_several_spaces_or_tabs()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Contains("wifiSsid:", d.Type("  config \t  show  "), "config show");
        }

        public void An_over_long_line_is_rejected_as_a_whole_and_nothing_runs()
        {
            DeviceHarness d = CommandTests.Online(null);
            string output = d.Type("reboot" + TestData.Repeat(" ", 300));
            Check.Equal("error: line too long (max 256 characters); nothing was run\r\n" + Prompt, output, "output");
            Check.Equal(0, d.System.Reboots, "not rebooted");
            Check.Equal(DeviceState.Connected, d.Device.State, "still online");
        }

        public void An_invalid_UTF8_line_is_rejected_and_nothing_runs()
        {
            DeviceHarness d = CommandTests.Online(null);
            string output = d.TypeBytes(JsonText.Raw("reboot\xFF\r\n"));
            Check.Equal("error: line is not valid UTF-8; nothing was run\r\n" + Prompt, output, "output");
            Check.Equal(0, d.System.Reboots, "not rebooted");
        }

        public void Backspace_arrow_keys_and_tabs_are_handled_before_the_command_runs()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Contains("state:", d.TypeBytes(JsonText.Raw("statx\x7Fus\r\n")), "backspace");
            Check.Contains("state:", d.TypeBytes(JsonText.Raw("sta\x1b[Dtus\x1b[A\r\n")), "arrows");
            Check.Contains("wifiSsid:", d.TypeBytes(JsonText.Raw("config\tshow\r")), "tab");
        }

        public void Ctrl_C_cancels_a_half_typed_command_and_prompts()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Equal(Prompt, d.TypeBytes(JsonText.Raw("reboot\x03")), "cancelled");
            Check.Equal(Prompt, d.Type(""), "the line end alone runs nothing");
            Check.Equal(0, d.System.Reboots, "not rebooted");
        }

        public void A_line_typed_in_pieces_runs_once_complete()
        {
            DeviceHarness d = new DeviceHarness(true);
            Check.Equal("", d.TypeBytes(JsonText.Raw("sta")), "nothing yet");
            Check.Equal("", d.TypeBytes(JsonText.Raw("tus")), "still nothing");
            Check.Contains("state:", d.TypeBytes(JsonText.Raw("\r")), "runs on the line end");
            Check.Equal("", d.TypeBytes(JsonText.Raw("\n")), "the LF of the CRLF is not another line");
        }

        public void With_echo_on_the_typed_line_and_its_edits_come_back_before_the_answer()
        {
            DeviceHarness d = new DeviceHarness(true);
            ServiceConsole console = new ServiceConsole(d.Device, d.ConsoleStream, true);
            d.Device.Console = console;
            string output = d.TypeBytes(JsonText.Raw("statx\x7Fus\r\n"));
            Check.True(output.StartsWith("statx\b \bus\r\nstate:      "), "echo, erase, line end, then the answer: " + output);
            Check.True(output.EndsWith(Prompt), "prompt");
        }

        public void Several_lines_in_one_read_all_run_in_order()
        {
            DeviceHarness d = new DeviceHarness(true);
            string output = d.TypeBytes(JsonText.Raw("config set reportPeriod 60\rconfig set reportPeriod 70\nconfig show\r\n"));
            Check.Contains("reportPeriod saved\r\n" + Prompt + "reportPeriod saved\r\n" + Prompt, output, "both ran");
            Check.Contains("reportPeriod:   70 s", output, "in order");
        }
    }
}

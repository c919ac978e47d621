using System;
using Clife.Device.Runtime;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>
    /// Garbage on the console line (a wrong baud rate, line noise, a cat on the keyboard): random bytes, random
    /// printable lines and random command-like lines never throw, and afterwards Ctrl-C and <c>status</c> still work.
    /// </summary>
    public sealed class ConsoleFuzzTests
    {
        private static readonly byte[] Interesting = { 0x00, 0x03, 0x08, 0x09, 0x0A, 0x0D, 0x15, 0x1B, 0x5B, 0x4F, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0x20 };

        private static readonly string[] Words =
        {
            "config", "set", "show", "clear", "status", "help", "register", "connect", "disconnect", "unbind", "yes", "no",
            "log", "report", "low", "medium", "high", "wifiSsid", "wifiPassword", "server", "authLevel", "productCode",
            "devId", "devKey", "cipher", "cipherIv", "ca", "downTopic", "upTopic", "reportPeriod", "allowDowngrade",
            "0", "1", "2", "-1", "86401", "on", "off", "ecb", "cbc", "test", "production", "http://platform.local",
            "https://x", "{devId}", "\"quoted value\"", "\"", "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----",
            "00112233445566778899aabbccddeeff", "Café", "☕", "",
        };

        public void Thousands_of_random_bytes_never_throw_and_the_console_still_answers_status()
        {
            DeviceHarness d = CommandTests.Online(null);
            Random random = new Random(1234);
            for (int round = 0; round < 40; round++)
            {
                byte[] bytes = new byte[250];
                for (int i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = random.Next(4) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
                }
                d.TypeBytes(bytes);
                d.Run(100);
            }
            AssertStillAnswers(d);
        }

        public void Thousands_of_random_printable_lines_never_throw_and_the_console_still_answers_status()
        {
            DeviceHarness d = CommandTests.Online(null);
            Random random = new Random(99);
            string[] ends = { "\r", "\n", "\r\n" };
            for (int line = 0; line < 2000; line++)
            {
                int length = random.Next(300);
                char[] chars = new char[length];
                for (int i = 0; i < length; i++)
                {
                    int pick = random.Next(40);
                    chars[i] = pick == 0 ? 'é' : pick == 1 ? '€' : (char)(' ' + random.Next(95));
                }
                d.TypeBytes(Utf8.GetBytes(new string(chars) + ends[random.Next(ends.Length)]));
            }
            d.Run(1000);
            AssertStillAnswers(d);
        }

        public void Thousands_of_random_command_lines_never_throw_and_leave_a_working_device()
        {
            DeviceHarness d = CommandTests.Online(null);
            Random random = new Random(7);
            for (int line = 0; line < 3000; line++)
            {
                int count = 1 + random.Next(5);
                string text = "";
                for (int w = 0; w < count; w++) text += (w > 0 ? " " : "") + Words[random.Next(Words.Length)];
                d.Type(text);
                if (line % 50 == 0) d.Run(1000);
                Check.True(d.Device.State != DeviceState.Stopped, "no random line may stop the device: " + text);
            }
            AssertStillAnswers(d);
            Check.Contains("wifiSsid:", d.Type("config show"), "config show works");
            d.Run(60000);
        }

        private static void AssertStillAnswers(DeviceHarness d)
        {
            d.TypeBytes(new byte[] { 0x03 });
            string status = d.Type("status");
            Check.Contains("state:      ", status, "status answers");
            Check.Contains("memory:     ", status, "status is complete");
            Check.True(status.EndsWith(ConsoleTests.Prompt), "prompt");
        }
    }
}

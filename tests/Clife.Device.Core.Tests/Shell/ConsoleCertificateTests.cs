using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>
    /// <c>config set ca</c> with a pasted multi-line PEM: saved when it ends with its END line; garbage, Ctrl-C and an
    /// over-long paste save nothing, and no part of a paste ever runs as a command.
    /// </summary>
    public sealed class ConsoleCertificateTests
    {
        private const string Prompt = ConsoleTests.Prompt;
        private const string Invitation = "paste the CA certificate (PEM); it ends with -----END CERTIFICATE----- (Ctrl-C cancels)\r\n";

        public void Pasted_certificate_line_by_line_is_saved_at_its_END_line()
        {
            DeviceHarness d = CommandTests.Online(null);
            Check.Equal(Invitation, d.Type("config set ca"), "invitation, no prompt");
            for (int i = 0; i < Pem.Lines.Length - 1; i++) Check.Equal("", d.Type(Pem.Lines[i]), "line " + i.ToString() + " is taken silently");
            Check.Equal("ca saved\r\n" + Prompt, d.Type(Pem.Lines[Pem.Lines.Length - 1]), "saved at the END line");
            Check.Equal(Pem.Ca, d.Device.Config.CaPem, "certificate");
            d.Boot();
            Check.Equal(Pem.Ca, d.Device.Config.CaPem, "certificate in flash");
        }

        public void Certificate_pasted_at_once_with_CRLF_and_indentation_is_saved_trimmed()
        {
            DeviceHarness d = CommandTests.Online(null);
            string paste = "";
            for (int i = 0; i < Pem.Lines.Length; i++) paste += "   " + Pem.Lines[i] + " \r\n";
            string output = d.TypeBytes(Utf8.GetBytes("config set ca\r\n" + paste));
            Check.Equal(Invitation + "ca saved\r\n" + Prompt, output, "output");
            Check.Equal(Pem.Ca, d.Device.Config.CaPem, "certificate");
            Check.Contains("ca:             (set, " + Pem.Ca.Length.ToString() + " bytes)\r\n", d.Type("config show"), "config show");
        }

        public void Garbage_ending_with_an_END_line_is_refused_and_nothing_is_saved()
        {
            DeviceHarness d = CommandTests.Online(null);
            int operations = d.Flash.Operations;
            d.Type("config set ca");
            d.Type("hello");
            string output = d.Type("-----END CERTIFICATE-----");
            Check.Equal("error: ca must be a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)\r\n" + Prompt, output, "output");
            Check.Equal("", d.Device.Config.CaPem, "nothing saved");
            Check.Equal(operations, d.Flash.Operations, "nothing written");
        }

        public void Ctrl_C_cancels_a_paste_and_nothing_is_saved()
        {
            DeviceHarness d = CommandTests.Online(null);
            int operations = d.Flash.Operations;
            d.Type("config set ca");
            d.Type(Pem.Lines[0]);
            d.Type(Pem.Lines[1]);
            Check.Equal(Prompt, d.TypeBytes(new byte[] { 0x03 }), "back to the prompt");
            Check.Equal("", d.Device.Config.CaPem, "nothing saved");
            Check.Equal(operations, d.Flash.Operations, "nothing written");
            Check.Contains("state:", d.Type("status"), "commands work again");
        }

        public void Over_long_paste_is_refused_once_and_the_rest_of_it_is_not_run_as_commands()
        {
            DeviceHarness d = CommandTests.Online(null);
            int operations = d.Flash.Operations;
            string paste = "config set ca\r\n-----BEGIN CERTIFICATE-----\r\n";
            for (int i = 0; i < 120; i++) paste += TestData.Repeat("QUJD", 16) + "\r\n";
            paste += "reboot\r\n-----END CERTIFICATE-----\r\n";
            string output = d.TypeBytes(Utf8.GetBytes(paste));
            Check.Equal(Invitation
                        + "error: certificate longer than 6144 bytes; nothing was saved; ignoring the rest of the paste up to -----END CERTIFICATE----- (Ctrl-C stops)\r\n"
                        + Prompt, output, "output");
            Check.Equal("", d.Device.Config.CaPem, "nothing saved");
            Check.Equal(operations, d.Flash.Operations, "nothing written");
            Check.Equal(0, d.System.Reboots, "no line of the paste ran");
            Check.Contains("state:", d.Type("status"), "commands work again");
        }

        public void An_over_long_line_in_a_paste_abandons_the_paste_without_running_the_rest()
        {
            DeviceHarness d = CommandTests.Online(null);
            string paste = "config set ca\r\n" + Pem.Lines[0] + "\r\n" + TestData.Repeat("A", 300) + "\r\nreboot\r\n" + Pem.Lines[Pem.Lines.Length - 1] + "\r\n";
            string output = d.TypeBytes(Utf8.GetBytes(paste));
            Check.Contains("error: line too long (max 256 characters); nothing was saved; ignoring the rest of the paste", output, "error");
            Check.True(output.EndsWith(Prompt), "prompt after the END line");
            Check.Equal(0, d.System.Reboots, "no line of the paste ran");
            Check.Equal("", d.Device.Config.CaPem, "nothing saved");
        }

        public void Ctrl_C_also_ends_an_abandoned_paste()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Type("config set ca");
            for (int i = 0; i < 100; i++) d.Type(TestData.Repeat("QUJD", 16));
            Check.Equal(Prompt, d.TypeBytes(new byte[] { 0x03 }), "back to the prompt");
            Check.Contains("state:", d.Type("status"), "commands work again");
        }

        public void Clearing_the_certificate_removes_it()
        {
            DeviceHarness d = CommandTests.Online(null);
            d.Type("config set ca");
            for (int i = 0; i < Pem.Lines.Length; i++) d.Type(Pem.Lines[i]);
            Check.Equal("ca saved\r\n" + Prompt, d.Type("config clear ca"), "cleared");
            Check.Contains("ca:             (not set)\r\n", d.Type("config show"), "config show");
        }
    }
}

using Clife.Device.Shell;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>
    /// The console's line editor over raw terminal bytes: line ends, erasing (also of multi-byte characters),
    /// Ctrl-C and Ctrl-U, escape sequences, control bytes, over-long lines and invalid UTF-8.
    /// </summary>
    public sealed class LineEditorTests
    {
        public void CR_LF_and_CRLF_each_end_exactly_one_line()
        {
            Check.Equal("[a][b][c][d]", Feed(Editor(), "a\rb\nc\r\nd\r\n"), "lines");
        }

        public void Two_CRs_end_two_lines_and_two_CRLFs_too()
        {
            Check.Equal("[a][]", Feed(Editor(), "a\r\r"), "CR CR");
            Check.Equal("[a][]", Feed(Editor(), "a\r\n\r\n"), "CRLF CRLF");
            Check.Equal("[a][]", Feed(Editor(), "a\n\n"), "LF LF");
        }

        public void A_line_end_split_across_reads_is_still_one_line_end()
        {
            LineEditor e = Editor();
            Check.Equal("[status]", Feed(e, "status\r"), "CR arrives");
            Check.Equal("[help]", Feed(e, "\nhelp\r\n"), "its LF arrives with the next read");
        }

        public void Printable_input_is_echoed_and_a_line_end_echoes_CRLF()
        {
            FakeConsoleStream echo = new FakeConsoleStream();
            LineEditor e = new LineEditor(16, echo);
            Feed(e, "ab\n");
            Check.Equal("ab\r\n", echo.TakeOutput(), "echo");
        }

        public void Without_an_echo_stream_nothing_is_written()
        {
            LineEditor e = new LineEditor(16, null);
            Check.Equal("[ab]", Feed(e, "ab\x08\x7F" + "ab\r"), "works without echo");
        }

        public void Backspace_and_DEL_remove_the_last_character_and_erase_it_on_screen()
        {
            FakeConsoleStream echo = new FakeConsoleStream();
            LineEditor e = new LineEditor(16, echo);
            Check.Equal("[stat]", Feed(e, "statx\x08" + "y\x7F\r"), "edited line");
            Check.Equal("statx\b \by\b \b\r\n", echo.TakeOutput(), "echo");
        }

        public void Backspace_on_an_empty_line_does_nothing()
        {
            FakeConsoleStream echo = new FakeConsoleStream();
            LineEditor e = new LineEditor(16, echo);
            Check.Equal("[a]", Feed(e, "\x08\x7F\x08" + "a\r"), "line");
            Check.Equal("a\r\n", echo.TakeOutput(), "no erase echoed");
        }

        public void Backspace_removes_a_whole_multi_byte_character()
        {
            Check.Equal("[caf]", Feed(Editor(), "café\x7F\r"), "2-byte é");
            Check.Equal("[5 ]", Feed(Editor(), "5 €\x08\r"), "3-byte €");
            Check.Equal("[ok]", Feed(Editor(), "ok\U0001F600\x7F\r"), "4-byte emoji");
            Check.Equal("[]", Feed(Editor(), "éé\x7F\x7F\r"), "two characters, two erases");
        }

        public void Erasing_a_multi_byte_character_erases_one_cell_on_screen()
        {
            FakeConsoleStream echo = new FakeConsoleStream();
            LineEditor e = new LineEditor(16, echo);
            Feed(e, "é");
            echo.TakeOutput();
            Feed(e, "\x7F");
            Check.Equal("\b \b", echo.TakeOutput(), "one erase");
        }

        public void Valid_UTF8_text_comes_out_as_the_same_text()
        {
            Check.Equal("[config set wifiSsid Café ☕ 北京]", Feed(Editor(), "config set wifiSsid Café ☕ 北京\r"), "line");
        }

        public void Ctrl_C_cancels_the_line_and_echoes_it()
        {
            FakeConsoleStream echo = new FakeConsoleStream();
            LineEditor e = new LineEditor(16, echo);
            Check.Equal("<cancelled>[ok]", Feed(e, "reboot\x03ok\r"), "events");
            Check.Equal("reboot^C\r\nok\r\n", echo.TakeOutput(), "echo");
        }

        public void Ctrl_U_clears_the_line()
        {
            FakeConsoleStream echo = new FakeConsoleStream();
            LineEditor e = new LineEditor(16, echo);
            Check.Equal("[help]", Feed(e, "reb\x15help\r"), "events");
            Check.Equal("reb\b \b\b \b\b \bhelp\r\n", echo.TakeOutput(), "echo");
        }

        public void ANSI_arrow_keys_and_other_CSI_sequences_are_ignored()
        {
            Check.Equal("[status]", Feed(Editor(), "sta\x1b[Dtu\x1b[A\x1b[B\x1b[Cs\r"), "arrows");
            Check.Equal("[status]", Feed(Editor(), "stat\x1b[1;5Cus\x1b[3~\r"), "ctrl-arrow and the Delete key");
            Check.Equal("[status]", Feed(Editor(), "\x1b[200~status\x1b[201~\r"), "bracketed paste markers");
        }

        public void SS3_arrow_keys_of_application_mode_are_ignored()
        {
            Check.Equal("[status]", Feed(Editor(), "sta\x1bOAtus\x1bOD\r"), "ESC O A, ESC O D");
            Check.Equal("[help]", Feed(Editor(), "\x1bOPhelp\r"), "F1");
        }

        public void Escape_sequences_are_not_echoed()
        {
            FakeConsoleStream echo = new FakeConsoleStream();
            LineEditor e = new LineEditor(16, echo);
            Feed(e, "a\x1b[Ab\r");
            Check.Equal("ab\r\n", echo.TakeOutput(), "echo");
        }

        public void A_line_end_inside_an_unfinished_escape_sequence_still_ends_the_line()
        {
            Check.Equal("[status]", Feed(Editor(), "status\x1b[\r"), "CR after ESC [");
            Check.Equal("[help]", Feed(Editor(), "help\x1b\n"), "LF after ESC");
            Check.Equal("[help]", Feed(Editor(), "help\x1b[12\r"), "CR inside parameters");
        }

        public void Ctrl_C_inside_an_unfinished_escape_sequence_still_cancels()
        {
            Check.Equal("<cancelled>[ok]", Feed(Editor(), "reboot\x1b[1\x03ok\r"), "events");
        }

        public void Tabs_become_spaces()
        {
            Check.Equal("[config show]", Feed(Editor(), "config\tshow\r"), "line");
        }

        public void Other_control_bytes_are_ignored()
        {
            Check.Equal("[status]", Feed(Editor(), "\x00s\x01t\x02" + "a\x07t\x0Bu\x0C\x0Es\x1F\x1C\r"), "line");
        }

        public void A_line_of_the_maximum_length_is_accepted()
        {
            string line = TestData.Repeat("x", 256);
            Check.Equal("[" + line + "]", Feed(new LineEditor(256, null), line + "\r"), "256 bytes");
        }

        public void A_longer_line_is_rejected_as_a_whole_and_the_next_line_works()
        {
            LineEditor e = new LineEditor(256, null);
            Check.Equal("<too long>[help]", Feed(e, TestData.Repeat("x", 257) + "\rhelp\r"), "events");
            Check.Equal("<too long>", Feed(e, TestData.Repeat("reboot ", 100) + "\r"), "no part of it comes out");
        }

        public void Erasing_cannot_rescue_an_over_long_line_but_Ctrl_U_and_Ctrl_C_start_over()
        {
            LineEditor e = new LineEditor(8, null);
            Check.Equal("<too long>", Feed(e, "123456789\x7F\r"), "backspace after the overflow");
            Check.Equal("[ok]", Feed(e, "123456789\x15ok\r"), "Ctrl-U");
            Check.Equal("<cancelled>[ok]", Feed(e, "123456789\x03ok\r"), "Ctrl-C");
        }

        public void Invalid_UTF8_lines_are_rejected()
        {
            Check.Equal("<invalid>", Feed(Editor(), JsonText.Raw("ab\xFF\r")), "0xFF");
            Check.Equal("<invalid>", Feed(Editor(), JsonText.Raw("\x80\r")), "lone continuation byte");
            Check.Equal("<invalid>", Feed(Editor(), JsonText.Raw("a\xC3\r")), "truncated sequence");
            Check.Equal("<invalid>", Feed(Editor(), JsonText.Raw("\xC0\xAF\r")), "overlong encoding");
            Check.Equal("<invalid>", Feed(Editor(), JsonText.Raw("\xED\xA0\x80\r")), "surrogate");
            Check.Equal("<invalid>", Feed(Editor(), JsonText.Raw("\xF4\x90\x80\x80\r")), "above U+10FFFF");
        }

        public void After_an_invalid_line_the_next_one_works()
        {
            Check.Equal("<invalid>[help]", Feed(Editor(), JsonText.Raw("\xFE\xFF\rhelp\r")), "events");
        }

        private static LineEditor Editor() => new LineEditor(256, new FakeConsoleStream());

        private static string Feed(LineEditor e, string text) => Feed(e, Utf8.GetBytes(text));

        /// <summary>Feeds the bytes and lists what they completed: [line], &lt;too long&gt;, &lt;cancelled&gt;, &lt;invalid&gt;.</summary>
        private static string Feed(LineEditor e, byte[] bytes)
        {
            string events = "";
            for (int i = 0; i < bytes.Length; i++)
            {
                switch (e.Feed(bytes[i]))
                {
                    case LineEditor.LineReady: events += "[" + e.Line + "]"; break;
                    case LineEditor.TooLong: events += "<too long>"; break;
                    case LineEditor.Cancelled: events += "<cancelled>"; break;
                    case LineEditor.Invalid: events += "<invalid>"; break;
                }
            }
            return events;
        }
    }
}

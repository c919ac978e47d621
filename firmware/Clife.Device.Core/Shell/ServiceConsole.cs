using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Text;

namespace Clife.Device.Shell
{
    /// <summary>
    /// The field technician's console over a line-oriented byte stream (a UART on the device, stdin or TCP on the
    /// virtual device). Every command answers; unknown commands and bad arguments get a one-line error with a usage
    /// hint. Secrets are never printed.
    /// </summary>
    public sealed class ServiceConsole : IPollable
    {
        /// <summary>Longest accepted input line.</summary>
        public const int MaxLine = 256;
        /// <summary>Prompt printed when the console waits for a command.</summary>
        public const string Prompt = "clife> ";

        private const int ReadChunk = 64;
        private const int DefaultLogLines = 20;
        private const int MaxPemBytes = 6144;
        private const string NewLine = "\r\n";
        private const string Yes = "yes";
        private const char ByteOrderMark = '\uFEFF';

        private const int ModeCommand = 0;
        private const int ModeConfirm = 1;
        private const int ModePem = 2;
        private const int ModePemDiscard = 3;

        private readonly DeviceRuntime _device;
        private readonly IByteStream _stream;
        private readonly LineEditor _editor;
        private readonly byte[] _input = new byte[ReadChunk];
        private int _mode = ModeCommand;
        private string _pending = "";
        private string _pem = "";
        private ConsoleCommand[] _extensions = new ConsoleCommand[0];

        /// <summary>Creates the console; echo is for interactive terminals (a serial line).</summary>
        public ServiceConsole(DeviceRuntime device, IByteStream stream, bool echo)
        {
            _device = device;
            _stream = stream;
            _editor = new LineEditor(MaxLine, echo ? stream : null);
        }

        /// <summary>Adds a command group (such as "ota") handled outside the console.</summary>
        public void Add(ConsoleCommand command)
        {
            ConsoleCommand[] more = new ConsoleCommand[_extensions.Length + 1];
            for (int i = 0; i < _extensions.Length; i++) more[i] = _extensions[i];
            more[_extensions.Length] = command;
            _extensions = more;
        }

        /// <summary>Prints the greeting and the prompt.</summary>
        public void Greet()
        {
            WriteLine("clife device console. Type help for the commands.");
            Write(Prompt);
        }

        /// <summary>Reads what is available and runs every completed line.</summary>
        public void Poll()
        {
            int n = _stream.Read(_input, 0, _input.Length);
            for (int i = 0; i < n; i++)
            {
                int status = _editor.Feed(_input[i]);
                switch (status)
                {
                    case LineEditor.LineReady: OnLine(_editor.Line); break;
                    case LineEditor.TooLong: OnBadLine("line too long (max " + MaxLine.ToString() + " characters)"); break;
                    case LineEditor.Invalid: OnBadLine("line is not valid UTF-8"); break;
                    case LineEditor.Cancelled: ResetMode(); Write(Prompt); break;
                }
            }
        }

        /// <summary>Writes a line of output (for extensions).</summary>
        public void WriteLine(string line) => Write(line + NewLine);

        /// <summary>Asks for "yes" before running <paramref name="action"/> (a command name handed back to its extension).</summary>
        public void Confirm(string question, string action)
        {
            _pending = action;
            _mode = ModeConfirm;
            Write(question + " Type yes to confirm: ");
        }

        private void OnLine(string line)
        {
            switch (_mode)
            {
                case ModeConfirm:
                    string action = _pending;
                    _mode = ModeCommand;
                    _pending = "";
                    if (line.Trim() == Yes) RunConfirmed(action);
                    else WriteLine("cancelled");
                    break;
                case ModePem:
                case ModePemDiscard:
                    OnPemLine(line);
                    return;
                default:
                    Run(WithoutByteOrderMark(line).Trim());
                    break;
            }
            if (_mode == ModeCommand && _device.State != DeviceState.Stopped) Write(Prompt);
        }

        /// <summary>A line the editor rejected: nothing runs, and a confirmation or a paste does not go on with it.</summary>
        private void OnBadLine(string what)
        {
            if (_mode == ModePem)
            {
                DiscardPaste(what);
                return;
            }
            if (_mode == ModePemDiscard) return;
            Error(what + "; nothing was run");
            ResetMode();
            if (_device.State != DeviceState.Stopped) Write(Prompt);
        }

        /// <summary>A line without the UTF-8 byte-order mark some tools put before what they send (U+FEFF).</summary>
        private static string WithoutByteOrderMark(string line) => line.Length > 0 && line[0] == ByteOrderMark ? line.Substring(1) : line;

        private void Run(string line)
        {
            if (line.Length == 0) return;
            string[] words = Split(line);
            string command = words[0];
            switch (command)
            {
                case "help": Help(); return;
                case "config": Config(words, line); return;
                case "log": Log(words); return;
                case "report": Report(words); return;
            }
            // The commands below take no arguments; one given by mistake ("reboot now") must not go unnoticed.
            bool plain = words.Length == 1;
            switch (command)
            {
                case "status": if (NoArguments(plain, command)) Status(); return;
                case "register": if (NoArguments(plain, command)) { _device.ForceRegister(); WriteLine("registering"); } return;
                case "connect": if (NoArguments(plain, command)) { _device.Connect(); WriteLine("connecting"); } return;
                case "disconnect": if (NoArguments(plain, command)) { _device.Disconnect(); WriteLine("disconnected; type connect to go online again"); } return;
                case "unbind": if (NoArguments(plain, command)) Confirm("Erase the login and register again?", "unbind"); return;
                case "factory-reset": if (NoArguments(plain, command)) Confirm("Erase ALL settings, including Wi-Fi and devKey, and reboot?", "factory-reset"); return;
                case "reboot": if (NoArguments(plain, command)) { WriteLine("rebooting"); _device.Reboot(); } return;
            }
            for (int i = 0; i < _extensions.Length; i++)
            {
                if (_extensions[i].Name == command)
                {
                    _extensions[i].Run(this, words);
                    return;
                }
            }
            Error("unknown command \"" + command + "\"; type help for the list");
        }

        private bool NoArguments(bool plain, string command)
        {
            if (!plain) Error("usage: " + command + " (it takes no arguments)");
            return plain;
        }

        private void RunConfirmed(string action)
        {
            switch (action)
            {
                case "unbind": _device.Unbind(); WriteLine("login erased; registering again"); return;
                case "factory-reset": WriteLine("erasing the configuration and rebooting"); _device.FactoryReset(); return;
            }
            for (int i = 0; i < _extensions.Length; i++) _extensions[i].Confirmed(this, action);
        }

        private void Help()
        {
            WriteLine("status                       state and why, versions, server, ids, network, broker, uptime, errors, memory");
            WriteLine("config show                  the settings (secrets masked)");
            WriteLine("config set <key> <value>     change a setting; keys: " + KeyList());
            WriteLine("config set ca                paste a PEM certificate, ending with -----END CERTIFICATE-----");
            WriteLine("config clear <key>           empty a setting (ca, devId, wifiPassword, cipherIv, ...)");
            WriteLine("register                     register with the platform now");
            WriteLine("connect | disconnect         go online now | go and stay offline");
            WriteLine("unbind                       erase the login and register again (asks first)");
            WriteLine("factory-reset                erase all settings and reboot (asks first)");
            WriteLine("reboot                       restart the device");
            WriteLine("log [n]                      the last n log lines (default " + DefaultLogLines.ToString() + ")");
            WriteLine("report [low|medium|high]     send a data report (2006) now");
            for (int i = 0; i < _extensions.Length; i++) _extensions[i].Help(this);
        }

        private void Status()
        {
            DeviceConfig c = _device.Config;
            DeviceIdentity id = _device.Identity;
            DeviceHal hal = _device.Hal;
            string reason = _device.Reason;
            long held = _device.OfflineRemainingMs;
            WriteLine("state:      " + _device.StateName + (reason.Length > 0 ? " (" + reason + ")" : "")
                      + (held >= 0 ? "; back online in " + ((held + 999) / 1000).ToString() + " s" : ""));
            WriteLine("firmware:   software " + id.Software + ", hardware " + id.Hardware + ", productVer " + id.ProductVer.ToString());
            WriteLine("server:     " + c.ServerUrl + " (authLevel " + c.AuthLevel.ToString() + ")");
            WriteLine("device:     devId " + Or(c.LoginDevId, Or(c.DevId, "(none)")) + ", product " + Or(c.ProductCode, "(not set)"));
            WriteLine("network:    " + (hal.Network.IsUp ? "ip " + hal.Network.IpAddress + ", rssi " + hal.Network.Rssi.ToString() + " dBm" : "down")
                      + ", mac " + hal.Network.MacAddress);
            WriteLine("broker:     " + (c.IsRegistered ? c.MqttHost + ":" + c.MqttPort.ToString() + (c.MqttTls ? " (TLS)" : " (plain)") : "(not registered)"));
            WriteLine("uptime:     " + Uptime(hal.Clock.NowMs - _device.StartedAtMs));
            WriteLine("queue:      " + _device.QueuedFrames.ToString() + " frames waiting, " + _device.DroppedFrames.ToString() + " dropped");
            WriteLine("last error: " + Or(_device.Log.LastError, "none"));
            long free = hal.System.FreeMemory;
            long largest = hal.System.LargestFreeBlock;
            WriteLine("memory:     " + (free < 0 ? "unknown" : "free " + free.ToString() + " bytes")
                      + (largest < 0 ? "" : ", largest block " + largest.ToString() + " bytes"));
        }

        private void Config(string[] words, string line)
        {
            string usage = "usage: config show | config set <key> <value> | config clear <key>";
            if (words.Length < 2)
            {
                Error(usage);
                return;
            }
            switch (words[1])
            {
                case "show":
                    ConfigShow();
                    return;
                case "set":
                    if (words.Length < 3)
                    {
                        Error("usage: config set <key> <value>; keys: " + KeyList());
                        return;
                    }
                    if (words[2] == ConfigKeys.Ca && words.Length == 3)
                    {
                        _mode = ModePem;
                        _pem = "";
                        WriteLine("paste the CA certificate (PEM); it ends with " + ConfigRules.PemEnd + " (Ctrl-C cancels)");
                        return;
                    }
                    if (words.Length < 4)
                    {
                        Error("usage: config set " + words[2] + " <value>");
                        return;
                    }
                    Set(words[2], Unquote(RestAfter(line, 3)));
                    return;
                case "clear":
                    if (words.Length != 3)
                    {
                        Error("usage: config clear <key>");
                        return;
                    }
                    Set(words[2], "");
                    return;
                default:
                    Error(usage);
                    return;
            }
        }

        private void Set(string key, string value)
        {
            if (!IsSettable(key))
            {
                Error("unknown setting \"" + key + "\"; keys: " + KeyList());
                return;
            }
            string? problem = _device.SetConfig(key, value);
            if (problem != null) Error(problem);
            else WriteLine(key + " saved");
        }

        private void OnPemLine(string line)
        {
            bool end = line.IndexOf(ConfigRules.PemEnd) >= 0;
            if (_mode == ModePemDiscard)
            {
                if (!end) return;
                ResetMode();
                Write(Prompt);
                return;
            }
            _pem += line.Trim() + "\n";
            if (_pem.Length > MaxPemBytes)
            {
                DiscardPaste("certificate longer than " + MaxPemBytes.ToString() + " bytes");
                if (end) OnPemLine(line);
                return;
            }
            if (!end) return;
            string pem = _pem;
            ResetMode();
            Set(ConfigKeys.Ca, pem);
            Write(Prompt);
        }

        /// <summary>
        /// Gives up a paste: nothing is saved, and the rest of it, up to the END line, is ignored rather than run as
        /// commands (Ctrl-C also ends it).
        /// </summary>
        private void DiscardPaste(string why)
        {
            Error(why + "; nothing was saved; ignoring the rest of the paste up to " + ConfigRules.PemEnd + " (Ctrl-C stops)");
            _pem = "";
            _mode = ModePemDiscard;
        }

        private void ConfigShow()
        {
            DeviceConfig c = _device.Config;
            for (int i = 0; i < ConfigKeys.Settable.Length; i++)
            {
                string key = ConfigKeys.Settable[i];
                WriteLine(Pad(key) + Shown(key, Value(c, key)));
            }
            WriteLine(Pad(ConfigKeys.LoginDevId) + Or(c.LoginDevId, "(not registered)"));
            WriteLine(Pad(ConfigKeys.DevSecret) + DevKey.Mask(c.DevSecret));
            WriteLine(Pad("broker") + (c.MqttHost.Length > 0 ? c.MqttHost + ":" + c.MqttPort.ToString() + (c.MqttTls ? " TLS" : " plain") : "(none)"));
        }

        private void Log(string[] words)
        {
            int n = DefaultLogLines;
            if (words.Length > 2 || (words.Length == 2 && (!int.TryParse(words[1], out n) || n < 1)))
            {
                Error("usage: log [n] with n a positive number");
                return;
            }
            Runtime.LogEntry[] lines = _device.Log.Recent(n);
            if (lines.Length == 0) WriteLine("(log is empty)");
            for (int i = 0; i < lines.Length; i++) WriteLine(lines[i].ToString());
        }

        private void Report(string[] words)
        {
            int prio = Profile.PrioMedium;
            if (words.Length == 2)
            {
                switch (words[1])
                {
                    case "low": prio = Profile.PrioLow; break;
                    case "medium": prio = Profile.PrioMedium; break;
                    case "high": prio = Profile.PrioHigh; break;
                    default: Error("usage: report [low|medium|high]"); return;
                }
            }
            else if (words.Length > 2)
            {
                Error("usage: report [low|medium|high]");
                return;
            }
            if (!_device.Config.IsRegistered)
            {
                Error("the device has no login yet, so there is nowhere to report to; nothing was sent");
                return;
            }
            _device.Report(prio);
            WriteLine(_device.State == DeviceState.Connected ? "report sent" : "report queued until the device is online");
        }

        private void Error(string message) => WriteLine("error: " + message);

        private void ResetMode()
        {
            _mode = ModeCommand;
            _pending = "";
            _pem = "";
        }

        private void Write(string text)
        {
            byte[] bytes = Utf8.GetBytes(text);
            _stream.Write(bytes, 0, bytes.Length);
        }

        /// <summary>A setting as <c>config show</c> prints it: the CA summarized, periods with their unit.</summary>
        private static string Value(DeviceConfig c, string key)
        {
            switch (key)
            {
                case ConfigKeys.Ca: return c.CaPem.Length > 0 ? "(set, " + c.CaPem.Length.ToString() + " bytes)" : "";
                case ConfigKeys.ReportPeriod: return c.ReportPeriodSeconds.ToString() + " s";
                case ConfigKeys.TrialWindow: return c.TrialWindowSeconds.ToString() + " s";
                case ConfigKeys.OtaCheckHours: return c.OtaCheckHours == 0 ? "off" : c.OtaCheckHours.ToString() + " h";
                default: return c.Get(key) ?? "";
            }
        }

        private static string Shown(string key, string value) =>
            ConfigKeys.IsSecret(key) ? DevKey.Mask(value) : (value.Length > 0 ? value : DevKey.NotSet);

        private static bool IsSettable(string key)
        {
            for (int i = 0; i < ConfigKeys.Settable.Length; i++) if (ConfigKeys.Settable[i] == key) return true;
            return false;
        }

        private static string KeyList()
        {
            string list = "";
            for (int i = 0; i < ConfigKeys.Settable.Length; i++) list += (i > 0 ? ", " : "") + ConfigKeys.Settable[i];
            return list;
        }

        private static string Pad(string key)
        {
            string s = key + ":";
            while (s.Length < 16) s += " ";
            return s;
        }

        private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

        private static string Uptime(long ms)
        {
            long seconds = ms / 1000;
            long days = seconds / 86400;
            seconds %= 86400;
            return days.ToString() + "d " + (seconds / 3600).ToString("D2") + ":" + (seconds % 3600 / 60).ToString("D2") + ":" + (seconds % 60).ToString("D2");
        }

        /// <summary>Splits a line at runs of spaces.</summary>
        private static string[] Split(string line)
        {
            string[] raw = line.Split(' ');
            int count = 0;
            for (int i = 0; i < raw.Length; i++) if (raw[i].Length > 0) count++;
            string[] words = new string[count];
            int n = 0;
            for (int i = 0; i < raw.Length; i++) if (raw[i].Length > 0) words[n++] = raw[i];
            return words;
        }

        /// <summary>The text of the line after its first <paramref name="skip"/> words, so values may contain spaces.</summary>
        private static string RestAfter(string line, int skip)
        {
            int i = 0;
            for (int w = 0; w < skip; w++)
            {
                while (i < line.Length && line[i] == ' ') i++;
                while (i < line.Length && line[i] != ' ') i++;
            }
            return line.Substring(i).Trim();
        }

        private static string Unquote(string value) =>
            value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"' ? value.Substring(1, value.Length - 2) : value;
    }
}

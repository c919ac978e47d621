using System.IO;
using Clife.Device.Json;
using Clife.Device.Text;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// What the firmware needs from its board file (boards/&lt;name&gt;.json), which flash.ps1 copies to the device
    /// (<see cref="DevicePath"/>): the storage for the flash areas, the console UART and pins, the status LED and
    /// factory-reset button, and the board's hardware version. Shared by the application and the loader; it uses
    /// nothing but mscorlib and the core, so the host tests parse every board file with it.
    /// </summary>
    public sealed class BoardSettings
    {
        /// <summary>
        /// Where flash.ps1 puts the board file on the device: in the drive's root, because nanoff's file deployment
        /// writes files but is not known to create folders.
        /// </summary>
        public const string DevicePath = "I:\\clife-board.json";

        private const int MaxPartitions = 16;

        /// <summary>Board name.</summary>
        public string Name = "";
        /// <summary>Hardware version of the board ("1.0").</summary>
        public string Hardware = "1.0";
        /// <summary>Erase unit of the flash areas.</summary>
        public int SectorSize = 4096;
        /// <summary>Bytes of storage the firmware's areas may use (the storage partition less the reserved part).</summary>
        public int StorageSize;
        /// <summary>Drive of the storage partition ("I:").</summary>
        public string Drive = "I:";
        /// <summary>Directory of the area files on that drive ("clife").</summary>
        public string Directory = "clife";
        /// <summary>Console UART ("COM2").</summary>
        public string ConsoleUart = "COM2";
        /// <summary>Console TX GPIO.</summary>
        public int ConsoleTxPin = -1;
        /// <summary>Console RX GPIO.</summary>
        public int ConsoleRxPin = -1;
        /// <summary>Console baud rate.</summary>
        public int ConsoleBaudRate = 115200;
        /// <summary>Status LED GPIO (-1: none).</summary>
        public int StatusLedPin = -1;
        /// <summary>Factory-reset button GPIO (-1: none).</summary>
        public int FactoryResetPin = -1;

        /// <summary>The folder that holds the area files ("I:\clife").</summary>
        public string AreaFolder => Drive + "\\" + Directory;

        /// <summary>Reads the board file from the device's drive (<see cref="DevicePath"/>); throws when it is missing or invalid.</summary>
        public static BoardSettings Load()
        {
            using (FileStream f = new FileStream(DevicePath, FileMode.Open, FileAccess.Read))
            {
                byte[] json = new byte[(int)f.Length];
                int done = 0;
                while (done < json.Length)
                {
                    int n = f.Read(json, done, json.Length - done);
                    if (n <= 0) break;
                    done += n;
                }
                return Parse(json, done);
            }
        }

        /// <summary>Reads a board file; throws a CodecException naming what is missing or malformed.</summary>
        public static BoardSettings Parse(byte[] json, int count)
        {
            BoardSettings s = new BoardSettings();
            string[] names = new string[MaxPartitions];
            int[] sizes = new int[MaxPartitions];
            int partitions = 0;
            string storagePartition = "";
            int reserved = 0;
            JsonReader r = new JsonReader(8);
            r.Reset(json, 0, count);
            r.Read();
            if (r.TokenType != JsonTokenType.StartObject) throw new CodecException("board file is not a JSON object");
            while (Next(r))
            {
                if (r.ValueEquals("name")) s.Name = Str(r);
                else if (r.ValueEquals("hardware")) s.Hardware = Str(r);
                else if (r.ValueEquals("sectorSize")) s.SectorSize = Number(Str(r), "sectorSize");
                else if (r.ValueEquals("statusLedPin")) s.StatusLedPin = Int(r);
                else if (r.ValueEquals("factoryResetPin")) s.FactoryResetPin = Int(r);
                else if (r.ValueEquals("partitions"))
                {
                    r.Read();
                    if (r.TokenType != JsonTokenType.StartArray) throw new CodecException("board file: partitions is not an array");
                    while (true)
                    {
                        r.Read();
                        if (r.TokenType == JsonTokenType.EndArray) break;
                        if (r.TokenType != JsonTokenType.StartObject) throw new CodecException("board file: a partition is not an object");
                        string name = "";
                        int size = 0;
                        while (Next(r))
                        {
                            if (r.ValueEquals("name")) name = Str(r);
                            else if (r.ValueEquals("size")) size = Number(Str(r), "partition size");
                            else { r.Read(); r.Skip(); }
                        }
                        if (partitions == MaxPartitions) throw new CodecException("board file lists more than " + MaxPartitions.ToString() + " partitions");
                        names[partitions] = name;
                        sizes[partitions] = size;
                        partitions++;
                    }
                }
                else if (r.ValueEquals("storage"))
                {
                    Open(r, "storage");
                    while (Next(r))
                    {
                        if (r.ValueEquals("partition")) storagePartition = Str(r);
                        else if (r.ValueEquals("drive")) s.Drive = Str(r);
                        else if (r.ValueEquals("directory")) s.Directory = Str(r);
                        else if (r.ValueEquals("reserved")) reserved = Number(Str(r), "storage.reserved");
                        else { r.Read(); r.Skip(); }
                    }
                }
                else if (r.ValueEquals("console"))
                {
                    Open(r, "console");
                    while (Next(r))
                    {
                        if (r.ValueEquals("uart")) s.ConsoleUart = Str(r);
                        else if (r.ValueEquals("txPin")) s.ConsoleTxPin = Int(r);
                        else if (r.ValueEquals("rxPin")) s.ConsoleRxPin = Int(r);
                        else if (r.ValueEquals("baudRate")) s.ConsoleBaudRate = Int(r);
                        else { r.Read(); r.Skip(); }
                    }
                }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }
            for (int i = 0; i < partitions; i++)
            {
                if (names[i] == storagePartition) s.StorageSize = sizes[i] - reserved;
            }
            if (s.StorageSize <= 0) throw new CodecException("board file: storage partition \"" + storagePartition + "\" is missing or leaves no storage");
            return s;
        }

        /// <summary>Parses "0x1000" or "4096".</summary>
        public static int Number(string text, string what)
        {
            string t = text.Trim();
            long value = 0;
            bool hex = t.Length > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
            int start = hex ? 2 : 0;
            if (t.Length == start || t.Length - start > 8) throw new CodecException("board file: " + what + " \"" + text + "\" is not a number");
            for (int i = start; i < t.Length; i++)
            {
                int digit = Digit(t[i], hex ? 16 : 10);
                if (digit < 0) throw new CodecException("board file: " + what + " \"" + text + "\" is not a number");
                value = value * (hex ? 16 : 10) + digit;
            }
            if (value > int.MaxValue) throw new CodecException("board file: " + what + " \"" + text + "\" is too large");
            return (int)value;
        }

        private static int Digit(char c, int radix)
        {
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            return d < radix ? d : -1;
        }

        private static bool Next(JsonReader r)
        {
            r.Read();
            return r.TokenType == JsonTokenType.PropertyName;
        }

        private static void Open(JsonReader r, string what)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.StartObject) throw new CodecException("board file: " + what + " is not an object");
        }

        private static string Str(JsonReader r)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.String) throw new CodecException("board file: expected a string at byte " + r.TokenOffset.ToString());
            return r.GetString();
        }

        private static int Int(JsonReader r)
        {
            r.Read();
            if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out int v)) throw new CodecException("board file: expected an integer at byte " + r.TokenOffset.ToString());
            return v;
        }
    }
}

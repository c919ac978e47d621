using Clife.Device.Json;
using Clife.Device.Protocol;

namespace Clife.Device.Ota
{
    /// <summary>
    /// Which slot boots and in what state (protocol.md section 8), kept in its own power-loss-safe flash record
    /// (two copies, sequence number, CRC, like ESP-IDF's otadata). Also carries the report owed to the platform
    /// after a reboot (upgrade finished, or rolled back) with the msgId of the request that caused it.
    /// </summary>
    public sealed class BootRecord
    {
        /// <summary>No slot.</summary>
        public const int NoSlot = -1;

        /// <summary>State: the image is known good.</summary>
        public const int Confirmed = 0;
        /// <summary>State: a new image on trial; it must reach Connected in its one boot, or it is rolled back.</summary>
        public const int Trial = 1;

        /// <summary>Owed report: none.</summary>
        public const int ReportNone = 0;
        /// <summary>Owed report: the upgrade finished ({0,100} and the versions).</summary>
        public const int ReportUpgraded = 1;
        /// <summary>Owed report: the trial image was rolled back ({-1,"rollback"}).</summary>
        public const int ReportRolledBack = 2;
        /// <summary>Owed report: repeated failed boots fell back to the other slot ({-1,"rollback"}).</summary>
        public const int ReportFellBack = 3;

        private const string KeyActive = "active";
        private const string KeyState = "state";
        private const string KeyAttempts = "attempts";
        private const string KeyPrevious = "previous";
        private const string KeyReport = "report";
        private const string KeyMsgId = "msgId";
        private const string KeySlots = "slots";
        private const string KeyValid = "valid";
        private const string KeySize = "size";

        /// <summary>The slot that boots (0 = A, 1 = B), or NoSlot.</summary>
        public int Active = NoSlot;
        /// <summary>Confirmed or Trial.</summary>
        public int State = Confirmed;
        /// <summary>Boots since the active image was last healthy (for a trial: boots of the trial).</summary>
        public int Attempts;
        /// <summary>The slot to roll back to from a trial, or NoSlot.</summary>
        public int Previous = NoSlot;
        /// <summary>The report owed to the platform after this boot.</summary>
        public int Report = ReportNone;
        /// <summary>msgId of the 2019 that the owed report answers, or -1 (then a new msgId is used).</summary>
        public long MsgId = -1;
        /// <summary>The two slots.</summary>
        public SlotInfo[] Slots = { new SlotInfo(), new SlotInfo() };

        /// <summary>The other slot of a pair.</summary>
        public static int Other(int slot) => slot == 0 ? 1 : 0;

        /// <summary>Name of a slot for the console ("A", "B").</summary>
        public static string SlotName(int slot) => slot == 0 ? "A" : slot == 1 ? "B" : "none";

        /// <summary>A deep copy.</summary>
        public BootRecord Clone()
        {
            BootRecord r = (BootRecord)MemberwiseClone();
            r.Slots = new SlotInfo[] { Slots[0].Clone(), Slots[1].Clone() };
            return r;
        }

        /// <summary>Writes the record as JSON.</summary>
        public void Write(JsonWriter w)
        {
            w.Reset();
            w.WriteStartObject();
            w.WriteNumber(KeyActive, Active);
            w.WriteNumber(KeyState, State);
            w.WriteNumber(KeyAttempts, Attempts);
            w.WriteNumber(KeyPrevious, Previous);
            w.WriteNumber(KeyReport, Report);
            w.WriteNumber(KeyMsgId, MsgId);
            w.WriteStartArray(KeySlots);
            for (int i = 0; i < Slots.Length; i++)
            {
                SlotInfo s = Slots[i];
                w.WriteStartObject();
                w.WriteBoolean(KeyValid, s.Valid);
                w.WriteNumber(KeySize, s.Size);
                w.WriteString(Names.Software, s.Software);
                w.WriteString(Names.Hardware, s.Hardware);
                w.WriteNumber(Names.ProductVer, s.ProductVer);
                w.WriteString(Names.Md5, s.Md5);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>Reads a record (reader on its StartObject); unknown keys are ignored.</summary>
        public static BootRecord Read(JsonReader r)
        {
            BootRecord b = new BootRecord();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, KeyActive)) b.Active = Field.Int(r, KeyActive);
                else if (Field.Is(r, KeyState)) b.State = Field.Int(r, KeyState);
                else if (Field.Is(r, KeyAttempts)) b.Attempts = Field.Int(r, KeyAttempts);
                else if (Field.Is(r, KeyPrevious)) b.Previous = Field.Int(r, KeyPrevious);
                else if (Field.Is(r, KeyReport)) b.Report = Field.Int(r, KeyReport);
                else if (Field.Is(r, KeyMsgId)) b.MsgId = Field.Long(r, KeyMsgId);
                else if (Field.Is(r, KeySlots))
                {
                    Field.StartArray(r, KeySlots);
                    for (int i = 0; i < b.Slots.Length; i++)
                    {
                        Field.StartObject(r, KeySlots);
                        SlotInfo s = b.Slots[i];
                        while (Field.NextMember(r))
                        {
                            if (Field.Is(r, KeyValid)) s.Valid = Field.Bool(r, KeyValid);
                            else if (Field.Is(r, KeySize)) s.Size = Field.Int(r, KeySize);
                            else if (Field.Is(r, Names.Software)) s.Software = Field.String(r, Names.Software) ?? "";
                            else if (Field.Is(r, Names.Hardware)) s.Hardware = Field.String(r, Names.Hardware) ?? "";
                            else if (Field.Is(r, Names.ProductVer)) s.ProductVer = Field.Int(r, Names.ProductVer);
                            else if (Field.Is(r, Names.Md5)) s.Md5 = Field.String(r, Names.Md5) ?? "";
                            else r.Skip();
                        }
                    }
                    for (r.Read(); r.TokenType != JsonTokenType.EndArray; r.Read()) r.Skip();
                }
                else r.Skip();
            }
            if (b.Active != NoSlot && b.Active != 0 && b.Active != 1) b.Active = NoSlot;
            if (b.Previous != NoSlot && b.Previous != 0 && b.Previous != 1) b.Previous = NoSlot;
            return b;
        }
    }
}

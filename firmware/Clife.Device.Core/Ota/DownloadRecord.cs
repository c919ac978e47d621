using Clife.Device.Crypto;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Text;

namespace Clife.Device.Ota
{
    /// <summary>
    /// A download in progress, saved in flash so it resumes after a lost link, a reboot or a power cut: what is being
    /// fetched, for which request, how far it got (a sector-aligned offset whose bytes are written and verified), and
    /// the MD5 and checkSum state of those bytes.
    /// </summary>
    public sealed class DownloadRecord
    {
        private const string KeyPrio = "prio";
        private const string KeySlot = "slot";
        private const string KeyTotal = "total";
        private const string KeyOffset = "offset";
        private const string KeyHash = "hash";
        private const string KeySum = "sum";
        private const string KeyDeadline = "deadline";
        private const string KeyPercent = "percent";
        private const string KeyAbandoned = "abandoned";

        /// <summary>The file being downloaded.</summary>
        public FileInfo File = new FileInfo();
        /// <summary>msgId of the 2019 request.</summary>
        public long MsgId;
        /// <summary>prio of the 2019 request.</summary>
        public int Prio = Profile.PrioMedium;
        /// <summary>productVer of the request (-1 when absent).</summary>
        public int ProductVer = -1;
        /// <summary>Slot written (FIRM, SUBFIRM).</summary>
        public int Slot;
        /// <summary>Size of the file, or -1 while unknown.</summary>
        public long Total = -1;
        /// <summary>Bytes written and verified (a multiple of the sector size unless the download is complete).</summary>
        public long Offset;
        /// <summary>Saved MD5 state of the first Offset bytes (<see cref="Md5.SaveState"/>); valid when <see cref="HasHashState"/>.</summary>
        public readonly byte[] HashState = new byte[Md5.StateSize];
        /// <summary>True when <see cref="HashState"/> holds a saved state.</summary>
        public bool HasHashState;
        /// <summary>Byte sum of the first Offset bytes.</summary>
        public long Sum;
        /// <summary>End of the request's window in platform time (ms since the epoch), or -1.</summary>
        public long DeadlineMs = -1;
        /// <summary>Last download progress reported (percent).</summary>
        public int Percent;
        /// <summary>
        /// True when the device gave up on it and reported the request interrupted: it is then kept only for a new
        /// request of the same file, never resumed by itself after a reboot.
        /// </summary>
        public bool Abandoned;

        // The hash state's hex text, built here for every save: a download saves its progress every 64 KiB, and a new
        // string per save would be garbage in proportion to the image size.
        private readonly byte[] _hex = new byte[2 * Md5.StateSize];

        /// <summary>True when this record continues the same file (same URL and MD5) as a new request's entry.</summary>
        public bool SameFile(FileInfo other) => File.Url == other.Url && File.Md5.ToLower() == other.Md5.ToLower() && File.FileType == other.FileType;

        /// <summary>Writes the record as JSON.</summary>
        public void Write(JsonWriter w)
        {
            w.Reset();
            w.WriteStartObject();
            w.WritePropertyName(Names.FileInfo);
            File.Write(w);
            w.WriteNumber(Names.MsgId, MsgId);
            w.WriteNumber(KeyPrio, Prio);
            w.WriteNumber(Names.ProductVer, ProductVer);
            w.WriteNumber(KeySlot, Slot);
            w.WriteNumber(KeyTotal, Total);
            w.WriteNumber(KeyOffset, Offset);
            if (HasHashState)
            {
                Hex.Encode(HashState, 0, HashState.Length, _hex, 0);
                w.WriteString(KeyHash, _hex, 0, _hex.Length);
            }
            else
            {
                w.WriteString(KeyHash, "");
            }
            w.WriteNumber(KeySum, Sum);
            w.WriteNumber(KeyDeadline, DeadlineMs);
            w.WriteNumber(KeyPercent, Percent);
            if (Abandoned) w.WriteBoolean(KeyAbandoned, true);
            w.WriteEndObject();
        }

        /// <summary>Reads a record (reader on its StartObject).</summary>
        public static DownloadRecord Read(JsonReader r)
        {
            DownloadRecord d = new DownloadRecord();
            while (Field.NextMember(r))
            {
                if (Field.Is(r, Names.FileInfo))
                {
                    Field.StartObject(r, Names.FileInfo);
                    d.File = FileInfo.Read(r);
                }
                else if (Field.Is(r, Names.MsgId)) d.MsgId = Field.Long(r, Names.MsgId);
                else if (Field.Is(r, KeyPrio)) d.Prio = Field.Int(r, KeyPrio);
                else if (Field.Is(r, Names.ProductVer)) d.ProductVer = Field.Int(r, Names.ProductVer);
                else if (Field.Is(r, KeySlot)) d.Slot = Field.Int(r, KeySlot);
                else if (Field.Is(r, KeyTotal)) d.Total = Field.Long(r, KeyTotal);
                else if (Field.Is(r, KeyOffset)) d.Offset = Field.Long(r, KeyOffset);
                else if (Field.Is(r, KeyHash)) d.HasHashState = ReadHashState(Field.String(r, KeyHash), d.HashState);
                else if (Field.Is(r, KeySum)) d.Sum = Field.Long(r, KeySum);
                else if (Field.Is(r, KeyDeadline)) d.DeadlineMs = Field.Long(r, KeyDeadline);
                else if (Field.Is(r, KeyPercent)) d.Percent = Field.Int(r, KeyPercent);
                else if (Field.Is(r, KeyAbandoned)) d.Abandoned = Field.Bool(r, KeyAbandoned);
                else r.Skip();
            }
            return d;
        }

        /// <summary>Decodes a saved hash state; false when it is missing or unusable (the download then starts over).</summary>
        private static bool ReadHashState(string? hex, byte[] state)
        {
            if (hex == null || hex.Length != 2 * Md5.StateSize) return false;
            try
            {
                Hex.Decode(hex, state, 0);
                return true;
            }
            catch (CodecException)
            {
                return false;
            }
        }
    }
}

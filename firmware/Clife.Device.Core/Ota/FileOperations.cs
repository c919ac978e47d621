using System;
using Clife.Device.Crypto;
using Clife.Device.Hal;
using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Storage;
using Clife.Device.Text;

namespace Clife.Device.Ota
{
    /// <summary>
    /// File operations (seed 4.3.2.8, protocol.md sections 7 and 8): QUERY; DOWN of FIRM, SUBFIRM and PROFILE with
    /// streaming MD5/checkSum, resumable downloads, verification before anything is switched, trial boot and rollback;
    /// UP of LOG, PHOTO, VIDEO, VOICE and DATA. One operation at a time, done a chunk per poll with fixed buffers, so
    /// memory use does not depend on the size of the file.
    /// </summary>
    public sealed class FileOperations : IFileOperations
    {
        /// <summary>Bytes moved per poll: one flash sector.</summary>
        public const int ChunkBytes = 4096;
        /// <summary>Download progress is reported at most every this many percent.</summary>
        public const int ProgressStepPercent = 10;
        /// <summary>Tries of a download or upload after the link fails before it is reported interrupted.</summary>
        public const int Retries = 3;
        /// <summary>First wait before a retry (doubles each time).</summary>
        public const int RetryBaseMs = 1000;
        /// <summary>The resume point is saved at least every this many bytes.</summary>
        public const int SaveEveryBytes = 64 * 1024;
        /// <summary>A confirmed image that ran this long without trouble counts as healthy.</summary>
        public const int BootGoodAfterMs = 60000;
        /// <summary>How long a network read or write may wait.</summary>
        public const int TransferTimeoutMs = 15000;

        private const int MillisPerSecond = 1000;
        private const int VerifyBytes = 512;
        private const int PhaseIdle = 0;
        private const int PhaseWaitStart = 1;
        private const int PhaseOpen = 2;
        private const int PhaseTransfer = 3;
        private const int PhaseVerify = 4;
        private const int PhaseSubDevice = 5;
        private const int PhaseRetryWait = 6;
        private const int PhaseUpload = 7;
        private const string RollbackText = "rollback";
        private const string VersionText = "ver";

        private readonly DeviceRuntime _device;
        private readonly IHttpClient _http;
        private readonly BootManager _boot;
        private readonly BootDecision _decision;
        private readonly DownloadStore _downloads;
        private readonly RecordStore _profiles;
        private readonly ISubDevices? _subDevices;
        private readonly IFileStore? _files;
        private readonly IProfileHandler? _profileHandler;
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private readonly byte[] _verify = new byte[VerifyBytes];
        private readonly Md5 _md5 = new Md5();
        private readonly CheckSum _sum = new CheckSum();

        // The operation in progress.
        private int _phase = PhaseIdle;
        private long _msgId;
        private int _prio;
        private int _productVer;
        private FileInfo[] _entries = new FileInfo[0];
        private int _entry;
        private long _startAtMs;
        private long _windowFromMs;
        private long _windowToMs;
        private long _deadlineMs = -1;
        private int _tries;
        private long _retryAtMs;
        private IHttpDownload? _download;
        private IHttpUpload? _upload;
        private DownloadRecord _record = new DownloadRecord();
        private int _filled;
        private long _savedAt;
        private byte[]? _profile;
        private int _subOffset;
        private int _subPercent;
        private byte[] _uploadData = new byte[0];
        private IStoredFile? _uploadFile;
        private int _uploadLength;
        private int _uploadOffset;
        private int _uploadPercent;

        private bool _reportsPending = true;
        private bool _healthy;
        private long _nextCheckMs;

        /// <summary>Creates the service for the image that <paramref name="decision"/> started.</summary>
        public FileOperations(DeviceRuntime device, BootManager boot, BootDecision decision, IFlashArea downloadArea, IFlashArea profileArea,
                              ISubDevices? subDevices, IFileStore? files, IProfileHandler? profileHandler)
        {
            _device = device;
            _http = device.Hal.Http;
            _boot = boot;
            _decision = decision;
            _downloads = new DownloadStore(downloadArea);
            _profiles = new RecordStore(profileArea, ProfileMagic);
            _subDevices = subDevices;
            _files = files;
            _profileHandler = profileHandler;
            Pending = _downloads.Load();
            BootedAtMs = device.Hal.Clock.NowMs;
            if (subDevices != null) device.Identity.SubDevices = subDevices.Versions();
            if (profileHandler != null) ApplyStoredProfile(profileHandler);
        }

        /// <summary>Magic number of the profile record ("PROF").</summary>
        public const uint ProfileMagic = 0x464F5250;

        /// <summary>Monotonic time of this boot.</summary>
        public long BootedAtMs { get; }

        /// <summary>True while an operation runs.</summary>
        public bool Busy => _phase != PhaseIdle;

        /// <summary>The resumable download saved in flash, or null.</summary>
        public DownloadRecord? Pending { get; private set; }

        /// <summary>The boot manager (slots and boot record) for the console.</summary>
        public BootManager Boot => _boot;

        /// <summary>How this image was started.</summary>
        public BootDecision Decision => _decision;

        /// <summary>One line about the operation in progress, or an empty string.</summary>
        public string Activity
        {
            get
            {
                if (_phase == PhaseIdle) return "";
                string what = _entry < _entries.Length ? _entries[_entry].FileType : "";
                switch (_phase)
                {
                    case PhaseWaitStart: return what + " waiting for its start time (msgId " + _msgId.ToString() + ")";
                    case PhaseUpload: return "uploading " + what + ": " + _uploadOffset.ToString() + " of " + _uploadLength.ToString() + " bytes";
                    case PhaseSubDevice: return "updating sub-device " + _entries[_entry].DevNum.ToString() + ": " + _subPercent.ToString() + "%";
                    case PhaseRetryWait: return what + " retrying after a failure (" + _tries.ToString() + " of " + Retries.ToString() + ")";
                    default: return "downloading " + what + ": " + _record.Offset.ToString() + (_record.Total >= 0 ? " of " + _record.Total.ToString() : "") + " bytes (msgId " + _msgId.ToString() + ")";
                }
            }
        }

        // ---- Requests ----

        /// <inheritdoc/>
        public void OnRequest(long msgId, int prio, FileRequest request)
        {
            if (request.FileMode == Names.ModeQuery)
            {
                SendVersions(msgId, prio);
                return;
            }
            if (Busy)
            {
                Log("file request msgId " + msgId.ToString() + " refused: busy with msgId " + _msgId.ToString());
                Reply(msgId, prio, FileReply.Failed(FileReply.FailedBusyOrUrl));
                return;
            }
            if (request.FileMode != Names.ModeDown && request.FileMode != Names.ModeUp)
            {
                Reply(msgId, prio, FileReply.Failed("unknown fileMode \"" + request.FileMode + "\""));
                return;
            }
            if (request.Files.Length == 0)
            {
                Reply(msgId, prio, FileReply.Failed("no fileInfo"));
                return;
            }
            if (request.HasStopTime && request.StopTime < request.StartTime)
            {
                Reply(msgId, prio, FileReply.Failed("stopTime is before startTime"));
                return;
            }
            bool down = request.FileMode == Names.ModeDown;
            // The window must still be open, except for a LOG upload, where it selects past log lines.
            if (request.HasStopTime && request.StopTime <= 0 && !OnlyLogs(request))
            {
                Reply(msgId, prio, FileReply.Failed(FileReply.FailedInterrupted));
                return;
            }
            int kept = 0;
            FileInfo[] work = new FileInfo[request.Files.Length];
            for (int i = 0; i < request.Files.Length; i++)
            {
                FileInfo f = request.Files[i];
                string? problem = down ? CheckDown(f, request.ProductVer) : CheckUp(f);
                if (problem == NothingToDo) continue;
                if (problem != null)
                {
                    Log("file request msgId " + msgId.ToString() + " refused: " + Describe(problem));
                    Reply(msgId, prio, FileReply.Failed(problem));
                    return;
                }
                work[kept++] = f;
            }
            if (kept == 0)
            {
                Log("file request msgId " + msgId.ToString() + ": already at the requested versions");
                SendVersions(msgId, prio);
                return;
            }
            // Everything else first: FIRM ends with a reboot.
            _entries = new FileInfo[kept];
            int n = 0;
            for (int i = 0; i < kept; i++) if (work[i].FileType != Names.TypeFirm) _entries[n++] = work[i];
            for (int i = 0; i < kept; i++) if (work[i].FileType == Names.TypeFirm) _entries[n++] = work[i];

            long now = Now;
            _msgId = msgId;
            _prio = prio;
            _productVer = request.ProductVer;
            _entry = 0;
            _windowFromMs = now + request.StartTime * MillisPerSecond;
            _startAtMs = request.StartTime > 0 ? _windowFromMs : now;
            _windowToMs = request.HasStopTime ? now + request.StopTime * MillisPerSecond : now;
            _deadlineMs = request.HasStopTime && request.StopTime > 0 ? _windowToMs : -1;
            Log("file request msgId " + msgId.ToString() + ": " + request.FileMode + " of " + kept.ToString() + " file(s)"
                + (request.StartTime > 0 ? ", starting in " + request.StartTime.ToString() + " s" : "")
                + (request.HasStopTime ? ", due within " + request.StopTime.ToString() + " s" : ""));
            BeginEntry();
        }

        /// <inheritdoc/>
        public void OnConnected()
        {
            if (_decision.Trial && _boot.InTrial)
            {
                _boot.MarkHealthy();
                Log("the new image reached Connected: confirmed");
            }
            _healthy = true;
            if (!_decision.Trial && _boot.Record.Attempts > 0) _boot.MarkHealthy();
            if (!_reportsPending) return;
            // First connection of this boot: settle what the last boot left behind.
            SendOwedReports();
            if (!Busy && Pending != null) ResumePending();
        }

        /// <inheritdoc/>
        public void Poll()
        {
            long now = Now;
            if (_decision.Trial && _boot.InTrial && now - BootedAtMs >= (long)_device.CurrentConfig.TrialWindowSeconds * MillisPerSecond)
            {
                Log("the new image did not reach Connected within " + _device.CurrentConfig.TrialWindowSeconds.ToString() + " s: rebooting to roll back");
                _device.Reboot();
                return;
            }
            if (!_healthy && !_decision.Trial && now - BootedAtMs >= BootGoodAfterMs)
            {
                _healthy = true;
                if (_boot.Record.Attempts > 0) _boot.MarkHealthy();
            }
            CheckForUpdatesDaily(now);
            if (_phase == PhaseIdle) return;
            if (_deadlineMs >= 0 && now > _deadlineMs)
            {
                Log("file operation msgId " + _msgId.ToString() + ": the time window closed");
                Finish(FileReply.Failed(FileReply.FailedInterrupted), true);
                return;
            }
            try
            {
                switch (_phase)
                {
                    case PhaseWaitStart: if (now >= _startAtMs) StartEntry(); break;
                    case PhaseRetryWait: if (now >= _retryAtMs) Reopen(); break;
                    case PhaseOpen: Open(); break;
                    case PhaseTransfer: Transfer(); break;
                    case PhaseVerify: VerifyAndApply(); break;
                    case PhaseSubDevice: SubDeviceStep(); break;
                    case PhaseUpload: UploadStep(); break;
                }
            }
            catch (CodecException e)
            {
                Finish(FileReply.Failed(e.Message), true);
            }
            catch (StorageException e)
            {
                Finish(FileReply.Failed("flash: " + e.Message), true);
            }
        }

        /// <summary>Asks the platform for an upgrade (2018 respCode 2, unsolicited): ALL, FIRM or SUBFIRM.</summary>
        public void RequestUpgrade(string scope)
        {
            _device.SendFileReply(-1, Profile.PrioMedium, FileReply.Request(scope));
            Log("asked the platform for an upgrade (" + scope + ")");
        }

        /// <summary>Switches to the other valid slot and reboots (the console's rollback). False when there is none.</summary>
        public bool RollbackNow()
        {
            if (Busy || !_boot.SwitchToOther()) return false;
            Log("rollback requested: booting slot " + BootRecord.SlotName(_boot.Record.Active));
            _device.Reboot();
            return true;
        }

        /// <summary>The stored device profile, or null when none was installed.</summary>
        public byte[]? StoredProfile()
        {
            byte[] buffer = new byte[_profiles.MaxPayload];
            int length = _profiles.Load(buffer);
            if (length < 0) return null;
            byte[] profile = new byte[length];
            Array.Copy(buffer, profile, length);
            return profile;
        }

        /// <summary>At boot: hands the stored profile to the application, so that what was installed stays in force.</summary>
        private void ApplyStoredProfile(IProfileHandler handler)
        {
            byte[] buffer = new byte[_profiles.MaxPayload];
            int length = _profiles.Load(buffer);
            if (length < 0) return;
            string? refused = handler.Apply(buffer, length);
            Log(refused == null
                ? "stored profile of " + length.ToString() + " bytes applied"
                : "stored profile of " + length.ToString() + " bytes refused by the application: " + refused);
        }

        // ---- Checks ----

        private const string NothingToDo = "=";

        private string? CheckDown(FileInfo f, int productVer)
        {
            string type = f.FileType;
            if (type != Names.TypeFirm && type != Names.TypeSubFirm && type != Names.TypeProfile)
                return IsUpType(type) ? type + " files are uploaded, not downloaded" : "unknown fileType \"" + type + "\"";
            if (!IsHttpUrl(f.Url)) return FileReply.FailedBusyOrUrl;
            if (f.Md5.Length > 0 && !IsMd5(f.Md5)) return "md5 must be 32 hex digits";
            if (type == Names.TypeProfile) return null;

            if (f.Software.Length == 0) return "missing software";
            if (f.Hardware.Length == 0) return "missing hardware";
            if (f.Md5.Length == 0) return "missing md5";
            if (!f.HasCheckSum) return "missing checkSum";
            if (productVer < 0) return "missing productVer";
            if (f.CheckSum < 0 || f.CheckSum > uint.MaxValue) return "checkSum must be 0..4294967295";
            DeviceVersion software, hardware;
            try
            {
                software = DeviceVersion.ParseSoftware(f.Software);
                hardware = DeviceVersion.ParseHardware(f.Hardware);
            }
            catch (CodecException e)
            {
                return e.Message;
            }
            DevVersion? target = type == Names.TypeFirm ? new DevVersion(0, _device.Identity.Software, _device.Identity.Hardware) : FindSubDevice(f.DevNum);
            if (type == Names.TypeSubFirm)
            {
                if (f.DevNum < 1) return "SUBFIRM needs devNum 1 or higher";
                if (target == null) return "no sub-device " + f.DevNum.ToString();
            }
            else
            {
                if (f.DevNum > 0) return "FIRM is for devNum 0 (this module)";
                if (_boot.InTrial) return FileReply.FailedBusyOrUrl;
            }
            if (!hardware.Equals(DeviceVersion.ParseHardware(target!.Hardware))) return "hardware";
            int order = software.CompareTo(DeviceVersion.ParseSoftware(target.Software));
            if (order == 0) return NothingToDo;
            if (order < 0 && !_device.CurrentConfig.AllowDowngrade) return "downgrade";
            return null;
        }

        private static string? CheckUp(FileInfo f)
        {
            if (!IsUpType(f.FileType))
            {
                if (f.FileType == Names.TypeFirm || f.FileType == Names.TypeSubFirm || f.FileType == Names.TypeProfile)
                    return f.FileType + " files are downloaded, not uploaded";
                return "unknown fileType \"" + f.FileType + "\"";
            }
            return IsHttpUrl(f.Url) ? null : FileReply.FailedBusyOrUrl;
        }

        private static bool OnlyLogs(FileRequest request)
        {
            if (request.FileMode != Names.ModeUp) return false;
            for (int i = 0; i < request.Files.Length; i++) if (request.Files[i].FileType != Names.TypeLog) return false;
            return true;
        }

        private static bool IsUpType(string type) =>
            type == Names.TypeLog || type == Names.TypePhoto || type == Names.TypeVideo || type == Names.TypeVoice || type == Names.TypeData;

        private static bool IsHttpUrl(string url) =>
            ((url.StartsWith("http://") && url.Length > 7) || (url.StartsWith("https://") && url.Length > 8)) && url.IndexOf(' ') < 0;

        private static bool IsMd5(string md5)
        {
            if (md5.Length != Md5.HashSize * 2) return false;
            for (int i = 0; i < md5.Length; i++) if (!Hex.IsHexDigit(md5[i])) return false;
            return true;
        }

        private DevVersion? FindSubDevice(int devNum)
        {
            DevVersion[] subs = _device.Identity.SubDevices;
            for (int i = 0; i < subs.Length; i++) if (subs[i].DevNum == devNum) return subs[i];
            return null;
        }

        // ---- Entries ----

        private void BeginEntry()
        {
            if (_entry >= _entries.Length)
            {
                Finish(null, false);
                return;
            }
            _phase = PhaseWaitStart;
            _tries = 0;
            if (Now >= _startAtMs) StartEntry();
        }

        private void StartEntry()
        {
            FileInfo f = _entries[_entry];
            if (IsUpType(f.FileType))
            {
                StartUpload(f, true);
                return;
            }
            Progress(FileReply.DownloadProgress, 1);
            DownloadRecord record = new DownloadRecord();
            record.File = f;
            record.MsgId = _msgId;
            record.Prio = _prio;
            record.ProductVer = _productVer;
            record.DeadlineMs = _deadlineMs >= 0 ? _device.Clock.NowMs + (_deadlineMs - Now) : -1;
            record.Slot = BootRecord.Other(_boot.Record.Active == BootRecord.NoSlot ? 1 : _boot.Record.Active);
            if (Pending != null && Pending.SameFile(f) && Pending.Offset > 0 && f.FileType != Names.TypeProfile && Pending.Slot == record.Slot)
            {
                record.Total = Pending.Total;
                record.Offset = Pending.Offset;
                Array.Copy(Pending.HashState, record.HashState, Md5.StateSize);
                record.HasHashState = Pending.HasHashState;
                record.Sum = Pending.Sum;
                record.Percent = Pending.Percent;
                Log("resuming the download of " + f.FileType + " at byte " + record.Offset.ToString());
            }
            BeginDownload(record);
        }

        private void BeginDownload(DownloadRecord record)
        {
            _record = record;
            _filled = 0;
            _profile = null;
            if (record.File.FileType == Names.TypeProfile)
            {
                _profile = new byte[_profiles.MaxPayload];
                record.Offset = 0;
            }
            else
            {
                _boot.Invalidate(record.Slot);
            }
            if (!RestoreHashes(record))
            {
                record.Offset = 0;
                record.Percent = 0;
                RestoreHashes(record);
            }
            if (_profile == null) SaveProgress();
            _phase = PhaseOpen;
            // The last resume point saved can be the end of the file (the last chunk ended a SaveEveryBytes stretch):
            // nothing is left to fetch, and asking for a range past the end would only get 416.
            if (record.Total > 0 && record.Offset == record.Total) Downloaded();
        }

        /// <summary>Restores MD5 and checkSum for the record's offset; false when its saved state is unusable.</summary>
        private bool RestoreHashes(DownloadRecord record)
        {
            _md5.Reset();
            _sum.Reset();
            if (record.Offset == 0) return true;
            try
            {
                if (!record.HasHashState) return false;
                _md5.RestoreState(record.HashState, 0);
                if (_md5.Length != record.Offset) return false;
            }
            catch (CodecException)
            {
                _md5.Reset();
                return false;
            }
            _sum.Restore((uint)record.Sum);
            return true;
        }

        private static readonly byte[] NoBytes = new byte[0];

        private void ResumePending()
        {
            DownloadRecord p = Pending!;
            if (p.Abandoned)
            {
                Log("the download of msgId " + p.MsgId.ToString() + " was given up; it resumes only if the same file is requested again");
                return;
            }
            // Already swapped before the reboot, or installed and since rolled back (its md5 stays in the boot record
            // until the slot is overwritten): nothing left to do. Resuming a rolled-back image would install it again.
            if (p.File.FileType == Names.TypeFirm
                && (_boot.Record.Active == p.Slot || _boot.Record.Slots[p.Slot].Md5 == p.File.Md5.ToLower()))
            {
                ForgetDownload();
                return;
            }
            if (p.DeadlineMs >= 0 && _device.Clock.NowMs > p.DeadlineMs)
            {
                Log("the interrupted download of msgId " + p.MsgId.ToString() + " is past its window: dropped");
                _device.SendFileReply(p.MsgId, p.Prio, FileReply.Failed(FileReply.FailedInterrupted));
                ForgetDownload();
                return;
            }
            Log("resuming the interrupted download of msgId " + p.MsgId.ToString() + " at byte " + p.Offset.ToString());
            _msgId = p.MsgId;
            _prio = p.Prio;
            _productVer = p.ProductVer;
            _entries = new FileInfo[] { p.File };
            _entry = 0;
            _deadlineMs = p.DeadlineMs >= 0 ? Now + (p.DeadlineMs - _device.Clock.NowMs) : -1;
            _tries = 0;
            BeginDownload(p);
        }

        // ---- Download ----

        private void Reopen()
        {
            FileInfo f = _entries[_entry];
            if (IsUpType(f.FileType)) StartUpload(f, false);
            else Open();
        }

        private void Open()
        {
            CloseTransfers();
            DownloadRecord r = _record;
            IHttpDownload d = _http.OpenGet(r.File.Url, r.Offset, _device.CurrentConfig.CaPem, TransferTimeoutMs);
            _download = d;
            if (d.Status == 0)
            {
                RetryOrFail("cannot reach " + Host(r.File.Url) + ": " + d.Error);
                return;
            }
            if (d.Status >= 400 && d.Status < 500)
            {
                Log("download refused: HTTP " + d.Status.ToString());
                Finish(FileReply.Failed(FileReply.FailedBusyOrUrl), true);
                return;
            }
            if (d.Status < 200 || d.Status > 299)
            {
                RetryOrFail("the server answered HTTP " + d.Status.ToString());
                return;
            }
            if (r.Offset > 0 && (d.Status != 206 || d.RangeStart != r.Offset))
            {
                // The server ignored the Range request (or answered another range): start over from byte 0.
                Log("the server did not resume at byte " + r.Offset.ToString() + " (HTTP " + d.Status.ToString() + "): downloading from the start");
                r.Offset = 0;
                r.Percent = 0;
                _md5.Reset();
                _sum.Reset();
                if (d.Status == 206)
                {
                    d.Close();
                    _download = _http.OpenGet(r.File.Url, 0, _device.CurrentConfig.CaPem, TransferTimeoutMs);
                    d = _download;
                    if (d.Status != 200)
                    {
                        RetryOrFail("the server answered HTTP " + d.Status.ToString() + " to a plain GET");
                        return;
                    }
                }
            }
            long total = d.Status == 206 ? d.TotalLength : d.ContentLength;
            if (total >= 0) r.Total = total;
            long limit = Capacity();
            if (r.Total > limit)
            {
                Finish(FileReply.Failed("file of " + r.Total.ToString() + " bytes is larger than the " + limit.ToString() + " bytes available"), true);
                return;
            }
            _filled = 0;
            _phase = PhaseTransfer;
        }

        private void Transfer()
        {
            IHttpDownload d = _download!;
            DownloadRecord r = _record;
            while (_filled < ChunkBytes)
            {
                int n = d.Read(_chunk, _filled, ChunkBytes - _filled);
                if (n < 0)
                {
                    RetryOrFail("the download broke at byte " + (r.Offset + _filled).ToString() + ": " + d.Error);
                    return;
                }
                if (n == 0) break;
                _filled += n;
            }
            bool end = _filled < ChunkBytes;
            if (_filled > 0)
            {
                if (r.Offset + _filled > Capacity())
                {
                    Finish(FileReply.Failed("file is larger than the " + Capacity().ToString() + " bytes available"), true);
                    return;
                }
                Store(_chunk, _filled);
                r.Offset += _filled;
                _filled = 0;
                ReportProgress();
            }
            if (!end)
            {
                if (r.Offset - _savedAt >= SaveEveryBytes) SaveProgress();
                return;
            }
            if (r.Total >= 0 && r.Offset < r.Total)
            {
                RetryOrFail("the server closed the download at byte " + r.Offset.ToString() + " of " + r.Total.ToString());
                return;
            }
            if (r.Total < 0) r.Total = r.Offset;
            Downloaded();
        }

        /// <summary>Every byte is written: reports {1,100} (once) and verifies next.</summary>
        private void Downloaded()
        {
            CloseTransfers();
            if (_record.Percent < 100)
            {
                _record.Percent = 100;
                Progress(FileReply.DownloadProgress, 100);
            }
            _phase = PhaseVerify;
        }

        /// <summary>Writes a chunk where it belongs (the slot, erasing sector by sector, or the profile buffer) and hashes it.</summary>
        private void Store(byte[] data, int count)
        {
            DownloadRecord r = _record;
            if (_profile != null)
            {
                Array.Copy(data, 0, _profile, (int)r.Offset, count);
            }
            else
            {
                IFlashArea slot = _boot.Slot(r.Slot);
                int at = (int)r.Offset;
                int sector = slot.SectorSize;
                for (int s = at / sector * sector; s < at + count; s += sector)
                {
                    if (s >= at) slot.Erase(s, sector);
                }
                slot.Write(at, data, 0, count);
                // Hash what the flash now holds, not what arrived: a write that did not stick changes the MD5 and the
                // checkSum, so the verification refuses the image ({-1,2}) before anything is switched.
                for (int done = 0; done < count; done += VerifyBytes)
                {
                    int n = count - done < VerifyBytes ? count - done : VerifyBytes;
                    slot.Read(at + done, _verify, 0, n);
                    _md5.Update(_verify, 0, n);
                    _sum.Update(_verify, 0, n);
                }
                return;
            }
            _md5.Update(data, 0, count);
            _sum.Update(data, 0, count);
        }

        private void ReportProgress()
        {
            DownloadRecord r = _record;
            if (r.Total <= 0) return;
            int step = ReportStep(FileReply.DownloadProgress, r.Offset, r.Total, r.Percent);
            if (step == r.Percent) return;
            r.Percent = step;
            if (_profile == null) SaveProgress();
        }

        /// <summary>
        /// Reports {<paramref name="respCode"/>,step} when <paramref name="done"/> of <paramref name="total"/> bytes reach
        /// a step of <see cref="ProgressStepPercent"/> (10..90) past <paramref name="reported"/>; returns the step now
        /// reported (<paramref name="reported"/> when none is due).
        /// </summary>
        private int ReportStep(int respCode, long done, long total, int reported)
        {
            int step = (int)(done * 100 / total) / ProgressStepPercent * ProgressStepPercent;
            if (step <= reported || step >= 100 || step < ProgressStepPercent) return reported;
            Progress(respCode, step);
            return step;
        }

        private void SaveProgress()
        {
            DownloadRecord r = _record;
            // Resume points sit on sector boundaries: resuming erases from there, never inside verified bytes.
            if (r.Offset % _boot.Slot(r.Slot).SectorSize != 0) return;
            _md5.SaveState(r.HashState, 0);
            r.HasHashState = true;
            r.Sum = _sum.Value;
            _downloads.Save(r);
            Pending = r;
            _savedAt = r.Offset;
        }

        private void RetryOrFail(string why)
        {
            CloseTransfers();
            _tries++;
            if (_phase != PhaseUpload && _profile == null && _record.Offset > _savedAt) SaveProgress();
            if (_tries > Retries)
            {
                Log(why + "; giving up after " + Retries.ToString() + " retries");
                if (_phase != PhaseUpload && _profile == null) Abandon();
                Finish(FileReply.Failed(FileReply.FailedInterrupted), false);
                return;
            }
            int delay = RetryBaseMs << (_tries - 1);
            Log(why + "; retry " + _tries.ToString() + " in " + (delay / MillisPerSecond).ToString() + " s");
            _retryAtMs = Now + delay;
            _phase = PhaseRetryWait;
        }

        /// <summary>
        /// Marks the saved download as given up: the platform is told the upgrade was interrupted, so the download must
        /// not start again by itself after a reboot; it stays for a new request of the same file to resume.
        /// </summary>
        private void Abandon()
        {
            DownloadRecord? saved = _downloads.Load();
            if (saved == null) return;
            saved.Abandoned = true;
            _downloads.Save(saved);
            Pending = saved;
        }

        // ---- Verification and installation ----

        private void VerifyAndApply()
        {
            DownloadRecord r = _record;
            FileInfo f = r.File;
            byte[] digest = new byte[Md5.HashSize];
            _md5.Final(digest, 0);
            uint sum = _sum.Value;
            string? problem = null;
            if (f.Md5.Length > 0 && !Hex.Matches(f.Md5, digest, 0, digest.Length))
                problem = "md5 mismatch: expected " + f.Md5.ToLower() + ", got " + Hex.Encode(digest, 0, digest.Length);
            else if (f.HasCheckSum && (uint)f.CheckSum != sum)
                problem = "checkSum mismatch: expected " + f.CheckSum.ToString() + ", got " + sum.ToString();
            BundleHeader? header = null;
            if (problem == null && f.FileType == Names.TypeFirm)
            {
                try
                {
                    header = Bundle.Verify(_boot.Slot(r.Slot), r.Total, _chunk);
                    if (!header.Hardware.Equals(DeviceVersion.ParseHardware(_device.Identity.Hardware)))
                        problem = "the image is for hardware " + header.Hardware.ToString();
                    else if (!header.Software.Equals(DeviceVersion.ParseSoftware(f.Software)))
                        problem = "the image is version " + header.Software.ToString() + ", not " + f.Software;
                }
                catch (BundleException e)
                {
                    problem = e.Message;
                }
            }
            if (problem != null)
            {
                Log("verification failed, nothing switched: " + problem);
                Finish(FileReply.Failed(FileReply.FailedVerification), true);
                return;
            }
            string md5 = Hex.Encode(digest, 0, digest.Length);
            Log(f.FileType + " verified: md5 " + md5 + ", checkSum " + sum.ToString() + ", " + r.Total.ToString() + " bytes");

            if (f.FileType == Names.TypeFirm)
            {
                // The MD5 of the slot is the digest just checked: the download hashed the slot's bytes as they were
                // read back from flash, and the bundle's length is the download's (Bundle.Verify checked it).
                SlotInfo info = BootManager.Describe(header!, md5);
                _boot.Activate(r.Slot, info, _msgId);
                // Reported as soon as the swap is saved: a power cut while the download record is cleared must not lose it.
                Progress(FileReply.UpgradeProgress, 1);
                ForgetDownload();
                Log("slot " + BootRecord.SlotName(r.Slot) + " holds " + info.Software + " and boots next, on trial: rebooting");
                _phase = PhaseIdle;
                _device.Reboot();
                return;
            }
            if (f.FileType == Names.TypeSubFirm)
            {
                Progress(FileReply.UpgradeProgress, 1);
                string? refused = _subDevices!.Begin(f.DevNum, (int)r.Total, f.Software);
                if (refused != null)
                {
                    Finish(FileReply.Failed("sub-device " + f.DevNum.ToString() + ": " + refused), true);
                    return;
                }
                _subOffset = 0;
                _subPercent = 1;
                _phase = PhaseSubDevice;
                return;
            }
            // PROFILE: applied first, so that a profile the application refuses never replaces the stored one.
            Progress(FileReply.UpgradeProgress, 1);
            string? rejected = _profileHandler != null ? _profileHandler.Apply(_profile!, (int)r.Total) : null;
            if (rejected != null)
            {
                Finish(FileReply.Failed("profile refused: " + rejected), true);
                return;
            }
            _profiles.Save(_profile!, 0, (int)r.Total);
            Log("profile of " + r.Total.ToString() + " bytes stored and applied");
            Progress(FileReply.UpgradeProgress, 100);
            NextEntry();
        }

        private void SubDeviceStep()
        {
            DownloadRecord r = _record;
            FileInfo f = r.File;
            int n = (int)r.Total - _subOffset;
            if (n > ChunkBytes) n = ChunkBytes;
            if (n > 0)
            {
                _boot.Slot(r.Slot).Read(_subOffset, _chunk, 0, n);
                string? failed = _subDevices!.Write(f.DevNum, _chunk, 0, n);
                if (failed != null)
                {
                    Finish(FileReply.Failed("sub-device " + f.DevNum.ToString() + ": " + failed), true);
                    return;
                }
                _subOffset += n;
                _subPercent = ReportStep(FileReply.UpgradeProgress, _subOffset, r.Total, _subPercent);
                return;
            }
            string? refused = _subDevices!.Finish(f.DevNum);
            if (refused != null)
            {
                Finish(FileReply.Failed("sub-device " + f.DevNum.ToString() + ": " + refused), true);
                return;
            }
            _device.Identity.SubDevices = _subDevices.Versions();
            Log("sub-device " + f.DevNum.ToString() + " updated to " + f.Software);
            Progress(FileReply.UpgradeProgress, 100);
            ForgetDownload();
            SendVersions(_msgId, _prio);
            NextEntry();
        }

        private void NextEntry()
        {
            _entry++;
            if (_entry < _entries.Length)
            {
                BeginEntry();
                return;
            }
            Finish(null, false);
        }

        // ---- Upload ----

        private void StartUpload(FileInfo f, bool first)
        {
            _uploadFile = null;
            _uploadData = NoBytes;
            if (f.FileType == Names.TypeLog)
            {
                _uploadData = LogText();
                _uploadLength = _uploadData.Length;
            }
            else
            {
                _uploadFile = _files != null ? _files.Open(f.FileType) : null;
                if (_uploadFile == null)
                {
                    Finish(FileReply.Failed("no " + f.FileType + " file to upload"), false);
                    return;
                }
                _uploadLength = _uploadFile.Length;
            }
            if (first) Progress(FileReply.DownloadProgress, 1);
            _uploadOffset = 0;
            _uploadPercent = 1;
            _upload = _http.OpenPost(f.Url, f.FileType == Names.TypeLog ? "text/plain" : "application/octet-stream", _uploadLength, _device.CurrentConfig.CaPem, TransferTimeoutMs);
            if (_upload.Error.Length > 0)
            {
                RetryUpload("cannot start the upload: " + _upload.Error);
                return;
            }
            _phase = PhaseUpload;
        }

        private void UploadStep()
        {
            IHttpUpload up = _upload!;
            int n = _uploadLength - _uploadOffset;
            if (n > ChunkBytes) n = ChunkBytes;
            if (n > 0)
            {
                if (_uploadFile != null) n = _uploadFile.Read(_uploadOffset, _chunk, 0, n);
                else Array.Copy(_uploadData, _uploadOffset, _chunk, 0, n);
                if (!up.Write(_chunk, 0, n))
                {
                    RetryUpload("the upload broke at byte " + _uploadOffset.ToString() + ": " + up.Error);
                    return;
                }
                _uploadOffset += n;
                _uploadPercent = ReportStep(FileReply.DownloadProgress, _uploadOffset, _uploadLength, _uploadPercent);
                return;
            }
            HttpResult result = up.Finish();
            CloseTransfers();
            if (result.Status < 200 || result.Status > 299)
            {
                if (result.Status == 0) RetryUpload("the upload got no answer: " + result.Error);
                else Finish(FileReply.Failed("upload refused: HTTP " + result.Status.ToString()), false);
                return;
            }
            Log(_entries[_entry].FileType + " uploaded: " + _uploadLength.ToString() + " bytes");
            Progress(FileReply.DownloadProgress, 100);
            NextEntry();
        }

        private void RetryUpload(string why)
        {
            // An upload starts over from the beginning: servers do not resume a POST.
            _phase = PhaseUpload;
            RetryOrFail(why);
        }

        /// <summary>The log lines whose time falls in the request's window, one per line with its platform time, as UTF-8.</summary>
        private byte[] LogText()
        {
            LogEntry[] entries = _device.Log.Recent(_device.Log.Count);
            long now = Now;
            long platformNow = _device.Clock.NowMs;
            string text = "";
            for (int i = 0; i < entries.Length; i++)
            {
                long at = entries[i].UptimeMs;
                if (at < _windowFromMs || at > _windowToMs) continue;
                text += (platformNow - (now - at)).ToString() + " " + entries[i].ToString() + "\n";
            }
            return Utf8.GetBytes(text);
        }

        // ---- Reports ----

        private void SendOwedReports()
        {
            _reportsPending = false;
            BootRecord b = _boot.Record;
            if (b.Report == BootRecord.ReportNone) return;
            switch (b.Report)
            {
                case BootRecord.ReportUpgraded:
                    _device.SendFileProgress(b.MsgId, Profile.PrioMedium, FileReply.UpgradeProgress, 100);
                    SendVersions(b.MsgId, Profile.PrioMedium);
                    Log("reported the finished upgrade to " + _device.Identity.Software);
                    break;
                case BootRecord.ReportRolledBack:
                case BootRecord.ReportFellBack:
                    _device.SendFileReply(b.MsgId, Profile.PrioMedium, FileReply.Failed(RollbackText));
                    Log("reported the rollback (" + _decision.Note + ")");
                    break;
            }
            _boot.ClearReport();
        }

        private void SendVersions(long msgId, int prio)
        {
            _device.SendFileReply(msgId, prio, FileReply.Versions(VersionText, _device.Identity.ProductVer, _device.Identity.AllVersions()));
        }

        private void CheckForUpdatesDaily(long now)
        {
            int hours = _device.CurrentConfig.OtaCheckHours;
            if (hours <= 0 || _device.State != DeviceState.Connected) return;
            if (_nextCheckMs == 0) _nextCheckMs = now + (long)hours * 3600 * MillisPerSecond;
            if (now < _nextCheckMs) return;
            _nextCheckMs = now + (long)hours * 3600 * MillisPerSecond;
            RequestUpgrade(Names.ScopeAll);
        }

        // ---- Helpers ----

        private void Finish(FileReply? failure, bool dropDownload)
        {
            CloseTransfers();
            if (failure != null) Reply(failure);
            if (dropDownload && _profile == null && _phase != PhaseUpload) ForgetDownload();
            _profile = null;
            _uploadData = NoBytes;
            _uploadFile = null;
            _phase = PhaseIdle;
        }

        /// <summary>Erases the saved download record and forgets it, so <see cref="Pending"/> keeps mirroring flash.</summary>
        private void ForgetDownload()
        {
            _downloads.Clear();
            Pending = null;
        }

        private void CloseTransfers()
        {
            if (_download != null) _download.Close();
            if (_upload != null) _upload.Close();
            _download = null;
            _upload = null;
        }

        private long Capacity() => _profile != null ? _profile.Length : _boot.Slot(_record.Slot).Size;

        private void Reply(FileReply reply) => _device.SendFileReply(_msgId, _prio, reply);

        private void Progress(int respCode, int percent) => _device.SendFileProgress(_msgId, _prio, respCode, percent);

        private void Reply(long msgId, int prio, FileReply reply) => _device.SendFileReply(msgId, prio, reply);

        private void Log(string line) => _device.Log.Write(line);

        private long Now => _device.Hal.Clock.NowMs;

        private static string Describe(string code) =>
            code == FileReply.FailedBusyOrUrl ? "illegal URL or busy" : code == FileReply.FailedInterrupted ? "outside its time window" : code;

        private static string Host(string url)
        {
            int start = url.IndexOf("://");
            start = start < 0 ? 0 : start + 3;
            int end = url.IndexOf('/', start);
            return end < 0 ? url.Substring(start) : url.Substring(start, end - start);
        }
    }
}

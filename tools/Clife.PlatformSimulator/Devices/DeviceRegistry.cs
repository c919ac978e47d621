using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Protocol;

namespace Clife.Simulator.Devices;

/// <summary>
/// The platform's bookkeeping of devices: credentials, state, versions, last report, frames seen (bounded per
/// device) and 2018 events, plus waits on any of these. Thread-safe; one lock guards everything.
/// </summary>
public sealed class DeviceRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DeviceRecord> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (string DevId, int Cmd)> _requests = new();
    private readonly List<RegistrationAttempt> _registrations = [];
    private readonly List<Waiter> _waiters = [];
    private readonly TimeProvider _time;
    private readonly int _maxFrames;
    private long _sequence;

    private const int MaxRegistrationAttempts = 1000;
    private const int MaxFileEvents = 1000;

    /// <summary>Creates an empty registry keeping at most maxFramesPerDevice frames per device.</summary>
    public DeviceRegistry(TimeProvider time, int maxFramesPerDevice)
    {
        _time = time;
        _maxFrames = Math.Max(16, maxFramesPerDevice);
    }

    /// <summary>The sequence of the newest frame recorded (0 before any); a cursor for waits.</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    // ---- credentials -----------------------------------------------------------------------------------------

    /// <summary>
    /// Issues credentials for a successful registration: the given devId (authLevel 0), or the devId already known
    /// for productCode+mac, or a new unique one. The devSecret is always fresh.
    /// </summary>
    public (string DevId, string DevSecret) IssueCredentials(string productCode, int authLevel, string? fixedDevId, string mac, JsonObject request)
    {
        lock (_gate)
        {
            string devId = fixedDevId
                ?? _devices.Values.FirstOrDefault(d => d.ProductCode == productCode && string.Equals(d.Mac, mac, StringComparison.OrdinalIgnoreCase))?.DevId
                ?? NewDevIdLocked();
            DeviceRecord d = GetOrAddLocked(devId, productCode);
            d.ProductCode = productCode;
            d.Mac = mac;
            d.AuthLevel = authLevel;
            d.DevSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            d.Registrations++;
            d.RegisteredAt = _time.GetUtcNow();
            ApplyVersions(d, request);
            SetStateLocked(d, DeviceState.Registered, null);
            return (devId, d.DevSecret);
        }
    }

    /// <summary>Whether devId/devSecret are the current credentials of a registered device.</summary>
    public bool CheckCredentials(string? devId, string? devSecret)
    {
        if (devId is null || devSecret is null) return false;
        lock (_gate)
        {
            return _devices.TryGetValue(devId, out DeviceRecord? d) && d.DevSecret is not null
                && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(d.DevSecret), System.Text.Encoding.UTF8.GetBytes(devSecret));
        }
    }

    /// <summary>Records a registration attempt (kept bounded).</summary>
    public void AddRegistrationAttempt(RegistrationAttempt attempt)
    {
        lock (_gate)
        {
            _registrations.Add(attempt);
            if (_registrations.Count > MaxRegistrationAttempts) _registrations.RemoveAt(0);
            NotifyLocked();
        }
    }

    /// <summary>All registration attempts so far, oldest first.</summary>
    public IReadOnlyList<RegistrationAttempt> RegistrationAttempts
    {
        get
        {
            lock (_gate)
            {
                return _registrations.ToList();
            }
        }
    }

    // ---- frames ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Records a frame of a device (creating a record for a device first seen on MQTT) and updates the device's
    /// bookkeeping from it. Returns the record.
    /// </summary>
    public FrameRecord RecordFrame(string devId, string? productCode, FrameFlow flow, string channel, string raw, Frame? frame, string? error)
    {
        lock (_gate)
        {
            DeviceRecord d = GetOrAddLocked(devId, productCode);
            var record = new FrameRecord
            {
                Sequence = ++_sequence,
                Time = _time.GetUtcNow(),
                DevId = devId,
                Flow = flow,
                Channel = channel,
                Frame = frame,
                Raw = raw,
                Error = error,
            };
            d.Frames.Add(record);
            if (d.Frames.Count > _maxFrames) d.Frames.RemoveAt(0);
            if (flow == FrameFlow.Up)
            {
                d.LastSeen = record.Time;
                if (frame is not null) ApplyUpFrameLocked(d, record, frame);
            }
            else if (frame is not null)
            {
                _requests[frame.MsgId] = (devId, frame.Cmd);
            }
            NotifyLocked();
            return record;
        }
    }

    /// <summary>The device and command a platform request msgId was sent with, when known.</summary>
    public bool TryGetRequest(long msgId, out string devId, out int cmd)
    {
        lock (_gate)
        {
            if (_requests.TryGetValue(msgId, out var r))
            {
                (devId, cmd) = r;
                return true;
            }
        }
        devId = string.Empty;
        cmd = 0;
        return false;
    }

    private void ApplyUpFrameLocked(DeviceRecord d, FrameRecord record, Frame frame)
    {
        JsonObject? data = frame.DataObject;
        switch (frame.Cmd)
        {
            case PlatformCmd.Connect when data is not null:
                ApplyVersions(d, data);
                if (data[Fields.DevVer] is JsonArray connectVer) d.DevVer = ParseDevVer(connectVer);
                d.Ip = JsonValues.GetText(data[Fields.Ip]) ?? d.Ip;
                d.Rssi = JsonValues.GetInt(data[Fields.Rssi]) ?? d.Rssi;
                break;
            case PlatformCmd.Report when data is not null:
                d.LastReport = (JsonObject)data.DeepClone();
                d.LastReportAt = record.Time;
                d.Reports++;
                break;
            case PlatformCmd.FileReply when data is not null:
                IReadOnlyList<DeviceVersion> devVer = data[Fields.DevVer] is JsonArray a ? ParseDevVer(a) : [];
                var ev = new FileEvent
                {
                    Sequence = record.Sequence,
                    Time = record.Time,
                    MsgId = frame.MsgId,
                    Solicited = _requests.TryGetValue(frame.MsgId, out var req) && req.DevId == d.DevId && req.Cmd == PlatformCmd.File,
                    RespCode = frame.RespCode,
                    RespCont = frame.RespCont,
                    ProductVer = JsonValues.GetInt(data[Fields.ProductVer]),
                    DevVer = devVer,
                    Data = (JsonObject)data.DeepClone(),
                };
                d.FileEvents.Add(ev);
                if (d.FileEvents.Count > MaxFileEvents) d.FileEvents.RemoveAt(0);
                if (ev.RespCode == RespCode.FileVersionReport)
                {
                    d.ProductVer = ev.ProductVer ?? d.ProductVer;
                    if (devVer.Count > 0)
                    {
                        d.DevVer = devVer;
                        DeviceVersion? module = devVer.FirstOrDefault(v => v.DevNum is null or 0);
                        if (module is not null)
                        {
                            d.Software = module.Software ?? d.Software;
                            d.Hardware = module.Hardware ?? d.Hardware;
                        }
                    }
                }
                break;
            case PlatformCmd.Will:
                SetStateLocked(d, DeviceState.Offline, "will");
                break;
            case PlatformCmd.ForceOfflineReply when frame.RespCode == RespCode.Ok:
                SetStateLocked(d, DeviceState.Offline, "forced offline");
                break;
            case PlatformCmd.UnbindReply when frame.RespCode == RespCode.Ok:
                SetStateLocked(d, DeviceState.Unbound, "unbound");
                break;
        }
    }

    /// <summary>Takes software, hardware and productVer from a registration or 2004 data object, keeping what it lacks.</summary>
    private static void ApplyVersions(DeviceRecord d, JsonObject data)
    {
        d.Software = JsonValues.GetText(data[Fields.Software]) ?? d.Software;
        d.Hardware = JsonValues.GetText(data[Fields.Hardware]) ?? d.Hardware;
        d.ProductVer = JsonValues.GetInt(data[Fields.ProductVer]) ?? d.ProductVer;
    }

    private static List<DeviceVersion> ParseDevVer(JsonArray a)
    {
        var list = new List<DeviceVersion>();
        foreach (JsonNode? n in a)
        {
            if (n is JsonObject o)
                list.Add(new DeviceVersion(JsonValues.GetText(o[Fields.Software]), JsonValues.GetText(o[Fields.Hardware]), JsonValues.GetInt(o[Fields.DevNum])));
        }
        return list;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /// <summary>Marks a device online (a 2005 with respCode 0 was sent).</summary>
    public void SetOnline(string devId)
    {
        lock (_gate)
        {
            if (!_devices.TryGetValue(devId, out DeviceRecord? d)) return;
            d.Connects++;
            SetStateLocked(d, DeviceState.Online, null);
        }
    }

    /// <summary>Marks a device offline with a reason, when it is not already offline or unbound.</summary>
    public void SetOffline(string devId, string reason)
    {
        lock (_gate)
        {
            if (_devices.TryGetValue(devId, out DeviceRecord? d) && d.State is DeviceState.Online or DeviceState.Registered)
                SetStateLocked(d, DeviceState.Offline, reason);
        }
    }

    private void SetStateLocked(DeviceRecord d, DeviceState state, string? reason)
    {
        d.State = state;
        if (state is DeviceState.Offline or DeviceState.Unbound) d.OfflineReason = reason;
        NotifyLocked();
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    /// <summary>Snapshots of all devices, ordered by devId.</summary>
    public IReadOnlyList<DeviceInfo> Devices
    {
        get
        {
            lock (_gate)
            {
                return _devices.Values.OrderBy(d => d.DevId, StringComparer.Ordinal).Select(d => d.Snapshot()).ToList();
            }
        }
    }

    /// <summary>The snapshot of one device, or null when unknown.</summary>
    public DeviceInfo? Find(string devId)
    {
        lock (_gate)
        {
            return _devices.TryGetValue(devId, out DeviceRecord? d) ? d.Snapshot() : null;
        }
    }

    /// <summary>Frames seen for a device (both directions, oldest first); empty when unknown.</summary>
    public IReadOnlyList<FrameRecord> Frames(string devId)
    {
        lock (_gate)
        {
            return _devices.TryGetValue(devId, out DeviceRecord? d) ? d.Frames.ToList() : [];
        }
    }

    /// <summary>2018 events of a device, oldest first; empty when unknown.</summary>
    public IReadOnlyList<FileEvent> FileEvents(string devId)
    {
        lock (_gate)
        {
            return _devices.TryGetValue(devId, out DeviceRecord? d) ? d.FileEvents.ToList() : [];
        }
    }

    // ---- waits -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Waits until the probe (run under the registry lock after every change) returns non-null.
    /// </summary>
    /// <exception cref="TimeoutException">Not satisfied within the timeout; the message comes from describe.</exception>
    public async Task<T> WaitAsync<T>(Func<DeviceRegistryView, T?> probe, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken = default)
        where T : class
    {
        Waiter w;
        lock (_gate)
        {
            var view = new DeviceRegistryView(this);
            if (probe(view) is T ready) return ready;
            w = new Waiter(() => probe(view));
            _waiters.Add(w);
        }
        try
        {
            return (T)await w.Completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(describe());
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(w);
            }
        }
    }

    private void NotifyLocked()
    {
        foreach (Waiter w in _waiters)
        {
            if (w.Completion.Task.IsCompleted) continue;
            if (w.Probe() is object result) w.Completion.TrySetResult(result);
        }
    }

    private DeviceRecord GetOrAddLocked(string devId, string? productCode)
    {
        if (!_devices.TryGetValue(devId, out DeviceRecord? d))
        {
            d = new DeviceRecord(devId, productCode ?? string.Empty);
            _devices[devId] = d;
        }
        else if (string.IsNullOrEmpty(d.ProductCode) && !string.IsNullOrEmpty(productCode))
        {
            d.ProductCode = productCode;
        }
        return d;
    }

    private string NewDevIdLocked()
    {
        while (true)
        {
            string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            if (!_devices.ContainsKey(id)) return id;
        }
    }

    internal DeviceRecord? FindLocked(string devId) => _devices.GetValueOrDefault(devId);

    internal IReadOnlyList<RegistrationAttempt> RegistrationsLocked => _registrations;

    internal IEnumerable<DeviceRecord> AllLocked() => _devices.Values;

    private sealed class Waiter(Func<object?> probe)
    {
        public Func<object?> Probe { get; } = probe;
        public TaskCompletionSource<object> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    internal sealed class DeviceRecord(string devId, string productCode)
    {
        public string DevId { get; } = devId;
        public string ProductCode { get; set; } = productCode;
        public string? Mac { get; set; }
        public string? DevSecret { get; set; }
        public int? AuthLevel { get; set; }
        public DeviceState State { get; set; } = DeviceState.Registered;
        public string? OfflineReason { get; set; }
        public int Registrations { get; set; }
        public int Connects { get; set; }
        public DateTimeOffset? RegisteredAt { get; set; }
        public DateTimeOffset? LastSeen { get; set; }
        public string? Software { get; set; }
        public string? Hardware { get; set; }
        public int? ProductVer { get; set; }
        public IReadOnlyList<DeviceVersion> DevVer { get; set; } = [];
        public string? Ip { get; set; }
        public int? Rssi { get; set; }
        public JsonObject? LastReport { get; set; }
        public DateTimeOffset? LastReportAt { get; set; }
        public int Reports { get; set; }
        public List<FrameRecord> Frames { get; } = [];
        public List<FileEvent> FileEvents { get; } = [];

        public DeviceInfo Snapshot() => new()
        {
            DevId = DevId,
            ProductCode = ProductCode,
            Mac = Mac,
            DevSecret = DevSecret,
            AuthLevel = AuthLevel,
            State = State,
            OfflineReason = OfflineReason,
            Registrations = Registrations,
            Connects = Connects,
            RegisteredAt = RegisteredAt,
            LastSeen = LastSeen,
            Software = Software,
            Hardware = Hardware,
            ProductVer = ProductVer,
            DevVer = DevVer,
            Ip = Ip,
            Rssi = Rssi,
            LastReport = (JsonObject?)LastReport?.DeepClone(),
            LastReportAt = LastReportAt,
            Reports = Reports,
        };
    }
}

/// <summary>Read access to the registry from inside a wait probe (the lock is held).</summary>
public sealed class DeviceRegistryView
{
    private readonly DeviceRegistry _registry;

    internal DeviceRegistryView(DeviceRegistry registry) => _registry = registry;

    /// <summary>The device's state, or null when unknown.</summary>
    public DeviceState? StateOf(string devId) => _registry.FindLocked(devId)?.State;

    /// <summary>The device snapshot, or null when unknown.</summary>
    public DeviceInfo? Device(string devId) => _registry.FindLocked(devId)?.Snapshot();

    /// <summary>The device's frames, oldest first (live list: do not keep it).</summary>
    public IReadOnlyList<FrameRecord> Frames(string devId) => (IReadOnlyList<FrameRecord>?)_registry.FindLocked(devId)?.Frames ?? [];

    /// <summary>The device's 2018 events, oldest first (live list: do not keep it).</summary>
    public IReadOnlyList<FileEvent> FileEvents(string devId) => (IReadOnlyList<FileEvent>?)_registry.FindLocked(devId)?.FileEvents ?? [];

    /// <summary>Snapshots of all devices.</summary>
    public IEnumerable<DeviceInfo> AllDevices() => _registry.AllLocked().Select(d => d.Snapshot());

    /// <summary>All registration attempts (live list: do not keep it).</summary>
    public IReadOnlyList<RegistrationAttempt> RegistrationAttempts => _registry.RegistrationsLocked;
}

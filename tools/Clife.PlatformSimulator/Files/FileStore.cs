using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Protocol;

namespace Clife.Simulator.Files;

/// <summary>The file server's state: hosted images with their misbehaviour and request log, and uploads.</summary>
public sealed class FileStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private readonly List<UploadRecord> _uploads = [];
    private readonly Dictionary<string, (int Status, int? Times)> _uploadFaults = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _uploadCounter;

    /// <summary>Creates an empty store.</summary>
    public FileStore(TimeProvider time) => _time = time;

    /// <summary>Hosts bytes under a name (replacing any file of that name and its request log).</summary>
    public HostedFileInfo Add(string name, byte[] content, FileMisbehavior? misbehavior = null)
    {
        ValidateName(name);
        lock (_gate)
        {
            var e = new Entry(name, content.ToArray(), misbehavior ?? FileMisbehavior.None);
            _files[name] = e;
            return e.Snapshot();
        }
    }

    /// <summary>Changes a hosted file's misbehaviour (resetting its fault counter).</summary>
    /// <exception cref="KeyNotFoundException">No such file.</exception>
    public void SetMisbehavior(string name, FileMisbehavior misbehavior)
    {
        lock (_gate)
        {
            Entry e = _files.GetValueOrDefault(name) ?? throw new KeyNotFoundException($"no hosted file '{name}'");
            e.Misbehavior = misbehavior;
            e.FaultsServed = 0;
        }
    }

    /// <summary>Removes a hosted file; false when there was none.</summary>
    public bool Remove(string name)
    {
        lock (_gate)
        {
            return _files.Remove(name);
        }
    }

    /// <summary>A snapshot of a hosted file, or null.</summary>
    public HostedFileInfo? Find(string name)
    {
        lock (_gate)
        {
            return _files.TryGetValue(name, out Entry? e) ? e.Snapshot() : null;
        }
    }

    /// <summary>Snapshots of all hosted files, by name.</summary>
    public IReadOnlyList<HostedFileInfo> Files
    {
        get
        {
            lock (_gate)
            {
                return _files.Values.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Snapshot()).ToList();
            }
        }
    }

    /// <summary>
    /// Starts serving a request: returns the bytes to serve and their md5, the misbehaviour that applies to this request
    /// (None once its Times are used up) and the request's place in the order of arrival, or null when the file is unknown.
    /// </summary>
    internal (byte[] Content, string Md5, FileMisbehavior Misbehavior, int Arrival)? BeginRequest(string name)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(name, out Entry? e)) return null;
            int arrival = e.RequestsBegun++;
            FileMisbehavior m = e.Misbehavior;
            if (!m.IsActive || (m.Times is int t && e.FaultsServed >= t)) return (e.Content, e.Md5, FileMisbehavior.None, arrival);
            e.FaultsServed++;
            return (e.Content, e.Md5, m, arrival);
        }
    }

    /// <summary>Notes that a response of a file began a stall (for <see cref="WaitForStallAsync"/>).</summary>
    internal void NoteStall(string name, long offset)
    {
        lock (_gate)
        {
            if (_files.TryGetValue(name, out Entry? e)) e.StallsBegun++;
        }
        Stalled?.Invoke(name, offset);
    }

    /// <summary>
    /// Waits until the file server has logged <paramref name="count"/> requests for a file. A request is logged when its
    /// response ends, which may be a moment after the client has all the bytes (or has seen the connection drop).
    /// </summary>
    /// <exception cref="TimeoutException">Not in time.</exception>
    public async Task<HostedFileInfo> WaitForRequestsAsync(string name, int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            HostedFileInfo? info = Find(name);
            if (info is not null && info.RequestCount >= count) return info;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"the file server did not log {count} request(s) for '{name}' within {timeout.TotalSeconds:0.#} s");
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Raised when a response stops sending for a stall: the file name and the file offset it stopped at.</summary>
    public event Action<string, long>? Stalled;

    /// <summary>
    /// Waits until responses of a file have begun <paramref name="count"/> stalls in all (counting stalls before the
    /// call), so a test can act while the server is holding back the rest of a file.
    /// </summary>
    /// <exception cref="TimeoutException">Not in time.</exception>
    public async Task WaitForStallAsync(string name, TimeSpan timeout, int count = 1, CancellationToken cancellationToken = default)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            lock (_gate)
            {
                if (_files.TryGetValue(name, out Entry? e) && e.StallsBegun >= count) tcs.TrySetResult();
            }
        }
        void Handler(string file, long offset)
        {
            if (file == name) Check();
        }
        Stalled += Handler;
        try
        {
            Check();
            await tcs.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no stall of '{name}' within {timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            Stalled -= Handler;
        }
    }

    /// <summary>
    /// Adds a finished request to a file's log, in the order the requests arrived (a request that is still being
    /// served, such as a stalled one, takes its place when it ends).
    /// </summary>
    internal void LogRequest(string name, int arrival, FileRequestRecord record)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(name, out Entry? e)) return;
            int at = e.Requests.Count;
            while (at > 0 && e.Requests[at - 1].Arrival > arrival) at--;
            e.Requests.Insert(at, (arrival, record));
        }
    }

    // ---- uploads ----------------------------------------------------------------------------------------------

    /// <summary>Makes uploads to a name (or to every name when null) fail with an HTTP status.</summary>
    public void SetUploadFault(string? name, int status, int? times = null)
    {
        lock (_gate)
        {
            _uploadFaults[name ?? "*"] = (status, times);
        }
    }

    /// <summary>Clears all upload faults.</summary>
    public void ClearUploadFaults()
    {
        lock (_gate)
        {
            _uploadFaults.Clear();
        }
    }

    /// <summary>The HTTP status an upload to this name must fail with, or null (consumes one fault).</summary>
    internal int? TakeUploadFault(string name)
    {
        lock (_gate)
        {
            foreach (string key in new[] { name, "*" })
            {
                if (!_uploadFaults.TryGetValue(key, out var f)) continue;
                if (f.Times is int t)
                {
                    if (t <= 0) continue;
                    _uploadFaults[key] = (f.Status, t - 1);
                }
                return f.Status;
            }
            return null;
        }
    }

    /// <summary>A name for an upload that came without one.</summary>
    internal string NextUploadName()
    {
        int n = Interlocked.Increment(ref _uploadCounter);
        return $"upload-{n}";
    }

    /// <summary>Stores an upload and returns its record.</summary>
    internal UploadRecord AddUpload(string name, string method, string? contentType, string? fileName, byte[] content)
    {
        var r = new UploadRecord(name, _time.GetUtcNow(), method, contentType, fileName, content.Length, FileImage.Md5Hex(content), FileImage.CheckSum(content))
        {
            Content = content,
        };
        lock (_gate)
        {
            _uploads.Add(r);
        }
        UploadArrived?.Invoke(r);
        return r;
    }

    /// <summary>Raised after an upload was stored.</summary>
    public event Action<UploadRecord>? UploadArrived;

    /// <summary>All uploads, oldest first.</summary>
    public IReadOnlyList<UploadRecord> Uploads
    {
        get
        {
            lock (_gate)
            {
                return _uploads.ToList();
            }
        }
    }

    /// <summary>Waits for the first upload (at or after index `skip`) matching the name, or any when null.</summary>
    /// <exception cref="TimeoutException">None arrived in time.</exception>
    public async Task<UploadRecord> WaitForUploadAsync(string? name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var tcs = new TaskCompletionSource<UploadRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(UploadRecord r)
        {
            if (name is null || r.Name == name) tcs.TrySetResult(r);
        }
        UploadArrived += Handler;
        try
        {
            lock (_gate)
            {
                UploadRecord? existing = _uploads.FirstOrDefault(u => name is null || u.Name == name);
                if (existing is not null) return existing;
            }
            return await tcs.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no upload{(name is null ? "" : $" named '{name}'")} within {timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            UploadArrived -= Handler;
        }
    }

    /// <summary>Checks a file or upload name: non-empty, no path separators.</summary>
    /// <exception cref="ArgumentException">Bad name.</exception>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or "..")
            throw new ArgumentException($"file name '{name}' must be non-empty and contain no '/' or '\\'");
    }

    private sealed class Entry(string name, byte[] content, FileMisbehavior misbehavior)
    {
        public string Name { get; } = name;
        public byte[] Content { get; } = content;
        public string Md5 { get; } = FileImage.Md5Hex(content);
        public uint CheckSum { get; } = FileImage.CheckSum(content);
        public FileMisbehavior Misbehavior { get; set; } = misbehavior;
        public int FaultsServed { get; set; }
        public int StallsBegun { get; set; }
        public int RequestsBegun { get; set; }
        public List<(int Arrival, FileRequestRecord Record)> Requests { get; } = [];

        public HostedFileInfo Snapshot() => new(Name, Content.Length, Md5, CheckSum, Misbehavior, Requests.Select(r => r.Record).ToList())
        {
            StallsBegun = StallsBegun,
            RequestsBegun = RequestsBegun,
        };
    }
}

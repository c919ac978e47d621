using System.Collections.Generic;

namespace Clife.Simulator.Files;

/// <summary>
/// A snapshot of a hosted file: integrity values, its misbehaviour and the finished requests it got, in the order they
/// arrived.
/// </summary>
public sealed record HostedFileInfo(
    string Name,
    long Size,
    string Md5,
    uint CheckSum,
    FileMisbehavior Misbehavior,
    IReadOnlyList<FileRequestRecord> Requests)
{
    /// <summary>How many requests arrived, including those still being served (not yet in <see cref="Requests"/>).</summary>
    public int RequestsBegun { get; init; }

    /// <summary>How many stalls its responses began.</summary>
    public int StallsBegun { get; init; }

    /// <summary>How many requests it got.</summary>
    public int RequestCount => Requests.Count;

    /// <summary>The Range header of each request, in order (null when a request had none).</summary>
    public IReadOnlyList<string?> RangeHeaders
    {
        get
        {
            var list = new List<string?>(Requests.Count);
            foreach (FileRequestRecord r in Requests) list.Add(r.Range);
            return list;
        }
    }
}

using System;
using System.Collections.Generic;

namespace Clife.Simulator.Files;

/// <summary>How the file server misbehaves for one file, on purpose, for tests. All offsets are file offsets.</summary>
public sealed record FileMisbehavior
{
    /// <summary>Drop the connection once the response reached this file offset (bytes before it are sent).</summary>
    public long? DropAfterByte { get; init; }
    /// <summary>Ignore Range headers: always answer 200 with the whole file.</summary>
    public bool IgnoreRange { get; init; }
    /// <summary>Serve wrong bytes: these file offsets are sent inverted (XOR 0xFF).</summary>
    public IReadOnlyList<long> FlipOffsets { get; init; } = [];
    /// <summary>Serve wrong bytes: the middle byte of the file is sent inverted.</summary>
    public bool CorruptMiddle { get; init; }
    /// <summary>Stop sending once the response reached this file offset, for <see cref="StallFor"/>, then go on.</summary>
    public long? StallAfterByte { get; init; }
    /// <summary>How long a stall lasts.</summary>
    public TimeSpan StallFor { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Answer with this HTTP status (e.g. 404, 500) and no file.</summary>
    public int? StatusCode { get; init; }
    /// <summary>How many requests misbehave; null = all of them. Later requests are served correctly.</summary>
    public int? Times { get; init; }

    /// <summary>Serve correctly.</summary>
    public static FileMisbehavior None { get; } = new();

    /// <summary>Whether anything is set.</summary>
    public bool IsActive => DropAfterByte is not null || IgnoreRange || FlipOffsets.Count > 0 || CorruptMiddle || StallAfterByte is not null || StatusCode is not null;
}

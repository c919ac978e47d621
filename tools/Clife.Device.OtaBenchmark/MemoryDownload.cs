using System;
using Clife.Device.Hal;

namespace Clife.Device.OtaBenchmark;

/// <summary>
/// A GET response served from memory in network-sized pieces: each Read returns at most one TCP segment's payload,
/// as a socket does, so FileOperations fills its 4 KiB chunk over several reads. No allocation per read.
/// </summary>
internal sealed class MemoryDownload : IHttpDownload
{
    private readonly byte[] _file;
    private readonly long _start;
    private readonly int _segmentBytes;
    private long _position;

    public MemoryDownload(byte[] file, long rangeStart, int segmentBytes)
    {
        _file = file;
        _start = rangeStart;
        _segmentBytes = segmentBytes;
        _position = rangeStart;
    }

    public int Status => _start > 0 ? 206 : 200;
    public long ContentLength => _file.Length - _start;
    public long RangeStart => _start > 0 ? _start : -1;
    public long TotalLength => _start > 0 ? _file.Length : -1;
    public string Error => "";

    /// <summary>True once the firmware closed the response (it does so right after the last byte).</summary>
    public bool Closed { get; private set; }

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = (int)Math.Min(Math.Min(count, _segmentBytes), _file.Length - _position);
        if (n <= 0) return 0;
        Array.Copy(_file, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public void Close() => Closed = true;
}

using System.Globalization;

namespace Clife.Simulator.Files;

/// <summary>A single HTTP byte range resolved against a file length (inclusive bounds).</summary>
internal readonly record struct ByteRange(long Start, long End)
{
    public long Length => End - Start + 1;

    /// <summary>Outcome of reading a Range header.</summary>
    public enum Kind
    {
        /// <summary>No usable Range: serve the whole file (absent, malformed, several ranges, or not bytes).</summary>
        Whole,
        /// <summary>One satisfiable range.</summary>
        Partial,
        /// <summary>A syntactically valid range outside the file: 416.</summary>
        Unsatisfiable,
    }

    /// <summary>Reads "bytes=a-b", "bytes=a-" or "bytes=-n" against the file length.</summary>
    public static Kind Parse(string? header, long length, out ByteRange range)
    {
        range = new ByteRange(0, length - 1);
        if (string.IsNullOrWhiteSpace(header)) return Kind.Whole;
        string h = header.Trim();
        if (!h.StartsWith("bytes=", System.StringComparison.OrdinalIgnoreCase)) return Kind.Whole;
        string spec = h[6..].Trim();
        if (spec.Contains(',', System.StringComparison.Ordinal)) return Kind.Whole;
        int dash = spec.IndexOf('-', System.StringComparison.Ordinal);
        if (dash < 0) return Kind.Whole;
        string a = spec[..dash].Trim();
        string b = spec[(dash + 1)..].Trim();
        const NumberStyles n = NumberStyles.None;
        if (a.Length == 0)
        {
            if (!long.TryParse(b, n, CultureInfo.InvariantCulture, out long suffix)) return Kind.Whole;
            if (suffix == 0 || length == 0) return Kind.Unsatisfiable;
            range = new ByteRange(System.Math.Max(0, length - suffix), length - 1);
            return Kind.Partial;
        }
        if (!long.TryParse(a, n, CultureInfo.InvariantCulture, out long start)) return Kind.Whole;
        long end = length - 1;
        if (b.Length > 0)
        {
            if (!long.TryParse(b, n, CultureInfo.InvariantCulture, out end)) return Kind.Whole;
            if (end < start) return Kind.Whole;
            if (end > length - 1) end = length - 1;
        }
        if (start >= length) return Kind.Unsatisfiable;
        range = new ByteRange(start, end);
        return Kind.Partial;
    }
}

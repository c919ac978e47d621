using System;

namespace Clife.Simulator;

/// <summary>A fault setting that applies to a limited (or unlimited) number of requests.</summary>
internal sealed class CountedFault<T>(T none) where T : class
{
    private readonly object _gate = new();
    private readonly T _none = none;
    private T _fault = none;
    private int? _remaining;

    /// <summary>The fault currently set.</summary>
    public T Current
    {
        get
        {
            lock (_gate)
            {
                return _fault;
            }
        }
    }

    /// <summary>Sets the fault for the next `times` matching requests (null = until changed).</summary>
    public void Set(T fault, int? times)
    {
        if (times is < 0) throw new ArgumentOutOfRangeException(nameof(times), "times must be >= 0");
        lock (_gate)
        {
            _fault = fault;
            _remaining = times;
        }
    }

    /// <summary>The fault for one request, consuming one use; `none` when none applies.</summary>
    public T Take(Func<T, bool> applies)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_fault, _none) || !applies(_fault)) return _none;
            if (_remaining is int r)
            {
                if (r <= 0) return _none;
                _remaining = r - 1;
            }
            return _fault;
        }
    }
}

using System;

namespace Clife.Simulator.Protocol;

/// <summary>A message is not a valid clife frame; the message says what is wrong.</summary>
public sealed class FrameFormatException : Exception
{
    /// <summary>Creates the exception with a reason a technician can act on.</summary>
    public FrameFormatException(string message, Exception? inner = null) : base(message, inner) { }
}

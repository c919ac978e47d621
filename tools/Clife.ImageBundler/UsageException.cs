using System;

namespace Clife.ImageBundler;

/// <summary>A bad argument or an unusable input file; the message tells the user what to change.</summary>
public sealed class UsageException(string message) : Exception(message);

using System;
using Clife.Device.Hal;

namespace Clife.Device.Host.Platform;

/// <summary>Randomness from .NET's shared generator, or a seeded one for repeatable runs.</summary>
public sealed class HostRandom : IRandom
{
    private readonly Random _random;

    /// <summary>A seeded generator when seed is given, else the shared one.</summary>
    public HostRandom(int? seed = null) => _random = seed is int s ? new Random(s) : Random.Shared;

    /// <inheritdoc/>
    public int Next(int maxExclusive) => _random.Next(maxExclusive);
}

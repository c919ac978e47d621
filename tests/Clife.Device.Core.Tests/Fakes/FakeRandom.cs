using System;
using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>Deterministic randomness: either a seeded generator, or "always the maximum" to test ceilings.</summary>
    public sealed class FakeRandom : IRandom
    {
        private readonly Random _random;

        /// <summary>A seeded generator.</summary>
        public FakeRandom(int seed)
        {
            _random = new Random(seed);
        }

        /// <summary>When true, <see cref="Next"/> returns maxExclusive - 1.</summary>
        public bool AlwaysMax { get; set; }

        /// <inheritdoc/>
        public int Next(int maxExclusive) => AlwaysMax ? maxExclusive - 1 : _random.Next(maxExclusive);
    }
}

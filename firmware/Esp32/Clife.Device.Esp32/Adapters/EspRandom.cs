using System;
using Clife.Device.Hal;

namespace Clife.Device.Esp32
{
    /// <summary>Randomness from mscorlib's Random (backed by the ESP32's hardware generator in nanoCLR).</summary>
    public sealed class EspRandom : IRandom
    {
        private readonly Random _random = new Random();

        /// <inheritdoc/>
        public int Next(int maxExclusive) => _random.Next(maxExclusive);
    }
}

using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>Counts reboots; reports fixed memory figures.</summary>
    public sealed class FakeSystem : ISystemControl
    {
        /// <summary>Reboots requested.</summary>
        public int Reboots;

        /// <inheritdoc/>
        public void Reboot() => Reboots++;
        /// <inheritdoc/>
        public long FreeMemory => 61234;
        /// <inheritdoc/>
        public long LargestFreeBlock => 20480;
    }
}

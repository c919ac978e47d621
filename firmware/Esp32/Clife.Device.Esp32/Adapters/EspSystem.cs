using Clife.Device.Hal;
using nanoFramework.Runtime.Native;

namespace Clife.Device.Esp32
{
    /// <summary>Reboot through nanoCLR and free managed memory from its garbage collector.</summary>
    public sealed class EspSystem : ISystemControl
    {
        /// <inheritdoc/>
        public void Reboot() => Power.RebootDevice();

        /// <summary>Free managed heap after a collection.</summary>
        public long FreeMemory => GC.Run(false);

        /// <summary>nanoCLR does not report the largest free block of the managed heap.</summary>
        public long LargestFreeBlock => -1;
    }
}

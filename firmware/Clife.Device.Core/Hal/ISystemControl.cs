namespace Clife.Device.Hal
{
    /// <summary>Whole-device services: reboot and memory figures.</summary>
    public interface ISystemControl
    {
        /// <summary>Restarts the device. On hardware this does not return; a host restarts the core from flash.</summary>
        void Reboot();

        /// <summary>Free managed heap in bytes, or -1 when the host cannot tell.</summary>
        long FreeMemory { get; }

        /// <summary>Largest free heap block in bytes, or -1 when the host cannot tell.</summary>
        long LargestFreeBlock { get; }
    }
}

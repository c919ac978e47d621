using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>
    /// A flash area that can wear out: with <see cref="WritesIgnored"/> set, writes change nothing (erases still work),
    /// so what was written does not read back, as on a worn NOR sector.
    /// </summary>
    public sealed class WornFlashArea : IFlashArea
    {
        private readonly IFlashArea _area;

        /// <summary>Wraps an area that works until <see cref="WritesIgnored"/> is set.</summary>
        public WornFlashArea(IFlashArea area)
        {
            _area = area;
        }

        /// <summary>When true, writes are silently lost.</summary>
        public bool WritesIgnored { get; set; }

        /// <inheritdoc/>
        public int Size => _area.Size;

        /// <inheritdoc/>
        public int SectorSize => _area.SectorSize;

        /// <inheritdoc/>
        public void Read(int address, byte[] buffer, int offset, int count) => _area.Read(address, buffer, offset, count);

        /// <inheritdoc/>
        public void Write(int address, byte[] buffer, int offset, int count)
        {
            if (!WritesIgnored) _area.Write(address, buffer, offset, count);
        }

        /// <inheritdoc/>
        public void Erase(int address, int length) => _area.Erase(address, length);
    }
}

namespace Clife.Device.Hal
{
    /// <summary>
    /// One area of NOR flash (like MCUboot's flash area): erased bytes read 0xFF, a write can only clear bits
    /// (the result is the old value AND the new one), and only whole sectors are erased.
    /// </summary>
    /// <remarks>
    /// Offsets are relative to the start of the area. Operations outside the area throw ArgumentOutOfRangeException.
    /// A power cut may interrupt any write or erase and leave it partly done; the storage code is built for that.
    /// </remarks>
    public interface IFlashArea
    {
        /// <summary>Size of the area in bytes (a multiple of <see cref="SectorSize"/>).</summary>
        int Size { get; }

        /// <summary>Erase unit in bytes.</summary>
        int SectorSize { get; }

        /// <summary>Reads bytes from the area.</summary>
        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Programs bytes: each stored byte becomes (stored AND written).</summary>
        void Write(int address, byte[] buffer, int offset, int count);

        /// <summary>Sets a sector-aligned range to 0xFF.</summary>
        void Erase(int address, int length);
    }
}

namespace Clife.Device.Hal
{
    /// <summary>
    /// A file that backs one flash area where the device's storage is a file system (the ESP32's internal I: drive).
    /// <see cref="Storage.FileFlashArea"/> gives it NOR-flash semantics.
    /// </summary>
    /// <remarks>
    /// Every call is committed before it returns (the ESP32 adapter closes or flushes the file), so a power cut
    /// leaves each call either done or not done. The file grows only by appending: a write may start at most at
    /// <see cref="Length"/>.
    /// </remarks>
    public interface IStorageFile
    {
        /// <summary>Bytes in the file (0 when it does not exist yet).</summary>
        int Length { get; }

        /// <summary>Reads bytes that lie within <see cref="Length"/>.</summary>
        void Read(int position, byte[] buffer, int offset, int count);

        /// <summary>Writes bytes at a position no greater than <see cref="Length"/> (writing at Length appends).</summary>
        void Write(int position, byte[] buffer, int offset, int count);

        /// <summary>Cuts the file to <paramref name="length"/> bytes (no greater than <see cref="Length"/>).</summary>
        void Truncate(int length);
    }
}

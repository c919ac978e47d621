using System;
using Clife.Device.Hal;

namespace Clife.Device.Host.Flash;

/// <summary>
/// Bytes in memory (a bundle file, a compressed stream) seen as a read-only flash area, so host tools verify and
/// expand them with exactly the code the device runs on its slot.
/// </summary>
public sealed class ReadOnlyArea(byte[] bytes) : IFlashArea
{
    /// <inheritdoc/>
    public int Size => bytes.Length;

    /// <inheritdoc/>
    public int SectorSize => 1;

    /// <inheritdoc/>
    public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(bytes, address, buffer, offset, count);

    /// <inheritdoc/>
    public void Write(int address, byte[] buffer, int offset, int count) => throw new NotSupportedException("this area is read-only");

    /// <inheritdoc/>
    public void Erase(int address, int length) => throw new NotSupportedException("this area is read-only");
}

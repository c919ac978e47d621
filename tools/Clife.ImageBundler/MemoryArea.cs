using System;
using Clife.Device.Hal;

namespace Clife.ImageBundler;

/// <summary>
/// The bytes of a bundle file seen as a read-only flash area, so the bundler verifies a bundle with exactly the code
/// the device runs on its slot (<see cref="Clife.Device.Ota.Bundle.Verify"/>).
/// </summary>
internal sealed class MemoryArea(byte[] bytes) : IFlashArea
{
    /// <inheritdoc/>
    public int Size => bytes.Length;

    /// <inheritdoc/>
    public int SectorSize => 1;

    /// <inheritdoc/>
    public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(bytes, address, buffer, offset, count);

    /// <inheritdoc/>
    public void Write(int address, byte[] buffer, int offset, int count) => throw new NotSupportedException("a bundle file is read-only here");

    /// <inheritdoc/>
    public void Erase(int address, int length) => throw new NotSupportedException("a bundle file is read-only here");
}

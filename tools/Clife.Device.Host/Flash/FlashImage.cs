using System;
using System.IO;
using Clife.Device.Hal;
using Clife.Device.Host.Boards;
using Clife.Device.Simulation;
using Clife.Device.Storage;

namespace Clife.Device.Host.Flash;

/// <summary>
/// The virtual device's flash chip: a <see cref="NorFlash"/> the size of the board's flash, optionally backed by a
/// file (every change is written through, so the image survives the process), with the firmware's storage areas
/// carved from the board's storage partition by <see cref="StorageLayout"/>.
/// </summary>
public sealed class FlashImage : IDisposable
{
    private readonly FileStream? _file;

    private FlashImage(BoardDescription board, NorFlash chip, FileStream? file)
    {
        Board = board;
        Chip = chip;
        _file = file;
        Layout = new StorageLayout(board.StorageSize, board.SectorSize);
        if (file is not null) chip.Changed += Persist;
    }

    /// <summary>The board the image is laid out for.</summary>
    public BoardDescription Board { get; }

    /// <summary>The simulated chip (power cuts are set here).</summary>
    public NorFlash Chip { get; }

    /// <summary>The firmware's storage areas.</summary>
    public StorageLayout Layout { get; }

    /// <summary>Path of the backing file, or null for an in-memory image.</summary>
    public string? Path => _file?.Name;

    /// <summary>
    /// Opens the image file, creating an erased one when it does not exist; null path = in memory only.
    /// A file of another size than the board's flash is refused.
    /// </summary>
    public static FlashImage Open(BoardDescription board, string? path, int seed)
    {
        int size = board.FlashSize;
        if (path is null) return new FlashImage(board, new NorFlash(size, board.SectorSize, seed), null);
        bool exists = File.Exists(path);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        byte[] image;
        if (exists && file.Length > 0)
        {
            if (file.Length != size)
            {
                file.Dispose();
                throw new InvalidDataException($"{path} holds {file.Length} bytes but board {board.Name} has {size} bytes of flash");
            }
            image = new byte[size];
            file.ReadExactly(image);
        }
        else
        {
            image = new byte[size];
            Array.Fill(image, (byte)0xFF);
            file.Write(image);
            file.Flush();
        }
        return new FlashImage(board, new NorFlash(image, board.SectorSize, seed), file);
    }

    /// <summary>One of the storage areas (<see cref="StorageLayout"/> ids).</summary>
    public IFlashArea Area(int area) => Chip.Area(Board.StorageOffset + Layout.OffsetOf(area), Layout.SizeOf(area));

    /// <inheritdoc/>
    public void Dispose() => _file?.Dispose();

    private void Persist(int address, int length)
    {
        _file!.Seek(address, SeekOrigin.Begin);
        _file.Write(Chip.Image, address, length);
        _file.Flush();
    }
}

using System;
using Clife.Device.Hal;

namespace Clife.Device.Storage
{
    /// <summary>
    /// A flash area kept in a file, with the semantics of NOR flash (<see cref="IFlashArea"/>): erased bytes read 0xFF
    /// and a write stores (old AND new). The file holds only the area's first bytes up to the last one ever written;
    /// everything past its end reads as erased.
    /// </summary>
    /// <remarks>
    /// Why a short file rather than one of the area's full size: on a copy-on-write file system such as LittleFS (the
    /// ESP32's I: drive), rewriting the head of a file rewrites all of its tail and needs that much free space. Here an
    /// erase that reaches the end of the data truncates the file, and the sequential writes of a download then only
    /// append. An erase in the middle writes 0xFF, and a write over existing bytes reads them back and stores the AND.
    /// The area's size stays fixed (<see cref="Size"/>), so the storage layout and its checks are those of raw flash.
    /// The buffers are shared by all instances: calls must come from one thread at a time (the core's thread).
    /// </remarks>
    public sealed class FileFlashArea : IFlashArea
    {
        private const int ChunkBytes = 512;
        private static readonly byte[] Erased = NewErased();
        private static readonly byte[] Scratch = new byte[ChunkBytes];

        private readonly IStorageFile _file;

        /// <summary>An area of <paramref name="size"/> bytes (whole sectors) backed by <paramref name="file"/>.</summary>
        public FileFlashArea(IStorageFile file, int size, int sectorSize)
        {
            if (sectorSize <= 0 || size <= 0 || size % sectorSize != 0)
                throw new StorageException("area of " + size.ToString() + " bytes is not a whole number of " + sectorSize.ToString() + "-byte sectors");
            _file = file;
            Size = size;
            SectorSize = sectorSize;
            if (file.Length > size) file.Truncate(size);
        }

        /// <inheritdoc/>
        public int Size { get; }

        /// <inheritdoc/>
        public int SectorSize { get; }

        /// <inheritdoc/>
        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            int stored = _file.Length;
            int fromFile = address >= stored ? 0 : (address + count <= stored ? count : stored - address);
            if (fromFile > 0) _file.Read(address, buffer, offset, fromFile);
            for (int i = fromFile; i < count; i++) buffer[offset + i] = 0xFF;
        }

        /// <inheritdoc/>
        public void Write(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            if (count == 0) return;
            int stored = _file.Length;
            int end = address + count;
            int at = address;
            // Bytes that exist: program them (old AND new), a chunk at a time.
            while (at < end && at < stored)
            {
                int n = end - at;
                if (n > ChunkBytes) n = ChunkBytes;
                if (at + n > stored) n = stored - at;
                _file.Read(at, Scratch, 0, n);
                int from = offset + (at - address);
                for (int i = 0; i < n; i++) Scratch[i] = (byte)(Scratch[i] & buffer[from + i]);
                _file.Write(at, Scratch, 0, n);
                at += n;
            }
            if (at >= end) return;
            // Past the end of the file every byte is erased: fill any gap, then append the rest as it is.
            AppendErased(address - stored);
            _file.Write(at, buffer, offset + (at - address), end - at);
        }

        /// <inheritdoc/>
        public void Erase(int address, int length)
        {
            CheckRange(address, length);
            if (address % SectorSize != 0 || length % SectorSize != 0)
                throw new ArgumentOutOfRangeException("address", "erase of " + length.ToString() + " bytes at " + address.ToString() + " is not sector-aligned");
            int stored = _file.Length;
            if (address >= stored) return;
            if (address + length >= stored)
            {
                _file.Truncate(address);
                return;
            }
            for (int at = address; at < address + length; at += ChunkBytes)
            {
                int n = address + length - at;
                if (n > ChunkBytes) n = ChunkBytes;
                _file.Write(at, Erased, 0, n);
            }
        }

        private void AppendErased(int gap)
        {
            while (gap > 0)
            {
                int n = gap > ChunkBytes ? ChunkBytes : gap;
                _file.Write(_file.Length, Erased, 0, n);
                gap -= n;
            }
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || address > Size - count)
                throw new ArgumentOutOfRangeException("address", "range of " + count.ToString() + " bytes at " + address.ToString() + " is outside the " + Size.ToString() + "-byte area");
        }

        private static byte[] NewErased()
        {
            byte[] b = new byte[ChunkBytes];
            for (int i = 0; i < b.Length; i++) b[i] = 0xFF;
            return b;
        }
    }
}

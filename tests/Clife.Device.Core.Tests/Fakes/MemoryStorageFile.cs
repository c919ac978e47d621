using System;
using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>An <see cref="IStorageFile"/> in memory that enforces the interface's rules and counts what was done.</summary>
    public sealed class MemoryStorageFile : IStorageFile
    {
        private byte[] _data = new byte[0];

        /// <summary>Writes that started before the end of the file (each would copy the tail on LittleFS).</summary>
        public int Rewrites { get; private set; }

        /// <summary>Bytes written at the end of the file.</summary>
        public int AppendedBytes { get; private set; }

        /// <summary>Calls to Truncate.</summary>
        public int Truncations { get; private set; }

        /// <inheritdoc/>
        public int Length { get; private set; }

        /// <summary>A copy of the file's bytes.</summary>
        public byte[] Content()
        {
            byte[] copy = new byte[Length];
            Array.Copy(_data, copy, Length);
            return copy;
        }

        /// <inheritdoc/>
        public void Read(int position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || count < 0 || position + count > Length) throw new InvalidOperationException("read past the end of the file");
            Array.Copy(_data, position, buffer, offset, count);
        }

        /// <inheritdoc/>
        public void Write(int position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || position > Length) throw new InvalidOperationException("write beyond the end of the file");
            if (position < Length) Rewrites++;
            int end = position + count;
            if (end > _data.Length)
            {
                byte[] grown = new byte[end * 2];
                Array.Copy(_data, grown, Length);
                _data = grown;
            }
            Array.Copy(buffer, offset, _data, position, count);
            if (end > Length)
            {
                AppendedBytes += end - (position > Length ? position : Length);
                Length = end;
            }
        }

        /// <inheritdoc/>
        public void Truncate(int length)
        {
            if (length < 0 || length > Length) throw new InvalidOperationException("truncate beyond the end of the file");
            Truncations++;
            Length = length;
        }
    }
}

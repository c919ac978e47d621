// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.FileSystem:System.IO.FileSystem/FileStream.cs@0b4543a44fbe993cd1aec2311f1690d6760efe54 (Read(SpanByte) is not in this version but Stream 1.x requires it; the API doc lists it at HEAD 434b26c, with three more constructors taking FileShare/bufferSize)

using System;

namespace System.IO
{
    /// <summary>A stream over a file, e.g. on the internal I: drive.</summary>
    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) => throw new NotSupportedException("compile-only facade");

        public FileStream(string path, FileMode mode, FileAccess access) => throw new NotSupportedException("compile-only facade");

        public override bool CanRead => throw new NotSupportedException("compile-only facade");

        public override bool CanSeek => throw new NotSupportedException("compile-only facade");

        public override bool CanWrite => throw new NotSupportedException("compile-only facade");

        public override long Length => throw new NotSupportedException("compile-only facade");

        public override long Position { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public string Name => throw new NotSupportedException("compile-only facade");

        public override void Close() => throw new NotSupportedException("compile-only facade");

        protected override void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");

        public override void Flush() => throw new NotSupportedException("compile-only facade");

        public override int Read(SpanByte buffer) => throw new NotSupportedException("compile-only facade");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("compile-only facade");

        public override int ReadByte() => throw new NotSupportedException("compile-only facade");

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("compile-only facade");

        public override void SetLength(long value) => throw new NotSupportedException("compile-only facade");

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("compile-only facade");

        public override void WriteByte(byte value) => throw new NotSupportedException("compile-only facade");
    }
}

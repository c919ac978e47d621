// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Streams:System.IO.Streams/MemoryStream.cs@1468a3b854362ba850a1fcbb8595f862adef43cd

using System;

namespace System.IO
{
    /// <summary>A stream backed by a byte array.</summary>
    public class MemoryStream : Stream
    {
        public MemoryStream() => throw new NotSupportedException("compile-only facade");

        public MemoryStream(byte[] buffer) => throw new NotSupportedException("compile-only facade");

        public MemoryStream(byte[] buffer, bool isWritable) => throw new NotSupportedException("compile-only facade");

        public override bool CanRead => throw new NotSupportedException("compile-only facade");

        public override bool CanSeek => throw new NotSupportedException("compile-only facade");

        public override bool CanWrite => throw new NotSupportedException("compile-only facade");

        public override long Length => throw new NotSupportedException("compile-only facade");

        public override long Position { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        protected override void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");

        public override void Flush() => throw new NotSupportedException("compile-only facade");

        public virtual byte[] GetBuffer() => throw new NotSupportedException("compile-only facade");

        public override int Read(SpanByte buffer) => throw new NotSupportedException("compile-only facade");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("compile-only facade");

        public override int ReadByte() => throw new NotSupportedException("compile-only facade");

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("compile-only facade");

        public override void SetLength(long value) => throw new NotSupportedException("compile-only facade");

        public virtual byte[] ToArray() => throw new NotSupportedException("compile-only facade");

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("compile-only facade");

        public override void WriteByte(byte value) => throw new NotSupportedException("compile-only facade");
    }
}

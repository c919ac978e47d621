// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.IO.Streams:System.IO.Streams/Stream.cs@ff384f9 (API doc HEAD, 1.x line: Read(SpanByte)); the indexed version @49dee4f51da2c939e7fb92d022e9586d56fa99fa is the 2.0-preview line with Read(Span<byte>), otherwise the same members; Read(SpanByte) confirmed by the override in MemoryStream.cs@1468a3b854362ba850a1fcbb8595f862adef43cd

using System;

namespace System.IO
{
    /// <summary>A sequence of bytes; custom streams override the abstract members, including Read(SpanByte).</summary>
    [Serializable]
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        protected Stream() => throw new NotSupportedException("compile-only facade");

        public abstract bool CanRead { get; }

        public abstract bool CanSeek { get; }

        public virtual bool CanTimeout => throw new NotSupportedException("compile-only facade");

        public abstract bool CanWrite { get; }

        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public virtual int ReadTimeout { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public virtual int WriteTimeout { get => throw new NotSupportedException("compile-only facade"); set => throw new NotSupportedException("compile-only facade"); }

        public virtual void Close() => throw new NotSupportedException("compile-only facade");

        public void CopyTo(Stream destination) => throw new NotSupportedException("compile-only facade");

        public void Dispose() => throw new NotSupportedException("compile-only facade");

        protected virtual void Dispose(bool disposing) => throw new NotSupportedException("compile-only facade");

        public abstract void Flush();

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void SetLength(long value);

        public abstract int Read(SpanByte buffer);

        public abstract int Read(byte[] buffer, int offset, int count);

        public virtual int ReadByte() => throw new NotSupportedException("compile-only facade");

        public abstract void Write(byte[] buffer, int offset, int count);

        public virtual void WriteByte(byte value) => throw new NotSupportedException("compile-only facade");
    }
}

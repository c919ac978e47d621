using Clife.Device.Hal;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>A console transport: tests type input and read what the console printed.</summary>
    public sealed class FakeConsoleStream : IByteStream
    {
        private byte[] _input = new byte[0];
        private int _read;
        private byte[] _output = new byte[256];
        private int _written;

        /// <summary>Queues text as typed input.</summary>
        public void Type(string text) => TypeBytes(Utf8.GetBytes(text));

        /// <summary>Queues raw bytes as typed input.</summary>
        public void TypeBytes(byte[] bytes)
        {
            byte[] all = new byte[_input.Length - _read + bytes.Length];
            System.Array.Copy(_input, _read, all, 0, _input.Length - _read);
            System.Array.Copy(bytes, 0, all, _input.Length - _read, bytes.Length);
            _input = all;
            _read = 0;
        }

        /// <summary>Typed bytes the console has not read yet.</summary>
        public int Pending => _input.Length - _read;

        /// <summary>Everything printed since the last call, as text (and forgets it).</summary>
        public string TakeOutput()
        {
            string text = Utf8.GetString(_output, 0, _written);
            _written = 0;
            return text;
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _input.Length - _read;
            if (n > count) n = count;
            System.Array.Copy(_input, _read, buffer, offset, n);
            _read += n;
            return n;
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            while (_written + count > _output.Length)
            {
                byte[] bigger = new byte[_output.Length * 2];
                System.Array.Copy(_output, bigger, _written);
                _output = bigger;
            }
            System.Array.Copy(buffer, offset, _output, _written, count);
            _written += count;
        }
    }
}

using Clife.Device.Hal;
using Clife.Device.Text;

namespace Clife.Device.Shell
{
    /// <summary>
    /// Turns the bytes a terminal sends into command lines: echo, backspace/delete, Ctrl-C and Ctrl-U, CR, LF and
    /// CRLF as one line end, ANSI escape sequences (CSI and SS3: arrow keys, function keys) ignored, other control
    /// bytes ignored, and lines longer than the limit rejected as a whole instead of being cut. A control byte inside
    /// an unfinished escape sequence ends the sequence and still acts, so garbage cannot swallow a line end or Ctrl-C.
    /// </summary>
    public sealed class LineEditor
    {
        /// <summary>Nothing complete yet.</summary>
        public const int Pending = 0;
        /// <summary>A line is complete; read it from <see cref="Line"/>.</summary>
        public const int LineReady = 1;
        /// <summary>The line was longer than the limit and was discarded.</summary>
        public const int TooLong = 2;
        /// <summary>The line was cancelled with Ctrl-C.</summary>
        public const int Cancelled = 3;
        /// <summary>The line was not valid UTF-8 and was discarded.</summary>
        public const int Invalid = 4;

        private const byte Backspace = 0x08;
        private const byte Delete = 0x7F;
        private const byte CtrlC = 0x03;
        private const byte CtrlU = 0x15;
        private const byte Tab = 0x09;
        private const byte Escape = 0x1B;
        private const byte Cr = 0x0D;
        private const byte Lf = 0x0A;
        private const byte Space = 0x20;

        private const int StateText = 0;
        private const int StateAfterCr = 1;
        private const int StateEscape = 2;
        private const int StateCsi = 3;
        private const int StateSs3 = 4;

        private static readonly byte[] EraseSequence = { Backspace, Space, Backspace };
        private static readonly byte[] NewLine = { Cr, Lf };
        private static readonly byte[] CancelEcho = { (byte)'^', (byte)'C', Cr, Lf };

        private readonly byte[] _buffer;
        private readonly IByteStream? _echo;
        private readonly byte[] _one = new byte[1];
        private int _length;
        private bool _overflow;
        private int _state;

        /// <summary>Creates an editor for lines of at most maxLength bytes, echoing to the stream when given.</summary>
        public LineEditor(int maxLength, IByteStream? echo)
        {
            _buffer = new byte[maxLength];
            _echo = echo;
        }

        /// <summary>Longest accepted line in bytes.</summary>
        public int MaxLength => _buffer.Length;

        /// <summary>The line completed by the last <see cref="Feed"/> that returned <see cref="LineReady"/>.</summary>
        public string Line { get; private set; } = "";

        /// <summary>Consumes one byte and returns what it completed.</summary>
        public int Feed(byte b)
        {
            switch (_state)
            {
                case StateAfterCr:
                    _state = StateText;
                    if (b == Lf) return Pending; // the LF of a CRLF
                    break;
                case StateEscape:
                    // ESC [ starts a CSI sequence (arrows, Delete); ESC O an SS3 one (arrows in application mode, F1-F4).
                    _state = b == (byte)'[' ? StateCsi : b == (byte)'O' ? StateSs3 : StateText;
                    if (b >= Space) return Pending;
                    _state = StateText; // a control byte (CR, Ctrl-C, ESC) cuts the sequence short and acts as itself
                    break;
                case StateCsi:
                    if (b >= Space)
                    {
                        if (b >= 0x40 && b <= 0x7E) _state = StateText;
                        return Pending;
                    }
                    _state = StateText;
                    break;
                case StateSs3:
                    _state = StateText;
                    if (b >= Space) return Pending;
                    break;
            }

            if (b == Cr || b == Lf)
            {
                if (b == Cr) _state = StateAfterCr;
                Echo(NewLine, 2);
                return EndLine();
            }
            if (b == Backspace || b == Delete)
            {
                RemoveLastCharacter();
                return Pending;
            }
            if (b == CtrlC)
            {
                Echo(CancelEcho, CancelEcho.Length);
                Clear();
                return Cancelled;
            }
            if (b == CtrlU)
            {
                _overflow = false; // first: RemoveLastCharacter does nothing while the line overflows
                while (_length > 0) RemoveLastCharacter();
                return Pending;
            }
            if (b == Escape)
            {
                _state = StateEscape;
                return Pending;
            }
            if (b == Tab) b = Space;
            if (b < Space) return Pending; // other control bytes are noise on a serial line

            if (_length == _buffer.Length)
            {
                _overflow = true;
                return Pending;
            }
            _buffer[_length++] = b;
            _one[0] = b;
            Echo(_one, 1);
            return Pending;
        }

        private int EndLine()
        {
            if (_overflow)
            {
                Clear();
                return TooLong;
            }
            if (!Utf8.IsValid(_buffer, 0, _length))
            {
                Clear();
                return Invalid;
            }
            Line = Utf8.GetString(_buffer, 0, _length);
            Clear();
            return LineReady;
        }

        private void RemoveLastCharacter()
        {
            if (_overflow || _length == 0) return;
            // Drop UTF-8 continuation bytes together with their lead byte.
            do _length--;
            while (_length > 0 && (_buffer[_length] & 0xC0) == 0x80);
            Echo(EraseSequence, EraseSequence.Length);
        }

        private void Clear()
        {
            _length = 0;
            _overflow = false;
        }

        private void Echo(byte[] bytes, int count)
        {
            if (_echo != null) _echo.Write(bytes, 0, count);
        }
    }
}

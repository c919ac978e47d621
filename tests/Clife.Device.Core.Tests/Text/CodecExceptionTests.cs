using Clife.Device.Text;

namespace Clife.Device.Tests.Text
{
    /// <summary>CodecException carries the position of the problem, or -1 when it is about the input as a whole.</summary>
    public class CodecExceptionTests
    {
        /// <summary>An error about the whole input has no offset.</summary>
        public void Whole_input_error_has_offset_minus_one()
        {
            var e = new CodecException("empty frame");
            Check.Equal(-1, e.Offset, "offset");
            Check.Equal("empty frame", e.Message, "message");
        }

        /// <summary>A positional error keeps its byte offset.</summary>
        public void Positional_error_keeps_its_offset()
        {
            var e = new CodecException("bad byte at 7", 7);
            Check.Equal(7, e.Offset, "offset");
        }
    }
}

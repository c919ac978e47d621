using Clife.Device.Text;

namespace Clife.Device.Protocol
{
    /// <summary>A frame is valid JSON but not a valid protocol frame (missing or mistyped field, bad version or direction).</summary>
    public sealed class FrameException : CodecException
    {
        /// <summary>Creates the error.</summary>
        public FrameException(string message) : base(message) { }

        /// <summary>Creates the error at a byte offset of the frame.</summary>
        public FrameException(string message, int offset) : base(message, offset) { }
    }
}

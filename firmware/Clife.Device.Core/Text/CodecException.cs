using System;

namespace Clife.Device.Text
{
    /// <summary>
    /// The one documented error of the core's decoders (UTF-8, JSON, frames, versions, ciphertext): the input is not
    /// what the protocol allows. The message says where and why, and never contains secret material.
    /// </summary>
    public class CodecException : Exception
    {
        /// <summary>Creates an error about the input as a whole (no position).</summary>
        public CodecException(string message) : base(message)
        {
            Offset = -1;
        }

        /// <summary>Creates an error at a byte offset of the input; the message should already name the offset.</summary>
        public CodecException(string message, int offset) : base(message)
        {
            Offset = offset;
        }

        /// <summary>Byte offset of the problem relative to the start of the decoded input, or -1 when not positional.</summary>
        public int Offset { get; }
    }
}

using Clife.Device.Text;

namespace Clife.Device.Json
{
    /// <summary>
    /// The input is not valid JSON, or a value is not what the caller asked for (wrong type, not an integer, out of
    /// range). The message says where (byte offset from the start of the input) and why.
    /// </summary>
    public sealed class JsonException : CodecException
    {
        /// <summary>Creates the error; the message should already name the offset.</summary>
        public JsonException(string message, int offset) : base(message, offset)
        {
        }
    }
}

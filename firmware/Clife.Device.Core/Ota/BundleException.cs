using Clife.Device.Text;

namespace Clife.Device.Ota
{
    /// <summary>An image bundle is truncated or inconsistent; the message says what is wrong.</summary>
    public sealed class BundleException : CodecException
    {
        /// <summary>Creates the error.</summary>
        public BundleException(string message) : base(message) { }
    }
}

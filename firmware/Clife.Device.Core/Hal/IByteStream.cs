namespace Clife.Device.Hal
{
    /// <summary>A byte stream such as a UART: the serial console's transport.</summary>
    public interface IByteStream
    {
        /// <summary>Reads what is available without waiting; returns 0 when nothing is.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes all the bytes.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}

namespace Clife.Device.Hal
{
    /// <summary>Where the host mirrors log lines (debug output, stdout). Lines never contain secrets.</summary>
    public interface ILogSink
    {
        /// <summary>Receives one formatted log line.</summary>
        void WriteLine(string line);
    }
}

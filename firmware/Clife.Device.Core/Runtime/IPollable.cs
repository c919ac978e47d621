namespace Clife.Device.Runtime
{
    /// <summary>Something the runtime polls from its loop (such as the serial console).</summary>
    public interface IPollable
    {
        /// <summary>Does a bounded step of work.</summary>
        void Poll();
    }
}

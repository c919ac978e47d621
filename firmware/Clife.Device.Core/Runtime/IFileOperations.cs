using Clife.Device.Protocol;

namespace Clife.Device.Runtime
{
    /// <summary>Carries out file operations (2019): downloads, upgrades, uploads, version queries.</summary>
    public interface IFileOperations
    {
        /// <summary>A new 2019 request arrived (duplicates are filtered before). Replies go out through the runtime.</summary>
        void OnRequest(long msgId, int prio, FileRequest request);

        /// <summary>Does a bounded step of the work in progress; called from every poll.</summary>
        void Poll();

        /// <summary>The device just reached Connected (after the 2005 reply).</summary>
        void OnConnected();
    }
}

using Clife.Device.Protocol;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>File operations that record what the runtime hands them and answer a QUERY at once.</summary>
    public sealed class RecordingFileOperations : IFileOperations
    {
        private readonly DeviceRuntime _device;

        /// <summary>Answers through the given runtime.</summary>
        public RecordingFileOperations(DeviceRuntime device)
        {
            _device = device;
        }

        /// <summary>Requests received.</summary>
        public int Requests;
        /// <summary>fileMode of the last request.</summary>
        public string LastMode = "";
        /// <summary>Polls received.</summary>
        public int Polls;

        /// <inheritdoc/>
        public void OnRequest(long msgId, int prio, FileRequest request)
        {
            Requests++;
            LastMode = request.FileMode;
            _device.SendFileReply(msgId, prio, FileReply.Versions("versions", 1, _device.Identity.AllVersions()));
        }

        /// <inheritdoc/>
        public void Poll() => Polls++;

        /// <inheritdoc/>
        public void OnConnected() { }
    }
}

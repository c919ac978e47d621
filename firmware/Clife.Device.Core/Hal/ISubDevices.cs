using Clife.Device.Protocol;

namespace Clife.Device.Hal
{
    /// <summary>
    /// The sub-devices (plug-ins) attached to the module, numbered from 1, and the link to update their firmware
    /// (fileType SUBFIRM). Methods return null on success, else why they failed.
    /// </summary>
    public interface ISubDevices
    {
        /// <summary>The versions of every sub-device (devNum, software, hardware).</summary>
        DevVersion[] Versions();

        /// <summary>Starts an update of sub-device devNum with an image of the given size and software version.</summary>
        string? Begin(int devNum, int size, string software);

        /// <summary>Sends the next part of the image.</summary>
        string? Write(int devNum, byte[] buffer, int offset, int count);

        /// <summary>Ends the update; the sub-device checks and installs the image.</summary>
        string? Finish(int devNum);
    }
}

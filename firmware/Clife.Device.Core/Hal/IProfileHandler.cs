namespace Clife.Device.Hal
{
    /// <summary>Applies a device profile (fileType PROFILE) after it was downloaded, verified and stored.</summary>
    public interface IProfileHandler
    {
        /// <summary>Applies the profile; returns null on success, else why it was refused.</summary>
        string? Apply(byte[] profile, int length);
    }
}

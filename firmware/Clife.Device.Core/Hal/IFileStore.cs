namespace Clife.Device.Hal
{
    /// <summary>Files the device can upload (fileMode UP with PHOTO, VIDEO, VOICE or DATA).</summary>
    public interface IFileStore
    {
        /// <summary>The newest file of a type ("PHOTO", ...), or null when there is none.</summary>
        IStoredFile? Open(string fileType);
    }

    /// <summary>A file to upload, read in chunks.</summary>
    public interface IStoredFile
    {
        /// <summary>File name (for the upload's logs).</summary>
        string Name { get; }

        /// <summary>Size in bytes.</summary>
        int Length { get; }

        /// <summary>Reads bytes from an offset; returns how many were read.</summary>
        int Read(int offset, byte[] buffer, int bufferOffset, int count);
    }
}

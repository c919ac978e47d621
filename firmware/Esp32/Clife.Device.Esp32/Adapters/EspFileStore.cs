using System.IO;
using Clife.Device.Hal;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// Files the device can upload (fileMode UP), kept by the product on the I: drive as I:\files\&lt;TYPE&gt;\&lt;name&gt;
    /// (PHOTO, VIDEO, VOICE, DATA). The newest file is the one whose name sorts last, so products name them by time.
    /// </summary>
    public sealed class EspFileStore : IFileStore
    {
        private readonly string _root;

        /// <summary>Files under <paramref name="root"/> ("I:\files").</summary>
        public EspFileStore(string root)
        {
            _root = root;
        }

        /// <inheritdoc/>
        public IStoredFile? Open(string fileType)
        {
            string folder = _root + "\\" + fileType;
            if (!Directory.Exists(folder)) return null;
            string[] files = Directory.GetFiles(folder);
            string? newest = null;
            for (int i = 0; i < files.Length; i++)
            {
                if (newest == null || string.Compare(files[i], newest) > 0) newest = files[i];
            }
            return newest == null ? null : new StoredFile(newest);
        }

        private sealed class StoredFile : IStoredFile
        {
            private readonly string _path;

            public StoredFile(string path)
            {
                _path = path;
                using (FileStream f = new FileStream(path, FileMode.Open, FileAccess.Read)) Length = (int)f.Length;
            }

            public string Name => Path.GetFileName(_path);

            public int Length { get; }

            public int Read(int offset, byte[] buffer, int bufferOffset, int count)
            {
                using (FileStream f = new FileStream(_path, FileMode.Open, FileAccess.Read))
                {
                    f.Seek(offset, SeekOrigin.Begin);
                    return f.Read(buffer, bufferOffset, count);
                }
            }
        }
    }
}

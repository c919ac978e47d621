using System.IO;
using Clife.Device.Hal;
using Clife.Device.Storage;

namespace Clife.Device.Esp32
{
    /// <summary>
    /// An <see cref="IStorageFile"/> on the internal I: drive (LittleFS). Every call opens the file, does its work and
    /// closes it, because LittleFS commits a file atomically when it is closed: a power cut then leaves each call done
    /// or not done. The length is kept in memory: the firmware is the only writer of its area files.
    /// </summary>
    public sealed class DriveFile : IStorageFile
    {
        private readonly string _path;
        private int _length = -1;

        /// <summary>The file at <paramref name="path"/> ("I:\clife\boot"); it is created on the first write.</summary>
        public DriveFile(string path)
        {
            _path = path;
        }

        /// <summary>Full path of the file.</summary>
        public string Path => _path;

        /// <inheritdoc/>
        public int Length
        {
            get
            {
                if (_length < 0)
                {
                    if (!File.Exists(_path)) _length = 0;
                    else
                    {
                        using (FileStream f = new FileStream(_path, FileMode.Open, FileAccess.Read)) _length = (int)f.Length;
                    }
                }
                return _length;
            }
        }

        /// <inheritdoc/>
        public void Read(int position, byte[] buffer, int offset, int count)
        {
            using (FileStream f = new FileStream(_path, FileMode.Open, FileAccess.Read))
            {
                f.Seek(position, SeekOrigin.Begin);
                int done = 0;
                while (done < count)
                {
                    int n = f.Read(buffer, offset + done, count - done);
                    if (n <= 0) throw new StorageException(_path + ": " + (count - done).ToString() + " bytes missing at " + (position + done).ToString());
                    done += n;
                }
            }
        }

        /// <inheritdoc/>
        public void Write(int position, byte[] buffer, int offset, int count)
        {
            int length = Length;
            using (FileStream f = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite))
            {
                f.Seek(position, SeekOrigin.Begin);
                f.Write(buffer, offset, count);
                f.Flush();
            }
            if (position + count > length) _length = position + count;
        }

        /// <inheritdoc/>
        public void Truncate(int length)
        {
            if (length == 0)
            {
                // Deleting frees the blocks at once and needs no SetLength support from the file system.
                if (File.Exists(_path)) File.Delete(_path);
            }
            else
            {
                using (FileStream f = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite)) f.SetLength(length);
            }
            _length = length;
        }
    }
}

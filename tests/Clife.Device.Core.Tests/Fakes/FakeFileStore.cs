using System;
using System.Collections;
using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>Files to upload (PHOTO, VIDEO, VOICE, DATA), kept in memory; the newest file of a type is offered.</summary>
    public sealed class FakeFileStore : IFileStore
    {
        private readonly ArrayList _files = new ArrayList();

        /// <summary>Opens made, by any type.</summary>
        public int Opens;

        /// <summary>Adds a file of a type.</summary>
        public FakeFileStore Add(string fileType, string name, byte[] content)
        {
            _files.Add(new StoredFile(fileType, name, content));
            return this;
        }

        /// <inheritdoc/>
        public IStoredFile? Open(string fileType)
        {
            Opens++;
            for (int i = _files.Count - 1; i >= 0; i--)
            {
                StoredFile f = (StoredFile)_files[i]!;
                if (f.Type == fileType) return f;
            }
            return null;
        }

        private sealed class StoredFile : IStoredFile
        {
            private readonly byte[] _content;

            public StoredFile(string type, string name, byte[] content)
            {
                Type = type;
                Name = name;
                _content = content;
            }

            public string Type { get; }
            public string Name { get; }
            public int Length => _content.Length;

            public int Read(int offset, byte[] buffer, int bufferOffset, int count)
            {
                int n = _content.Length - offset < count ? _content.Length - offset : count;
                if (n <= 0) return 0;
                Array.Copy(_content, offset, buffer, bufferOffset, n);
                return n;
            }
        }
    }
}

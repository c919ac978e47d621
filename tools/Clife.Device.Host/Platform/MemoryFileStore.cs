using System;
using System.Collections.Concurrent;
using Clife.Device.Hal;

namespace Clife.Device.Host.Platform;

/// <summary>The virtual device's files to upload (PHOTO, VIDEO, VOICE, DATA), kept in memory.</summary>
public sealed class MemoryFileStore : IFileStore
{
    private readonly ConcurrentDictionary<string, (string Name, byte[] Data)> _files = new();

    /// <summary>A store with a sample photo and a sample data file.</summary>
    public static MemoryFileStore WithSamples()
    {
        var store = new MemoryFileStore();
        byte[] photo = new byte[20_000];
        new Random(7).NextBytes(photo);
        store.Put("PHOTO", "snapshot.jpg", photo);
        store.Put("DATA", "readings.csv", System.Text.Encoding.UTF8.GetBytes("time,temperature\n1,22\n2,23\n"));
        return store;
    }

    /// <summary>Sets the file of a type.</summary>
    public void Put(string fileType, string name, byte[] data) => _files[fileType] = (name, data);

    /// <summary>Removes the file of a type.</summary>
    public void Remove(string fileType) => _files.TryRemove(fileType, out _);

    /// <inheritdoc/>
    public IStoredFile? Open(string fileType) => _files.TryGetValue(fileType, out var f) ? new StoredFile(f.Name, f.Data) : null;

    private sealed class StoredFile(string name, byte[] data) : IStoredFile
    {
        public string Name => name;
        public int Length => data.Length;

        public int Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            int n = Math.Min(count, data.Length - offset);
            Array.Copy(data, offset, buffer, bufferOffset, n);
            return n;
        }
    }
}

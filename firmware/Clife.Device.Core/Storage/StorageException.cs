using System;

namespace Clife.Device.Storage
{
    /// <summary>Flash storage failed: a write did not read back, or an area is too small for what must be stored.</summary>
    public sealed class StorageException : Exception
    {
        /// <summary>Creates the error with a message a technician can act on.</summary>
        public StorageException(string message) : base(message) { }
    }
}

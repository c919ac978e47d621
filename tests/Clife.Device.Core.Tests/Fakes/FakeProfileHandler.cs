using System;
using Clife.Device.Hal;

namespace Clife.Device.Tests
{
    /// <summary>Keeps the profiles it applied; a test can make it refuse the next one.</summary>
    public sealed class FakeProfileHandler : IProfileHandler
    {
        /// <summary>The last applied profile, or null.</summary>
        public byte[]? Applied;
        /// <summary>Profiles applied.</summary>
        public int Count;
        /// <summary>Non-empty: the next profile is refused with this reason.</summary>
        public string RefuseNext = "";

        /// <inheritdoc/>
        public string? Apply(byte[] profile, int length)
        {
            if (RefuseNext.Length > 0)
            {
                string reason = RefuseNext;
                RefuseNext = "";
                return reason;
            }
            byte[] copy = new byte[length];
            Array.Copy(profile, copy, length);
            Applied = copy;
            Count++;
            return null;
        }
    }
}

using System;

namespace Clife.Device
{
    /// <summary>Argument checks for the (array, offset, count) ranges that the core's byte APIs take.</summary>
    internal static class ByteRange
    {
        /// <summary>Throws unless <paramref name="data"/> is not null and holds <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static void Check(byte[] data, int offset, int count, string name)
        {
            if (data == null) throw new ArgumentNullException(name);
            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(name, name + ": offset " + offset.ToString() + " and count "
                    + count.ToString() + " do not fit in an array of " + data.Length.ToString() + " bytes");
            }
        }
    }
}

// Compile-only reference facade: declarations only, every body throws; never deployed or run.
// Source: nanoframework/System.Text:nanoFramework.System.Text/Text/Encoding.cs@4c12b0e (API doc HEAD; the file is not in the index: members checked against the doc and their uses in System.Net.Http:StringContent.cs@631b8101367c639035f132992da59bb200d9ba24 and HttpContent.cs@08acff6ce702313aeac3c6ffc0dcc85f904209b8)

using System;

namespace System.Text
{
    /// <summary>A character encoding; nanoFramework implements UTF-8 only.</summary>
    public abstract class Encoding
    {
        protected Encoding() => throw new NotSupportedException("compile-only facade");

        public static Encoding UTF8 { get => throw new NotSupportedException("compile-only facade"); }

        public virtual byte[] GetBytes(string s) => throw new NotSupportedException("compile-only facade");

        public virtual string GetString(byte[] bytes, int index, int count) => throw new NotSupportedException("compile-only facade");
    }
}

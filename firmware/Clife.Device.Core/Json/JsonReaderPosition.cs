namespace Clife.Device.Json
{
    /// <summary>
    /// A saved position of a <see cref="JsonReader"/> (<see cref="JsonReader.SavePosition"/>): everything the reader
    /// needs to continue from that token again. A plain value; saving and restoring allocate nothing.
    /// </summary>
    public struct JsonReaderPosition
    {
        internal byte[]? Buffer;
        internal int Generation;
        internal int Start;
        internal int End;
        internal int Pos;
        internal int Depth;
        internal ulong Objects;
        internal JsonTokenType Token;
        internal int TokenDepth;
        internal int ValueStart;
        internal int ValueLength;
        internal bool Escaped;
        internal bool Done;
    }
}

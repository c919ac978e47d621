namespace Clife.Device.Json
{
    /// <summary>The kind of token a <see cref="JsonReader"/> is positioned on (the same names as System.Text.Json's).</summary>
    public enum JsonTokenType
    {
        /// <summary>No token yet: Read has not been called since Reset.</summary>
        None = 0,

        /// <summary>'{'.</summary>
        StartObject = 1,

        /// <summary>'}'.</summary>
        EndObject = 2,

        /// <summary>'['.</summary>
        StartArray = 3,

        /// <summary>']'.</summary>
        EndArray = 4,

        /// <summary>A member name inside an object; its value is the next token.</summary>
        PropertyName = 5,

        /// <summary>A string value.</summary>
        String = 6,

        /// <summary>A number value.</summary>
        Number = 7,

        /// <summary>The literal true.</summary>
        True = 8,

        /// <summary>The literal false.</summary>
        False = 9,

        /// <summary>The literal null.</summary>
        Null = 10,
    }
}

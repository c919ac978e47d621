namespace Clife.Device.Runtime
{
    /// <summary>
    /// One data point of the device's data model: its name, type, range, whether the platform may write it, and its
    /// current value. Booleans and integers keep their value in <see cref="Integer"/>, text in <see cref="Text"/>.
    /// </summary>
    public sealed class DataPoint
    {
        /// <summary>Type: true or false.</summary>
        public const int TypeBool = 0;
        /// <summary>Type: an integer within [Min, Max].</summary>
        public const int TypeInt = 1;
        /// <summary>Type: text of at most MaxLength characters.</summary>
        public const int TypeText = 2;

        private DataPoint(string name, int type, bool writable)
        {
            Name = name;
            Type = type;
            Writable = writable;
        }

        /// <summary>Name as it appears in frames.</summary>
        public string Name { get; }
        /// <summary>One of TypeBool, TypeInt, TypeText.</summary>
        public int Type { get; }
        /// <summary>True when the platform may set it with 2011.</summary>
        public bool Writable { get; }
        /// <summary>Smallest allowed integer (TypeInt).</summary>
        public long Min { get; private set; }
        /// <summary>Largest allowed integer (TypeInt).</summary>
        public long Max { get; private set; }
        /// <summary>Longest allowed text (TypeText).</summary>
        public int MaxLength { get; private set; }

        /// <summary>Current value of a TypeBool (1 or 0) or TypeInt point.</summary>
        public long Integer { get; internal set; }
        /// <summary>Current value of a TypeText point.</summary>
        public string Text { get; internal set; } = "";
        /// <summary>Current value of a TypeBool point.</summary>
        public bool Boolean => Integer != 0;

        /// <summary>A boolean point.</summary>
        public static DataPoint Bool(string name, bool writable, bool initial)
        {
            DataPoint p = new DataPoint(name, TypeBool, writable);
            p.Integer = initial ? 1 : 0;
            return p;
        }

        /// <summary>An integer point with an inclusive range.</summary>
        public static DataPoint Int(string name, long min, long max, bool writable, long initial)
        {
            DataPoint p = new DataPoint(name, TypeInt, writable);
            p.Min = min;
            p.Max = max;
            p.Integer = initial;
            return p;
        }

        /// <summary>A text point with a maximum length.</summary>
        public static DataPoint Str(string name, int maxLength, bool writable, string initial)
        {
            DataPoint p = new DataPoint(name, TypeText, writable);
            p.MaxLength = maxLength;
            p.Text = initial;
            return p;
        }

        /// <summary>What a valid value looks like, for error messages ("integer 0..100").</summary>
        public string Describe()
        {
            switch (Type)
            {
                case TypeBool: return "true or false";
                case TypeInt: return "an integer in " + Min.ToString() + ".." + Max.ToString();
                default: return "text of at most " + MaxLength.ToString() + " characters";
            }
        }

        /// <summary>The value as display text.</summary>
        public string ValueText()
        {
            switch (Type)
            {
                case TypeBool: return Boolean ? "true" : "false";
                case TypeInt: return Integer.ToString();
                default: return Text;
            }
        }
    }
}

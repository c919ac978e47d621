using Clife.Device.Json;
using Clife.Device.Protocol;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// The device's data points: reported with 2006, queried with 2009 and set with 2011. A control is validated as
    /// a whole and applied as a whole: one bad point and nothing changes.
    /// </summary>
    public sealed class DataModel
    {
        private readonly DataPoint[] _points;

        /// <summary>Creates a model; names must be unique, non-empty and not a reply field (respCode, respCont).</summary>
        public DataModel(DataPoint[] points)
        {
            for (int i = 0; i < points.Length; i++)
            {
                string name = points[i].Name;
                if (name.Length == 0 || name == Names.RespCode || name == Names.RespCont)
                    throw new System.ArgumentException("data point name \"" + name + "\" is empty or reserved");
                for (int j = 0; j < i; j++)
                {
                    if (points[j].Name == name) throw new System.ArgumentException("data point \"" + name + "\" is defined twice");
                }
            }
            _points = points;
        }

        /// <summary>Number of points.</summary>
        public int Count => _points.Length;

        /// <summary>The point at an index.</summary>
        public DataPoint At(int index) => _points[index];

        /// <summary>True when a point changed since the last report (set by local updates and controls).</summary>
        public bool Changed { get; set; }

        /// <summary>Receives applied controls; may be null.</summary>
        public IDataModelListener? Listener { get; set; }

        /// <summary>Index of a point by name, or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < _points.Length; i++) if (_points[i].Name == name) return i;
            return -1;
        }

        /// <summary>Sets an integer or boolean point locally (a sensor reading); returns false if unknown or out of range.</summary>
        public bool SetInteger(string name, long value)
        {
            int i = IndexOf(name);
            if (i < 0) return false;
            DataPoint p = _points[i];
            if (p.Type == DataPoint.TypeText) return false;
            if (p.Type == DataPoint.TypeInt && (value < p.Min || value > p.Max)) return false;
            if (p.Type == DataPoint.TypeBool && value != 0 && value != 1) return false;
            if (p.Integer != value) Changed = true;
            p.Integer = value;
            return true;
        }

        /// <summary>Sets a text point locally; returns false if unknown or too long.</summary>
        public bool SetText(string name, string value)
        {
            int i = IndexOf(name);
            if (i < 0 || _points[i].Type != DataPoint.TypeText || value.Length > _points[i].MaxLength) return false;
            if (_points[i].Text != value) Changed = true;
            _points[i].Text = value;
            return true;
        }

        /// <summary>
        /// Checks every point of a control: known, writable, named once, value of the right type and range.
        /// Returns null when all are valid, else one line naming every problem (the respCont of the error reply).
        /// </summary>
        public string? Validate(ControlRequest request)
        {
            string problems = "";
            if (request.Count == 0) return "no data points given";
            for (int i = 0; i < request.Count; i++)
            {
                string name = request.Points[i];
                string? problem = Check(request, i);
                for (int j = 0; j < i && problem == null; j++)
                {
                    if (request.Points[j] == name) problem = "given twice";
                }
                if (problem != null) problems += (problems.Length > 0 ? "; " : "") + name + ": " + problem;
            }
            return problems.Length == 0 ? null : problems;
        }

        /// <summary>Applies a control that <see cref="Validate"/> accepted, then tells the listener.</summary>
        public void Apply(ControlRequest request)
        {
            for (int i = 0; i < request.Count; i++)
            {
                DataPoint p = _points[IndexOf(request.Points[i])];
                if (p.Type == DataPoint.TypeText) p.Text = request.Strings[i];
                else p.Integer = request.Integers[i];
            }
            Changed = true;
            if (Listener != null) Listener.OnControlled(this, request.Points);
        }

        /// <summary>
        /// Checks that every name is a known point. Returns null when all are, else "unknown data point: a, b".
        /// </summary>
        public string? CheckKnown(string[] names)
        {
            string unknown = "";
            for (int i = 0; i < names.Length; i++)
            {
                if (IndexOf(names[i]) < 0) unknown += (unknown.Length > 0 ? ", " : "") + names[i];
            }
            return unknown.Length == 0 ? null : "unknown data point: " + unknown;
        }

        /// <summary>Writes the named points (all when names is empty) as members of the current object.</summary>
        public void WriteMembers(JsonWriter w, string[] names)
        {
            if (names.Length == 0)
            {
                for (int i = 0; i < _points.Length; i++) WriteMember(w, _points[i]);
                return;
            }
            for (int i = 0; i < names.Length; i++)
            {
                int index = IndexOf(names[i]);
                if (index >= 0) WriteMember(w, _points[index]);
            }
        }

        private static void WriteMember(JsonWriter w, DataPoint p)
        {
            switch (p.Type)
            {
                case DataPoint.TypeBool: w.WriteBoolean(p.Name, p.Boolean); break;
                case DataPoint.TypeInt: w.WriteNumber(p.Name, p.Integer); break;
                default: w.WriteString(p.Name, p.Text); break;
            }
        }

        private string? Check(ControlRequest request, int i)
        {
            int index = IndexOf(request.Points[i]);
            if (index < 0) return "unknown data point";
            DataPoint p = _points[index];
            if (!p.Writable) return "read-only";
            int kind = request.Kinds[i];
            switch (p.Type)
            {
                case DataPoint.TypeBool:
                    return kind == ControlRequest.KindBool ? null : "expected " + p.Describe();
                case DataPoint.TypeInt:
                    if (kind != ControlRequest.KindInteger) return "expected " + p.Describe();
                    long v = request.Integers[i];
                    return v < p.Min || v > p.Max ? v.ToString() + " is outside " + p.Min.ToString() + ".." + p.Max.ToString() : null;
                default:
                    if (kind != ControlRequest.KindString) return "expected " + p.Describe();
                    return request.Strings[i].Length > p.MaxLength ? "longer than " + p.MaxLength.ToString() + " characters" : null;
            }
        }
    }
}

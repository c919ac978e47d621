using Clife.Device.Protocol;
using Clife.Device.Runtime;
using Clife.Device.Tests.Protocol;

namespace Clife.Device.Tests
{
    /// <summary>
    /// The data model against decoded 2011 and 2009 frames: a control is validated as a whole, every problem is named
    /// in one line, and nothing is applied unless everything is valid; queries name unknown points.
    /// </summary>
    public sealed class DataModelTests
    {
        private sealed class Recorder : IDataModelListener
        {
            public int Calls;
            public string[] Last = new string[0];

            public void OnControlled(DataModel model, string[] changedPoints)
            {
                Calls++;
                Last = changedPoints;
            }
        }

        private static DataModel Model()
        {
            return new DataModel(new DataPoint[]
            {
                DataPoint.Bool("power", true, false),
                DataPoint.Int("temp", 0, 100, true, 20),
                DataPoint.Str("mode", 8, true, "auto"),
                DataPoint.Int("humidity", 0, 100, false, 55),
            });
        }

        /// <summary>The control request of a 2011 frame whose data is the given JSON object.</summary>
        private static ControlRequest Control(string data)
        {
            FrameReader reader = FrameKit.Decode(FrameKit.Object(new string[]
            {
                "\"cmd\":2011", "\"ver\":\"1.0\"", "\"dir\":\"30\"", "\"msgId\":12", "\"timestamp\":1", "\"data\":" + data,
            }));
            Check.Equal(Cmd.Control, reader.Header.Cmd, "cmd");
            return ControlRequest.Read(reader.OpenData());
        }

        private static string Values(DataModel model)
        {
            string s = "";
            for (int i = 0; i < model.Count; i++) s += (i > 0 ? " " : "") + model.At(i).Name + "=" + model.At(i).ValueText();
            return s;
        }

        private static void Rejected(string data, string expected)
        {
            DataModel model = Model();
            Recorder recorder = new Recorder();
            model.Listener = recorder;
            string before = Values(model);
            ControlRequest request = Control(data);
            Check.Equal(expected, model.Validate(request), "problems of " + data);
            Check.Equal(before, Values(model), "nothing applied");
            Check.False(model.Changed, "not changed");
            Check.Equal(0, recorder.Calls, "listener not called");
        }

        public void A_valid_control_is_applied_as_a_whole()
        {
            DataModel model = Model();
            Recorder recorder = new Recorder();
            model.Listener = recorder;
            ControlRequest request = Control("{\"power\":true,\"temp\":100,\" mode \":\"eco\"}");
            Check.Null(model.Validate(request), "problems");
            model.Apply(request);
            Check.Equal("power=true temp=100 mode=eco humidity=55", Values(model), "values");
            Check.True(model.Changed, "changed");
            Check.Equal(1, recorder.Calls, "listener calls");
            Check.Equal(3, recorder.Last.Length, "changed points");
            Check.Equal("mode", recorder.Last[2], "trimmed name");
        }

        public void Range_edges_are_accepted()
        {
            DataModel model = Model();
            Check.Null(model.Validate(Control("{\"temp\":0}")), "temp 0");
            Check.Null(model.Validate(Control("{\"temp\":100}")), "temp 100");
            Check.Null(model.Validate(Control("{\"mode\":\"12345678\"}")), "8 characters");
            Check.Null(model.Validate(Control("{\"mode\":\"\"}")), "empty text");
            Check.Null(model.Validate(Control("{\"power\":false}")), "false");
        }

        public void An_unknown_point_is_named()
        {
            Rejected("{\"fan\":1}", "fan: unknown data point");
        }

        public void A_read_only_point_is_named()
        {
            Rejected("{\"humidity\":50}", "humidity: read-only");
        }

        public void A_value_of_the_wrong_type_is_named()
        {
            Rejected("{\"power\":1}", "power: expected true or false");
            Rejected("{\"power\":\"true\"}", "power: expected true or false");
            Rejected("{\"temp\":\"5\"}", "temp: expected an integer in 0..100");
            Rejected("{\"temp\":5.5}", "temp: expected an integer in 0..100");
            Rejected("{\"temp\":true}", "temp: expected an integer in 0..100");
            Rejected("{\"temp\":null}", "temp: expected an integer in 0..100");
            Rejected("{\"temp\":[5]}", "temp: expected an integer in 0..100");
            Rejected("{\"mode\":5}", "mode: expected text of at most 8 characters");
            Rejected("{\"mode\":{}}", "mode: expected text of at most 8 characters");
        }

        public void A_value_out_of_range_is_named()
        {
            Rejected("{\"temp\":101}", "temp: 101 is outside 0..100");
            Rejected("{\"temp\":-1}", "temp: -1 is outside 0..100");
            Rejected("{\"temp\":9223372036854775807}", "temp: 9223372036854775807 is outside 0..100");
            Rejected("{\"temp\":9223372036854775808}", "temp: expected an integer in 0..100");
        }

        public void Text_that_is_too_long_is_named()
        {
            Rejected("{\"mode\":\"123456789\"}", "mode: longer than 8 characters");
        }

        public void A_point_given_twice_is_named()
        {
            Rejected("{\"temp\":5,\"temp\":6}", "temp: given twice");
            Rejected("{\"temp\":5,\" temp\":6}", "temp: given twice");
        }

        public void An_empty_control_is_rejected()
        {
            Rejected("{}", "no data points given");
        }

        public void Every_problem_is_named_in_one_line_and_nothing_is_applied()
        {
            Rejected("{\"power\":true,\"fan\":1,\"humidity\":1,\"temp\":101,\"mode\":\"123456789\",\"power\":false,\"temp\":\"x\"}",
                "fan: unknown data point; humidity: read-only; temp: 101 is outside 0..100; mode: longer than 8 characters; "
                + "power: given twice; temp: expected an integer in 0..100");
        }

        public void A_query_of_known_points_is_accepted()
        {
            DataModel model = Model();
            QueryRequest q = QueryRequest.Read(FrameKit.Decode(FrameKit.With(Names.Data, "{\"temp\":null,\"mode\":null}")).OpenData());
            Check.Null(model.CheckKnown(q.Points), "unknown points");
            Check.Null(model.CheckKnown(new string[0]), "an empty query asks for all");
        }

        public void A_query_names_every_unknown_point()
        {
            DataModel model = Model();
            QueryRequest q = QueryRequest.Read(FrameKit.Decode(FrameKit.With(Names.Data, "{\"fan\":null,\"temp\":null,\"light\":null}")).OpenData());
            Check.Equal("unknown data point: fan, light", model.CheckKnown(q.Points), "unknown points");
        }
    }
}

using System;
using Clife.Device.Json;
using Clife.Device.Text;

namespace Clife.Device.Tests
{
    /// <summary>JsonWriter: exact output bytes, escaping, numbers, commas, misuse, and reuse of its buffer.</summary>
    public sealed class JsonWriterTests
    {
        public void A_small_frame_is_written_compactly_with_commas_and_colons()
        {
            JsonWriter w = new JsonWriter(16);
            w.WriteStartObject();
            w.WriteNumber("cmd", 2018);
            w.WriteString("ver", "1.0");
            w.WriteString("dir", "03");
            w.WriteNumber("timestamp", 1617787651542L);
            w.WriteNumber("msgId", 23454);
            w.WriteStartObject("data");
            w.WriteNumber("respCode", 2);
            w.WriteString("respCont", "SUBFIRM");
            w.WriteEndObject();
            w.WriteEndObject();
            Check.Equal("{\"cmd\":2018,\"ver\":\"1.0\",\"dir\":\"03\",\"timestamp\":1617787651542,\"msgId\":23454,"
                        + "\"data\":{\"respCode\":2,\"respCont\":\"SUBFIRM\"}}", Text(w));
            Check.True(w.IsComplete, "complete");
            Check.Equal(0, w.CurrentDepth, "depth");
        }

        public void Nested_arrays_and_objects_get_commas_only_between_elements()
        {
            JsonWriter w = new JsonWriter();
            w.WriteStartArray();
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteNumber(1);
            w.WriteStartArray();
            w.WriteNull();
            w.WriteBoolean(true);
            w.WriteBoolean(false);
            w.WriteStartObject();
            w.WriteStartArray("a");
            w.WriteNumber(2);
            w.WriteEndArray();
            w.WriteNull("b");
            w.WriteBoolean("c", false);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("end");
            w.WriteEndArray();
            Check.Equal("[[],{},1,[null,true,false,{\"a\":[2],\"b\":null,\"c\":false}],\"end\"]", Text(w));
        }

        public void Scalars_can_be_the_whole_document()
        {
            Check.Equal("null", Single(delegate(JsonWriter w) { w.WriteNull(); }));
            Check.Equal("\"x\"", Single(delegate(JsonWriter w) { w.WriteString("x"); }));
            Check.Equal("-5", Single(delegate(JsonWriter w) { w.WriteNumber(-5); }));
            Check.Equal("true", Single(delegate(JsonWriter w) { w.WriteBoolean(true); }));
        }

        public void Integers_are_exact_at_the_edges()
        {
            Check.Equal("[0,-1,9223372036854775807,-9223372036854775808,2147483647,-2147483648]", Single(delegate(JsonWriter w)
            {
                w.WriteStartArray();
                w.WriteNumber(0);
                w.WriteNumber(-1);
                w.WriteNumber(long.MaxValue);
                w.WriteNumber(long.MinValue);
                w.WriteNumber(int.MaxValue);
                w.WriteNumber(int.MinValue);
                w.WriteEndArray();
            }));
        }

        public void Integers_written_as_strings_are_quoted_digits_at_every_edge()
        {
            Check.Equal("[\"0\",\"-1\",\"100\",\"9223372036854775807\",\"-9223372036854775808\"]", Single(delegate(JsonWriter w)
            {
                w.WriteStartArray();
                w.WriteIntegerAsString(0);
                w.WriteIntegerAsString(-1);
                w.WriteIntegerAsString(100);
                w.WriteIntegerAsString(long.MaxValue);
                w.WriteIntegerAsString(long.MinValue);
                w.WriteEndArray();
            }));
            Check.Equal("{\"respCode\":1,\"respCont\":\"55\"}", Single(delegate(JsonWriter w)
            {
                w.WriteStartObject();
                w.WriteNumber("respCode", 1);
                w.WriteIntegerAsString("respCont", 55);
                w.WriteEndObject();
            }));
        }

        public void An_integer_written_as_a_string_grows_a_tiny_buffer_exactly()
        {
            JsonWriter w = new JsonWriter(1);
            w.WriteIntegerAsString(long.MinValue);
            Check.Equal("\"-9223372036854775808\"", Text(w));
        }

        public void Doubles_are_written_shortest_and_javascript_style()
        {
            double[] values = { 0.1, -2.5, 23.5, 1.0, -0.0, 0.0, 1e21, 1e20, 1.5e-7, 0.000001, 123456.789, 5e-324, 1.7976931348623157e308, 0.30000000000000004, 9007199254740993.0 };
            string[] texts = { "0.1", "-2.5", "23.5", "1", "-0", "0", "1e+21", "100000000000000000000", "1.5e-7", "0.000001", "123456.789", "5e-324", "1.7976931348623157e+308", "0.30000000000000004", "9007199254740992" };
            for (int i = 0; i < values.Length; i++)
            {
                double v = values[i];
                Check.Equal(texts[i], Single(delegate(JsonWriter w) { w.WriteNumber(v); }), "value " + i.ToString());
            }
        }

        public void Doubles_read_back_bit_for_bit()
        {
            double[] values = { 0.1, 1.0 / 3, 2.0 / 3, 1e-300, 123e-20, 4.35, 2.2250738585072009e-308, 2.2250738585072014e-308, 1e22, 1e23, 8.41e21, 5e-324, 1.7976931348623157e308, -6.02214076e23, 3.14159265358979 };
            JsonWriter w = new JsonWriter(8);
            JsonReader r = new JsonReader();
            for (int i = 0; i < values.Length; i++)
            {
                w.Reset();
                w.WriteNumber(values[i]);
                r.Reset(w.Buffer, 0, w.Length);
                r.Read();
                Check.Equal(BitConverter.DoubleToInt64Bits(values[i]), BitConverter.DoubleToInt64Bits(r.GetDouble()), "bits of value " + i.ToString() + " written as " + Text(w));
            }
        }

        public void NaN_and_infinity_are_rejected()
        {
            JsonWriter w = new JsonWriter();
            Check.Throws(typeof(ArgumentException), delegate { w.WriteNumber(double.NaN); });
            Check.Throws(typeof(ArgumentException), delegate { w.WriteNumber(double.PositiveInfinity); });
            w.WriteStartObject();
            Check.Throws(typeof(ArgumentException), delegate { w.WriteNumber("x", double.NegativeInfinity); });
        }

        public void Quotes_backslashes_and_control_characters_are_escaped()
        {
            Check.Equal("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u001f\u007F\"",
                        Single(delegate(JsonWriter w) { w.WriteString("q\"b\\s/\b\f\n\r\t\u0000\u001F\u007F"); }));
        }

        public void Names_are_escaped_too()
        {
            Check.Equal("{\"a\\\"b\":1,\"\\n\":2}", Single(delegate(JsonWriter w)
            {
                w.WriteStartObject();
                w.WriteNumber("a\"b", 1);
                w.WriteNumber("\n", 2);
                w.WriteEndObject();
            }));
        }

        public void Unicode_is_written_as_utf8()
        {
            JsonWriter w = new JsonWriter();
            w.WriteString("\u00E9\u4E2D\uD83D\uDE00");
            Check.Bytes(new byte[] { 0x22, 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80, 0x22 }, w.ToArray());
        }

        public void Lone_surrogates_are_written_as_the_replacement_character()
        {
            JsonWriter w = new JsonWriter();
            w.WriteString("a\uD800b\uDC00");
            Check.Bytes(new byte[] { 0x22, 0x61, 0xEF, 0xBF, 0xBD, 0x62, 0xEF, 0xBF, 0xBD, 0x22 }, w.ToArray());
        }

        public void Null_string_writes_null()
        {
            Check.Equal("{\"a\":null}", Single(delegate(JsonWriter w)
            {
                w.WriteStartObject();
                w.WriteString("a", (string?)null);
                w.WriteEndObject();
            }));
        }

        public void Utf8_byte_strings_are_escaped_and_validated()
        {
            byte[] base64 = Utf8.GetBytes("xx3q2+7w/A==yy");
            Check.Equal("{\"data\":\"3q2+7w/A==\"}", Single(delegate(JsonWriter w)
            {
                w.WriteStartObject();
                w.WriteString("data", base64, 2, 10);
                w.WriteEndObject();
            }));
            byte[] mixed = { 0x22, 0x0A, 0xC3, 0xA9, 0x5C };
            Check.Equal("\"\\\"\\n\u00E9\\\\\"", Single(delegate(JsonWriter w) { w.WriteString(mixed, 0, mixed.Length); }));
            JsonWriter bad = new JsonWriter();
            Exception e = Check.Throws(typeof(ArgumentException), delegate { bad.WriteString(new byte[] { 0x61, 0xC0, 0x80 }, 0, 3); });
            Check.Contains("not valid UTF-8 at byte 1", e.Message);
            Check.Equal(0, bad.Length, "nothing written");
        }

        public void Raw_values_are_inserted_as_they_are()
        {
            byte[] frame = Utf8.GetBytes("{\"k\":\"a\\u00e9\"}");
            JsonReader r = new JsonReader();
            r.Reset(frame, 0, frame.Length);
            r.Read();
            r.Read();
            r.Read();
            JsonWriter w = new JsonWriter();
            w.WriteStartArray();
            w.WriteRawValue(Utf8.GetBytes("{\"x\":[1,2]}"), 0, 11);
            w.WriteRawValue(frame, r.ValueOffset - 1, r.ValueLength + 2);
            w.WriteEndArray();
            Check.Equal("[{\"x\":[1,2]},\"a\\u00e9\"]", Text(w));
        }
        public void A_value_inside_an_object_needs_a_name_first()
        {
            JsonWriter w = new JsonWriter();
            w.WriteStartObject();
            Exception e = Check.Throws(typeof(InvalidOperationException), delegate { w.WriteNumber(1); });
            Check.Contains("a property name must come before a value inside an object", e.Message);
            Check.Throws(typeof(InvalidOperationException), delegate { w.WriteStartArray(); });
            Check.Equal("{", Text(w), "nothing written by the failed calls");
        }

        public void Names_belong_only_in_objects_and_one_at_a_time()
        {
            JsonWriter w = new JsonWriter();
            Check.Throws(typeof(InvalidOperationException), delegate { w.WritePropertyName("a"); });
            w.WriteStartArray();
            Check.Throws(typeof(InvalidOperationException), delegate { w.WritePropertyName("a"); });
            w.WriteStartObject();
            w.WritePropertyName("a");
            Exception e = Check.Throws(typeof(InvalidOperationException), delegate { w.WritePropertyName("b"); });
            Check.Contains("the previous property has no value yet", e.Message);
            e = Check.Throws(typeof(InvalidOperationException), delegate { w.WriteEndObject(); });
            Check.Contains("the last property has no value", e.Message);
            Check.Throws(typeof(ArgumentNullException), delegate { w.WritePropertyName(null!); });
        }

        public void Unbalanced_or_mismatched_ends_are_refused()
        {
            JsonWriter w = new JsonWriter();
            Check.Throws(typeof(InvalidOperationException), delegate { w.WriteEndObject(); });
            Check.Throws(typeof(InvalidOperationException), delegate { w.WriteEndArray(); });
            w.WriteStartArray();
            Exception e = Check.Throws(typeof(InvalidOperationException), delegate { w.WriteEndObject(); });
            Check.Contains("WriteEndObject while an array is open", e.Message);
            w.WriteStartObject();
            e = Check.Throws(typeof(InvalidOperationException), delegate { w.WriteEndArray(); });
            Check.Contains("WriteEndArray while an object is open", e.Message);
            w.WriteEndObject();
            w.WriteEndArray();
            Check.Throws(typeof(InvalidOperationException), delegate { w.WriteEndArray(); });
            Check.Equal("[{}]", Text(w), "the valid part");
        }

        public void A_second_top_level_value_is_refused_until_Reset()
        {
            JsonWriter w = new JsonWriter();
            w.WriteNumber(1);
            Exception e = Check.Throws(typeof(InvalidOperationException), delegate { w.WriteNumber(2); });
            Check.Contains("already complete", e.Message);
            Check.Throws(typeof(InvalidOperationException), delegate { w.WriteStartObject(); });
            w.Reset();
            w.WriteNumber(2);
            Check.Equal("2", Text(w), "after Reset");
        }

        public void Nesting_is_limited_to_64()
        {
            JsonWriter w = new JsonWriter();
            for (int i = 0; i < JsonWriter.MaxDepth; i++) w.WriteStartArray();
            Check.Throws(typeof(InvalidOperationException), delegate { w.WriteStartArray(); });
            for (int i = 0; i < JsonWriter.MaxDepth; i++) w.WriteEndArray();
            Check.Equal(128, w.Length, "64 pairs of brackets");
        }

        public void The_buffer_grows_by_doubling_only_when_too_small()
        {
            JsonWriter w = new JsonWriter(4);
            byte[] first = w.Buffer;
            w.WriteStartArray();
            w.WriteNumber(12);
            Check.True(w.Buffer == first, "still the first buffer: 3 bytes fit");
            w.WriteNumber(1234567890123L);
            Check.Equal(17, w.Buffer.Length, "grown to exactly what was needed, more than double");
            w.WriteNumber(1);
            Check.Equal(34, w.Buffer.Length, "then doubled");
            w.WriteString(new string('x', 100));
            w.WriteEndArray();
            Check.Equal("[12,1234567890123,1,\"" + new string('x', 100) + "\"]", Text(w));
        }

        public void A_reused_writer_keeps_its_buffer()
        {
            JsonWriter w = new JsonWriter(8);
            WriteFrame(w);
            byte[] grown = w.Buffer;
            string first = Text(w);
            for (int i = 0; i < 5; i++)
            {
                w.Reset();
                Check.Equal(0, w.Length, "empty after Reset");
                WriteFrame(w);
                Check.True(w.Buffer == grown, "same buffer on round " + i.ToString());
                Check.Equal(first, Text(w), "same output on round " + i.ToString());
            }
            byte[] copy = w.ToArray();
            Check.Equal(w.Length, copy.Length, "ToArray length");
            Check.False(copy == w.Buffer, "ToArray copies");
        }

        public void Written_documents_read_back_to_the_same_values()
        {
            JsonWriter w = new JsonWriter();
            w.WriteStartObject();
            w.WriteString("s", "tab\tquote\"\u00E9\uD83D\uDE00\u0001");
            w.WriteNumber("n", -1617787651542L);
            w.WriteNumber("d", 0.1);
            w.WriteBoolean("b", true);
            w.WriteEndObject();
            JsonReader r = new JsonReader();
            r.Reset(w.Buffer, 0, w.Length);
            r.Read();
            r.Read();
            Check.True(r.ValueEquals("s"), "name s");
            r.Read();
            Check.Equal("tab\tquote\"\u00E9\uD83D\uDE00\u0001", r.GetString(), "string");
            r.Read();
            r.Read();
            Check.Equal(-1617787651542L, r.GetInt64(), "long");
            r.Read();
            r.Read();
            Check.Equal(0.1, r.GetDouble(), "double");
            r.Read();
            r.Read();
            Check.True(r.GetBoolean(), "bool");
            r.Read();
            Check.False(r.Read(), "end");
        }

        public void Constructor_rejects_a_capacity_below_one()
        {
            Check.Throws(typeof(ArgumentOutOfRangeException), delegate { new JsonWriter(0); });
        }

        private static void WriteFrame(JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteNumber("cmd", 2006);
            w.WriteString("ver", "1.0");
            w.WriteStartObject("data");
            w.WriteNumber("temperature", 23);
            w.WriteString("mode", "\u81EA\u52A8");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static string Single(WriterAction write)
        {
            JsonWriter w = new JsonWriter(2);
            write(w);
            Check.True(w.IsComplete, "a complete value");
            return Text(w);
        }

        private static string Text(JsonWriter w) => Utf8.GetString(w.Buffer, 0, w.Length);
    }

    /// <summary>Something that writes with a JsonWriter (a non-generic delegate, for nanoFramework).</summary>
    public delegate void WriterAction(JsonWriter writer);
}

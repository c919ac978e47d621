using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Clife.Device.Json;
using CsCheck;
using Xunit;
using OurReader = Clife.Device.Json.JsonReader;

namespace Clife.Device.Tests.Json
{
    /// <summary>
    /// What our JsonWriter writes parses with System.Text.Json's JsonDocument to the values it was given, and our
    /// reader reads back every string and double exactly.
    /// </summary>
    public sealed class JsonWriterDifferentialTests
    {
        private abstract record Node;
        private sealed record Obj((string Name, Node Value)[] Members) : Node;
        private sealed record Arr(Node[] Items) : Node;
        private sealed record Str(string Value) : Node;
        private sealed record Int(long Value) : Node;
        private sealed record Dbl(double Value) : Node;
        private sealed record Bool(bool Value) : Node;
        private sealed record Nul : Node;

        /// <summary>Any string, lone surrogates included (they must come back as U+FFFD).</summary>
        private static readonly Gen<string> AnyString = Gen.Frequency(
            (3, Gen.String),
            (2, JsonGen.ArrayOf(Gen.Char, 0, 12).Select(c => new string(c))),
            (2, JsonGen.ArrayOf(JsonGen.CodePoint, 0, 8).Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32)))));

        private static readonly Gen<double> FiniteDouble = Gen.Frequency(
            (3, Gen.Double.Where(d => double.IsFinite(d))),
            (2, Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(d => double.IsFinite(d))),
            (2, Gen.Select(Gen.Int[-999999, 999999], Gen.Int[0, 6], (n, d) => n / Math.Pow(10, d))),
            (2, Gen.Select(Gen.Long[1L << 52, 1L << 53], Gen.Int[1, 60], (m, k) => (m | 1) / (double)(1L << k))), // exact decimals ending in 5: ties
            (1, Gen.OneOf(0.0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e21, 1e-7, 0.1, 9007199254740993.0)));

        private static readonly Gen<Node> Scalar = Gen.Frequency<Node>(
            (3, AnyString.Select(s => (Node)new Str(s))),
            (2, Gen.Long.Select(v => (Node)new Int(v))),
            (2, FiniteDouble.Select(v => (Node)new Dbl(v))),
            (1, Gen.Bool.Select(b => (Node)new Bool(b))),
            (1, Gen.Const((Node)new Nul())));

        private static readonly Gen<Node> Tree = Gen.Recursive<Node>((depth, self) =>
            depth >= 5
                ? Scalar
                : Gen.Frequency(
                    (3, Scalar),
                    (1, JsonGen.ArrayOf(self, 0, 5).Select(items => (Node)new Arr(items))),
                    (1, JsonGen.ArrayOf(Gen.Select(AnyString, self, (n, v) => (n, v)), 0, 5).Select(m => (Node)new Obj(m)))));

        [Fact]
        public void Written_documents_parse_with_JsonDocument_to_the_same_values()
        {
            var writer = new JsonWriter(16);
            Tree.Sample(tree =>
            {
                writer.Reset();
                Write(writer, tree);
                Assert.True(writer.IsComplete);
                byte[] json = writer.ToArray();
                using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
                AssertSame(tree, doc.RootElement, Encoding.UTF8.GetString(json));
                JsonReaderDifferentialTests.AssertSameAsSystemTextJson(json);
            }, iter: 3000, threads: 1, seed: "0N0XIzNsQ0O2");
        }

        [Fact]
        public void Random_strings_round_trip_from_writer_to_reader()
        {
            var writer = new JsonWriter(8);
            var reader = new OurReader();
            AnyString.Sample(s =>
            {
                string expected = Utf8Clean(s);
                writer.Reset();
                writer.WriteString(s);
                reader.Reset(writer.Buffer, 0, writer.Length);
                Assert.True(reader.Read());
                Assert.Equal(expected, reader.GetString());
                Assert.True(reader.ValueEquals(expected));
                byte[] copy = new byte[reader.ValueLength];
                Assert.Equal(Encoding.UTF8.GetBytes(expected), copy.AsSpan(0, reader.CopyString(copy, 0)).ToArray());
                Assert.False(reader.Read());

                // The same text given as UTF-8 bytes writes the same JSON.
                byte[] first = writer.ToArray();
                writer.Reset();
                byte[] utf8 = Encoding.UTF8.GetBytes(expected);
                writer.WriteString(utf8, 0, utf8.Length);
                Assert.Equal(first, writer.ToArray());
            }, iter: 20000, threads: 1, seed: "0N0XIzNsQ0O2");
        }

        [Fact]
        public void Doubles_are_shortest_and_read_back_bit_for_bit()
        {
            var writer = new JsonWriter(8);
            var reader = new OurReader();
            FiniteDouble.Sample(d =>
            {
                writer.Reset();
                writer.WriteNumber(d);
                string text = Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length);
                double parsed = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(parsed), $"{d:R} written as {text}, .NET reads {parsed:R}");
                reader.Reset(writer.Buffer, 0, writer.Length);
                reader.Read();
                Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(reader.GetDouble()), $"{d:R} written as {text}, we read {reader.GetDouble():R}");
                // .NET's "R" is the shortest round-trip form, the nearest such and ties to even: we write the same digits.
                Assert.Equal(Digits(d.ToString("R", CultureInfo.InvariantCulture)), Digits(text));
            }, iter: 50000, threads: 1, seed: "0N0XIzNsQ0O2");
        }

        [Fact]
        public void The_writer_reaches_a_steady_state_without_allocation()
        {
            var writer = new JsonWriter(16);
            void Frame()
            {
                writer.Reset();
                writer.WriteStartObject();
                writer.WriteNumber("cmd", 2018);
                writer.WriteString("ver", "1.0");
                writer.WriteNumber("msgId", 23454);
                writer.WriteStartObject("data");
                writer.WriteNumber("respCode", 1);
                writer.WriteString("respCont", "\u5347\u7EA7 100%");
                writer.WriteBoolean("done", true);
                writer.WriteNull("err");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            Frame();
            Frame();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) Frame();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        }

        private static void Write(JsonWriter w, Node node)
        {
            switch (node)
            {
                case Obj o:
                    w.WriteStartObject();
                    foreach (var (name, value) in o.Members)
                    {
                        w.WritePropertyName(name);
                        Write(w, value);
                    }
                    w.WriteEndObject();
                    break;
                case Arr a:
                    w.WriteStartArray();
                    foreach (Node item in a.Items) Write(w, item);
                    w.WriteEndArray();
                    break;
                case Str s: w.WriteString(s.Value); break;
                case Int i: w.WriteNumber(i.Value); break;
                case Dbl d: w.WriteNumber(d.Value); break;
                case Bool b: w.WriteBoolean(b.Value); break;
                case Nul: w.WriteNull(); break;
            }
        }

        private static void AssertSame(Node node, JsonElement e, string doc)
        {
            switch (node)
            {
                case Obj o:
                    Assert.Equal(JsonValueKind.Object, e.ValueKind);
                    JsonProperty[] props = e.EnumerateObject().ToArray();
                    Assert.Equal(o.Members.Length, props.Length);
                    for (int i = 0; i < props.Length; i++)
                    {
                        Assert.Equal(Utf8Clean(o.Members[i].Name), props[i].Name);
                        AssertSame(o.Members[i].Value, props[i].Value, doc);
                    }
                    break;
                case Arr a:
                    Assert.Equal(JsonValueKind.Array, e.ValueKind);
                    JsonElement[] items = e.EnumerateArray().ToArray();
                    Assert.Equal(a.Items.Length, items.Length);
                    for (int i = 0; i < items.Length; i++) AssertSame(a.Items[i], items[i], doc);
                    break;
                case Str s:
                    Assert.Equal(Utf8Clean(s.Value), e.GetString());
                    break;
                case Int i:
                    Assert.Equal(i.Value, e.GetInt64());
                    break;
                case Dbl d:
                    Assert.True(BitConverter.DoubleToInt64Bits(d.Value) == BitConverter.DoubleToInt64Bits(e.GetDouble()), $"{d.Value:R} in {doc}");
                    break;
                case Bool b:
                    Assert.Equal(b.Value, e.GetBoolean());
                    break;
                case Nul:
                    Assert.Equal(JsonValueKind.Null, e.ValueKind);
                    break;
            }
        }

        /// <summary>The text as it survives UTF-8: lone surrogates become U+FFFD (what .NET's encoder does too).</summary>
        private static string Utf8Clean(string s) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));

        /// <summary>The significant digits and the decimal exponent of a number's text: "0.0125" and "1.25E-02" give "125@-1".</summary>
        private static string Digits(string number)
        {
            string s = number.TrimStart('-');
            int e = s.IndexOfAny(new[] { 'e', 'E' });
            int exponent = 0;
            if (e >= 0)
            {
                exponent = int.Parse(s.Substring(e + 1), CultureInfo.InvariantCulture);
                s = s.Substring(0, e);
            }
            int dot = s.IndexOf('.');
            string digits = s.Replace(".", "");
            int point = dot < 0 ? s.Length : dot;
            int lead = 0;
            while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
            string significant = digits.Substring(lead).TrimEnd('0');
            return (significant.Length == 0 ? "0" : significant) + "@" + (point - lead + exponent).ToString(CultureInfo.InvariantCulture);
        }
    }
}

using System;
using System.Text;
using System.Text.Json;
using Clife.Device.Text;
using CsCheck;
using Xunit;
using OurReader = Clife.Device.Json.JsonReader;
using OurToken = Clife.Device.Json.JsonTokenType;

namespace Clife.Device.Tests.Json
{
    /// <summary>
    /// Our JsonReader against System.Text.Json's Utf8JsonReader on generated documents: the same tokens, depths,
    /// raw values, escaping flags, token offsets, strings, integers and doubles.
    /// </summary>
    /// <remarks>
    /// Deliberate differences: GetDouble refuses a literal beyond the double range (System.Text.Json returns infinity);
    /// a lone or misordered surrogate escape is refused by Read (System.Text.Json refuses it only in GetString);
    /// getters on the wrong token type throw our JsonException (System.Text.Json throws InvalidOperationException),
    /// because for a frame decoder a wrong type is bad input, not a programming error.
    /// </remarks>
    public sealed class JsonReaderDifferentialTests
    {
        [Fact]
        public void Generated_documents_give_the_same_tokens_and_values_as_Utf8JsonReader()
        {
            JsonGen.Document.Sample(text => AssertSameAsSystemTextJson(Encoding.UTF8.GetBytes(text)), iter: 3000, seed: "0N0XIzNsQ0O2");
        }

        [Fact]
        public void Generated_numbers_give_the_same_integers_and_doubles()
        {
            JsonGen.Number.Sample(text => AssertSameAsSystemTextJson(Encoding.UTF8.GetBytes("[" + text + "]")), iter: 20000, seed: "0N0XIzNsQ0O2");
        }

        [Fact]
        public void Generated_strings_unescape_to_the_same_text()
        {
            JsonGen.String.Sample(text => AssertSameAsSystemTextJson(Encoding.UTF8.GetBytes(text)), iter: 20000, seed: "0N0XIzNsQ0O2");
        }

        [Fact]
        public void The_seed_examples_give_the_same_tokens()
        {
            foreach (string example in new[] { SeedExamples.FileDown, SeedExamples.FileUp, SeedExamples.UpgradeReply, SeedExamples.UpgradeRequest })
            {
                AssertSameAsSystemTextJson(Encoding.UTF8.GetBytes(example));
            }
        }

        [Fact]
        public void The_comparison_notices_a_difference()
        {
            // Negative control: a document whose bytes differ from what is compared must fail the comparison.
            byte[] ours = Encoding.UTF8.GetBytes("[1,\"a\"]");
            byte[] theirs = Encoding.UTF8.GetBytes("[1,\"b\"]");
            Assert.ThrowsAny<Exception>(() => Compare(ours, theirs));
        }

        /// <summary>Reads the bytes with both readers and asserts that every token agrees.</summary>
        internal static void AssertSameAsSystemTextJson(byte[] json) => Compare(json, json);

        private static void Compare(byte[] json, byte[] reference)
        {
            var theirs = new Utf8JsonReader(reference, new JsonReaderOptions { MaxDepth = OurReader.MaxSupportedDepth });
            var ours = new OurReader(OurReader.MaxSupportedDepth);
            ours.Reset(json, 0, json.Length);
            string doc = Encoding.UTF8.GetString(json);
            int index = 0;
            while (true)
            {
                bool theirsRead = theirs.Read();
                bool oursRead = ours.Read();
                Assert.True(theirsRead == oursRead, $"token {index} of {doc}: Read gave {oursRead}, System.Text.Json {theirsRead}");
                if (!oursRead) break;
                string where = $"token {index} of {doc}";
                Assert.True(Map(theirs.TokenType) == ours.TokenType, $"{where}: {ours.TokenType} vs {theirs.TokenType}");
                Assert.True(theirs.CurrentDepth == ours.CurrentDepth, $"{where}: depth {ours.CurrentDepth} vs {theirs.CurrentDepth}");
                Assert.True(theirs.TokenStartIndex == ours.TokenOffset, $"{where}: offset {ours.TokenOffset} vs {theirs.TokenStartIndex}");
                switch (ours.TokenType)
                {
                    case OurToken.PropertyName:
                    case OurToken.String:
                        Assert.True(theirs.ValueIsEscaped == ours.ValueIsEscaped, $"{where}: escaped flag");
                        Assert.True(theirs.ValueSpan.SequenceEqual(json.AsSpan(ours.ValueOffset, ours.ValueLength)), $"{where}: raw value");
                        string expected = theirs.GetString()!;
                        Assert.Equal(expected, ours.GetString());
                        Assert.True(ours.ValueEquals(expected), $"{where}: ValueEquals");
                        Assert.False(ours.ValueEquals(expected + "x"), $"{where}: ValueEquals with one more char");
                        byte[] copy = new byte[ours.ValueLength];
                        int n = ours.CopyString(copy, 0);
                        Assert.Equal(Encoding.UTF8.GetBytes(expected), copy.AsSpan(0, n).ToArray());
                        break;
                    case OurToken.Number:
                        Assert.True(theirs.ValueSpan.SequenceEqual(json.AsSpan(ours.ValueOffset, ours.ValueLength)), $"{where}: raw number");
                        CompareNumber(ref theirs, ours, where);
                        break;
                    case OurToken.True:
                    case OurToken.False:
                        Assert.Equal(theirs.GetBoolean(), ours.GetBoolean());
                        break;
                }
                index++;
            }
        }

        private static void CompareNumber(ref Utf8JsonReader theirs, OurReader ours, string where)
        {
            bool theirsLong = theirs.TryGetInt64(out long theirLong);
            bool oursLong = ours.TryGetInt64(out long ourLong);
            Assert.True(theirsLong == oursLong, $"{where}: TryGetInt64 {oursLong} vs {theirsLong}");
            if (oursLong) Assert.Equal(theirLong, ourLong);
            if (oursLong) Assert.Equal(theirLong, ours.GetInt64());
            else Assert.Throws<Clife.Device.Json.JsonException>(() => ours.GetInt64());

            bool theirsInt = theirs.TryGetInt32(out int theirInt);
            bool oursInt = ours.TryGetInt32(out int ourInt);
            Assert.True(theirsInt == oursInt, $"{where}: TryGetInt32 {oursInt} vs {theirsInt}");
            if (oursInt) Assert.Equal(theirInt, ourInt);

            bool theirsDouble = theirs.TryGetDouble(out double theirDouble);
            Assert.True(theirsDouble, $"{where}: System.Text.Json reads every valid literal as a double");
            if (double.IsInfinity(theirDouble))
            {
                // Deliberate difference: System.Text.Json (.NET 10) returns infinity for a literal beyond the double
                // range; we refuse it as out of range, since JSON cannot carry infinity and a device must not compute with it.
                var e = Assert.Throws<Clife.Device.Json.JsonException>(() => ours.GetDouble());
                Assert.Contains("out of range for a double", e.Message);
                return;
            }
            double ourDouble = ours.GetDouble();
            Assert.True(BitConverter.DoubleToInt64Bits(theirDouble) == BitConverter.DoubleToInt64Bits(ourDouble),
                        $"{where}: double {ourDouble:R} vs {theirDouble:R}");
        }

        private static OurToken Map(JsonTokenType type) => type switch
        {
            JsonTokenType.StartObject => OurToken.StartObject,
            JsonTokenType.EndObject => OurToken.EndObject,
            JsonTokenType.StartArray => OurToken.StartArray,
            JsonTokenType.EndArray => OurToken.EndArray,
            JsonTokenType.PropertyName => OurToken.PropertyName,
            JsonTokenType.String => OurToken.String,
            JsonTokenType.Number => OurToken.Number,
            JsonTokenType.True => OurToken.True,
            JsonTokenType.False => OurToken.False,
            JsonTokenType.Null => OurToken.Null,
            _ => throw new InvalidOperationException("unexpected System.Text.Json token " + type),
        };
    }
}

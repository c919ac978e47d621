using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Clife.Device.Text;
using CsCheck;
using Xunit;
using Xunit.Abstractions;
using OurReader = Clife.Device.Json.JsonReader;
using OurToken = Clife.Device.Json.JsonTokenType;

namespace Clife.Device.Tests.Json
{
    /// <summary>
    /// Random and mutated inputs never make the reader throw anything but CodecException or hang, and it accepts exactly
    /// the inputs that System.Text.Json accepts (JsonDocument.Parse with the same depth limit, plus GetString on every
    /// string and name, which is where System.Text.Json rejects bad surrogate escapes and bad UTF-8).
    /// </summary>
    /// <remarks>
    /// There is no deliberate difference in what is accepted. The differences in how (which Read call, which exception)
    /// are listed on <see cref="JsonReaderDifferentialTests"/>.
    /// </remarks>
    public sealed class JsonReaderRobustnessTests
    {
        private const int MaxDepth = OurReader.MaxSupportedDepth;
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

        private readonly ITestOutputHelper _output;

        public JsonReaderRobustnessTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Hundred_thousand_random_and_mutated_inputs_only_raise_CodecException_and_match_System_Text_Json()
        {
            var stopwatch = Stopwatch.StartNew();
            Task<Stats> run = Task.Run(() => Run(new Random(20240517), 100_000));
            Task first = await Task.WhenAny(run, Task.Delay(Budget));
            Assert.True(first == run, $"the robustness run did not finish within {Budget.TotalSeconds} s: a hang in the reader?");
            Stats stats = await run;
            _output.WriteLine($"{stats.Inputs} inputs ({stats.Accepted} accepted, {stats.Rejected} rejected) in {stopwatch.ElapsedMilliseconds} ms");
            foreach (var (kind, count) in stats.ByKind.OrderBy(k => k.Key)) _output.WriteLine($"  {kind}: {count}");
            Assert.True(stats.Inputs >= 100_000, "at least 100,000 inputs");
            Assert.True(stats.Accepted > 5_000 && stats.Rejected > 50_000, $"both outcomes are well represented: {stats.Accepted} accepted, {stats.Rejected} rejected");
        }

        [Fact]
        public void The_oracle_notices_a_disagreement()
        {
            // Negative controls: a reader that accepted too much or too little would be caught.
            Assert.False(SystemTextJsonAccepts(Encoding.UTF8.GetBytes("[1,]")));
            Assert.False(SystemTextJsonAccepts(Encoding.UTF8.GetBytes("[\"\\uD800\"]")));
            Assert.False(SystemTextJsonAccepts(new byte[] { 0x22, 0xC0, 0x80, 0x22 }));
            Assert.False(SystemTextJsonAccepts(Encoding.UTF8.GetBytes(new string('[', MaxDepth + 1) + new string(']', MaxDepth + 1))));
            Assert.True(SystemTextJsonAccepts(Encoding.UTF8.GetBytes(new string('[', MaxDepth) + new string(']', MaxDepth))));
            Assert.Throws<InvalidOperationException>(() => Check(Encoding.UTF8.GetBytes("[1]"), "control", new Stats(), acceptedByOracle: false));
        }

        [Fact]
        public void A_byte_order_mark_is_rejected_by_both()
        {
            // RFC 8259 lets a parser ignore a leading BOM; neither System.Text.Json's byte APIs nor we do.
            byte[] bom = { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' };
            Assert.False(SystemTextJsonAccepts(bom));
            var reader = new OurReader();
            reader.Reset(bom);
            var e = Assert.Throws<Clife.Device.Json.JsonException>(() => reader.Read());
            Assert.Equal("invalid JSON at byte 0: expected a value, found byte 0xEF", e.Message);
        }

        private sealed class Stats
        {
            public int Inputs, Accepted, Rejected;
            public readonly Dictionary<string, int> ByKind = new();
        }

        private static Stats Run(Random rnd, int count)
        {
            var stats = new Stats();
            byte[][] corpus = Corpus();
            var reader = new OurReader(MaxDepth);

            // Every truncation of every corpus document.
            foreach (byte[] doc in corpus.Take(12))
            {
                for (int cut = 0; cut <= doc.Length; cut++) Check(doc.AsSpan(0, cut).ToArray(), "truncation", stats, reader);
            }
            while (stats.Inputs < count)
            {
                int kind = rnd.Next(10);
                byte[] input = kind switch
                {
                    0 => Truncate(rnd, Pick(rnd, corpus)),
                    1 => FlipBytes(rnd, Pick(rnd, corpus)),
                    2 => InsertBytes(rnd, Pick(rnd, corpus)),
                    3 => DeleteBytes(rnd, Pick(rnd, corpus)),
                    4 => Splice(rnd, Pick(rnd, corpus), Pick(rnd, corpus)),
                    5 => RandomBytes(rnd),
                    6 => RandomJsonAlphabet(rnd),
                    7 => DeepNesting(rnd),
                    8 => HugeNumber(rnd),
                    _ => BadUnicode(rnd, Pick(rnd, corpus)),
                };
                string[] names = { "truncate", "flip", "insert", "delete", "splice", "random bytes", "json alphabet", "deep nesting", "huge number", "bad unicode" };
                Check(input, names[kind], stats, reader);
            }
            return stats;
        }

        /// <summary>Reads the input to its end, pulling values on the way; compares acceptance with System.Text.Json.</summary>
        private static void Check(byte[] input, string kind, Stats stats, OurReader? reader = null, bool? acceptedByOracle = null)
        {
            reader ??= new OurReader(MaxDepth);
            stats.Inputs++;
            stats.ByKind[kind] = stats.ByKind.GetValueOrDefault(kind) + 1;
            bool accepted;
            try
            {
                reader.Reset(input, 0, input.Length);
                int tokens = 0;
                while (reader.Read())
                {
                    if (++tokens > input.Length) throw new InvalidOperationException("more tokens than bytes: the reader is not advancing");
                    PullValues(reader);
                }
                accepted = true;
            }
            catch (CodecException e)
            {
                if (e.Offset < 0 || e.Offset > input.Length) throw new InvalidOperationException($"offset {e.Offset} outside the input ({input.Length} bytes): {e.Message}");
                if (!e.Message.Contains("at byte " + e.Offset + ":")) throw new InvalidOperationException("message does not name the offset: " + e.Message);
                accepted = false;
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{kind} input {Show(input)} raised {e.GetType().Name}: {e.Message}", e);
            }
            bool expected = acceptedByOracle ?? SystemTextJsonAccepts(input);
            if (accepted != expected)
            {
                throw new InvalidOperationException($"{kind} input {Show(input)}: we {(accepted ? "accept" : "reject")} it, System.Text.Json {(expected ? "accepts" : "rejects")} it");
            }
            if (accepted) stats.Accepted++;
            else stats.Rejected++;
        }

        private static void PullValues(OurReader reader)
        {
            switch (reader.TokenType)
            {
                case OurToken.String:
                case OurToken.PropertyName:
                    reader.GetString();
                    reader.ValueEquals("cmd");
                    reader.CopyString(new byte[reader.ValueLength], 0);
                    break;
                case OurToken.Number:
                    // Value errors (not an integer, out of range) are CodecExceptions too, but they are not syntax errors.
                    try { reader.GetInt64(); } catch (CodecException) { }
                    try { reader.GetDouble(); } catch (CodecException) { }
                    break;
            }
        }

        private static bool SystemTextJsonAccepts(byte[] input)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = MaxDepth });
                Walk(doc.RootElement);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false; // GetString on a lone surrogate escape or invalid UTF-8
            }
        }

        private static void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (JsonProperty p in e.EnumerateObject())
                    {
                        _ = p.Name;
                        Walk(p.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement item in e.EnumerateArray()) Walk(item);
                    break;
                case JsonValueKind.String:
                    e.GetString();
                    break;
            }
        }

        // ---- inputs ----

        private static byte[][] Corpus()
        {
            var docs = new List<byte[]>
            {
                Encoding.UTF8.GetBytes(SeedExamples.FileDown),
                Encoding.UTF8.GetBytes(SeedExamples.FileUp),
                Encoding.UTF8.GetBytes(SeedExamples.UpgradeReply),
                Encoding.UTF8.GetBytes(SeedExamples.UpgradeRequest),
                Encoding.UTF8.GetBytes("{\"s\":\"a\\u00e9\\uD83D\\uDE00\\n\\\"\u4E2D\",\"n\":[-0.5e-3,1E+2,0,123456789012345678901,-9223372036854775808],\"t\":[true,false,null,{}]}"),
            };
            JsonGen.Document.Sample(text => { docs.Add(Encoding.UTF8.GetBytes(text)); }, iter: 200, threads: 1, seed: "0N0XIzNsQ0O2");
            return docs.ToArray();
        }

        private static byte[] Pick(Random rnd, byte[][] corpus) => corpus[rnd.Next(corpus.Length)];

        private static byte[] Truncate(Random rnd, byte[] doc) => doc.AsSpan(0, rnd.Next(doc.Length + 1)).ToArray();

        private static readonly byte[] Interesting = Encoding.ASCII.GetBytes("{}[],:\"\\ \t\r\n0123456789.-+eEtfnulrsa/bu");

        private static byte RandomByte(Random rnd) => rnd.Next(3) == 0 ? (byte)rnd.Next(256) : Interesting[rnd.Next(Interesting.Length)];

        private static byte[] FlipBytes(Random rnd, byte[] doc)
        {
            byte[] copy = (byte[])doc.Clone();
            if (copy.Length == 0) return copy;
            int n = 1 + rnd.Next(3);
            for (int i = 0; i < n; i++)
            {
                int at = rnd.Next(copy.Length);
                copy[at] = rnd.Next(2) == 0 ? (byte)(copy[at] ^ (1 << rnd.Next(8))) : RandomByte(rnd);
            }
            return copy;
        }

        private static byte[] InsertBytes(Random rnd, byte[] doc)
        {
            var list = doc.ToList();
            int n = 1 + rnd.Next(3);
            for (int i = 0; i < n; i++) list.Insert(rnd.Next(list.Count + 1), RandomByte(rnd));
            return list.ToArray();
        }

        private static byte[] DeleteBytes(Random rnd, byte[] doc)
        {
            var list = doc.ToList();
            int n = 1 + rnd.Next(3);
            for (int i = 0; i < n && list.Count > 0; i++)
            {
                int at = rnd.Next(list.Count);
                list.RemoveRange(at, Math.Min(list.Count - at, 1 + rnd.Next(4)));
            }
            return list.ToArray();
        }

        private static byte[] Splice(Random rnd, byte[] a, byte[] b)
        {
            int i = rnd.Next(a.Length + 1), j = rnd.Next(b.Length + 1);
            return a.AsSpan(0, i).ToArray().Concat(b.AsSpan(j).ToArray()).ToArray();
        }

        private static byte[] RandomBytes(Random rnd)
        {
            byte[] bytes = new byte[rnd.Next(65)];
            rnd.NextBytes(bytes);
            return bytes;
        }

        private static byte[] RandomJsonAlphabet(Random rnd)
        {
            byte[] bytes = new byte[rnd.Next(1, 24)];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = Interesting[rnd.Next(Interesting.Length)];
            return bytes;
        }

        private static byte[] DeepNesting(Random rnd)
        {
            int depth = rnd.Next(3) switch { 0 => rnd.Next(MaxDepth - 2, MaxDepth + 3), 1 => rnd.Next(1, MaxDepth + 1), _ => rnd.Next(MaxDepth, 5000) };
            bool objects = rnd.Next(3) == 0;
            var sb = new StringBuilder();
            for (int i = 0; i < depth; i++) sb.Append(objects ? "{\"a\":" : "[");
            sb.Append(rnd.Next(2) == 0 ? "1" : "\"x\"");
            int close = rnd.Next(4) == 0 ? rnd.Next(depth + 1) : depth; // sometimes unbalanced
            for (int i = 0; i < close; i++) sb.Append(objects ? '}' : ']');
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        private static byte[] HugeNumber(Random rnd)
        {
            var sb = new StringBuilder("[");
            if (rnd.Next(2) == 0) sb.Append('-');
            sb.Append((char)('1' + rnd.Next(9)));
            int digits = rnd.Next(4) == 0 ? rnd.Next(1000, 5000) : rnd.Next(0, 40);
            for (int i = 0; i < digits; i++) sb.Append((char)('0' + rnd.Next(10)));
            if (rnd.Next(2) == 0) sb.Append('.').Append(new string('0', rnd.Next(0, 400))).Append((char)('0' + rnd.Next(10)));
            if (rnd.Next(2) == 0) sb.Append(rnd.Next(2) == 0 ? "e" : "E-").Append(rnd.Next(3) == 0 ? "99999999999999999999" : rnd.Next(0, 400).ToString());
            if (rnd.Next(8) == 0) sb.Append(RandomByte(rnd) is byte b ? (char)b : ' ');
            return Encoding.UTF8.GetBytes(sb.Append(']').ToString());
        }

        private static readonly string[] UnicodeBits =
        {
            "\\uD800", "\\uDBFF", "\\uDC00", "\\uDFFF", "\\uD83D\\uDE00", "\\uDE00\\uD83D", "\\uD83D\\u0041", "\\u00", "\\u", "\\uZZZZ", "\\uD83D\\", "\\uD83D\\n",
        };

        private static readonly byte[][] BadUtf8 =
        {
            new byte[] { 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xC3 }, new byte[] { 0xE0, 0x80, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 },
            new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0xFF }, new byte[] { 0xE4, 0xB8, 0x41 },
            new byte[] { 0xC3, 0xA9 }, new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, new byte[] { 0xEF, 0xBB, 0xBF },
        };

        private static byte[] BadUnicode(Random rnd, byte[] doc)
        {
            // Put an escape fragment or a (mostly bad) UTF-8 sequence right after a quote, i.e. at the start of a string.
            int[] quotes = Enumerable.Range(0, doc.Length).Where(i => doc[i] == '"').ToArray();
            int at = quotes.Length == 0 ? rnd.Next(doc.Length + 1) : quotes[rnd.Next(quotes.Length)] + 1;
            at = Math.Min(at, doc.Length);
            byte[] insert = rnd.Next(2) == 0 ? Encoding.ASCII.GetBytes(UnicodeBits[rnd.Next(UnicodeBits.Length)]) : BadUtf8[rnd.Next(BadUtf8.Length)];
            return doc.AsSpan(0, at).ToArray().Concat(insert).Concat(doc.AsSpan(at).ToArray()).ToArray();
        }

        private static string Show(byte[] input)
        {
            string hex = Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 200)));
            return $"({input.Length} bytes) {hex}{(input.Length > 200 ? "..." : "")}";
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Clife.Device.Text;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>
    /// Random and mutated frames go through FrameReader.Decode and then the typed decoder their cmd calls for (and one
    /// other): nothing but CodecException (JsonException or FrameException) may come out, and the run ends in bounded time.
    /// </summary>
    public sealed class FrameRobustnessTests
    {
        private const int Count = 100_000;
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(120);

        private static readonly string[] KindNames =
        {
            "truncate", "flip", "insert", "delete", "swap type", "duplicate key", "deep nesting", "huge number", "invalid utf-8",
            "splice", "random bytes", "json alphabet", "swap data", "long list", "change cmd",
        };

        private static readonly int[] Cmds =
        {
            Cmd.Register, Cmd.RegisterReply, Cmd.Connect, Cmd.ConnectReply, Cmd.Report, Cmd.ReportAck, Cmd.QueryReply, Cmd.Query,
            Cmd.ControlReply, Cmd.Control, Cmd.UnbindReply, Cmd.Unbind, Cmd.Will, Cmd.ForceOfflineReply, Cmd.ForceOffline, Cmd.FileReply, Cmd.File,
        };

        private readonly ITestOutputHelper _output;

        public FrameRobustnessTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Hundred_thousand_random_and_mutated_frames_only_raise_CodecException()
        {
            var stopwatch = Stopwatch.StartNew();
            Task<Stats> run = Task.Run(() => Run(new Random(20250601), Count));
            Task first = await Task.WhenAny(run, Task.Delay(Budget));
            Assert.True(first == run, $"the robustness run did not finish within {Budget.TotalSeconds} s: a hang in the codec?");
            Stats s = await run;
            _output.WriteLine($"{s.Inputs} inputs in {stopwatch.ElapsedMilliseconds} ms: envelope accepted {s.Accepted}, rejected {s.Rejected} "
                + $"({s.JsonErrors} JsonException, {s.FrameErrors} FrameException); typed decoders: {s.TypedAccepted} accepted, {s.TypedRejected} rejected; "
                + $"{s.Opened} inputs also decoded as decrypted data");
            foreach (var (kind, count) in s.ByKind.OrderBy(k => k.Key)) _output.WriteLine($"  {kind}: {count}");
            foreach (var (decoder, count) in s.ByDecoder.OrderBy(k => k.Key)) _output.WriteLine($"  decoded with {decoder}: {count}");
            Assert.True(s.Inputs >= Count, $"at least {Count} inputs");
            Assert.True(s.Accepted > 10_000 && s.Rejected > 30_000, $"both envelope outcomes are well represented: {s.Accepted} accepted, {s.Rejected} rejected");
            Assert.True(s.JsonErrors > 10_000 && s.FrameErrors > 5_000, $"both error kinds are represented: {s.JsonErrors} JSON, {s.FrameErrors} frame");
            Assert.True(s.TypedAccepted > 10_000 && s.TypedRejected > 2_000, $"typed decoders see both outcomes: {s.TypedAccepted} accepted, {s.TypedRejected} rejected");
            Assert.True(s.ByDecoder.Count == 11, "every one of the 11 typed decoders ran: " + string.Join(", ", s.ByDecoder.Keys));
        }

        [Fact]
        public void The_check_notices_an_exception_that_is_not_a_CodecException()
        {
            // Negative control: the classification below fails loudly for any other exception.
            var stats = new Stats();
            Assert.Throws<InvalidOperationException>(() => Classify(new byte[] { 1 }, "control", stats, () => throw new IndexOutOfRangeException()));
            Classify(new byte[] { 1 }, "control", stats, () => throw new FrameException("x"));
            Assert.Equal(1, stats.FrameErrors);
        }

        private sealed class Stats
        {
            public int Inputs, Accepted, Rejected, JsonErrors, FrameErrors, TypedAccepted, TypedRejected, Opened;
            public readonly Dictionary<string, int> ByKind = new();
            public readonly Dictionary<string, int> ByDecoder = new();
        }

        private static Stats Run(Random rnd, int count)
        {
            var stats = new Stats();
            byte[][] corpus = Corpus();
            var reader = new FrameReader();

            // Every truncation of the seed examples.
            foreach (byte[] doc in corpus.Take(4))
            {
                for (int cut = 0; cut <= doc.Length; cut++) Check(doc.AsSpan(0, cut).ToArray(), "truncate", stats, reader, rnd);
            }
            while (stats.Inputs < count)
            {
                int kind = rnd.Next(KindNames.Length);
                byte[] doc = corpus[rnd.Next(corpus.Length)];
                byte[] input = kind switch
                {
                    0 => doc.AsSpan(0, rnd.Next(doc.Length + 1)).ToArray(),
                    1 => Flip(rnd, doc),
                    2 => Insert(rnd, doc, RandomBytes(rnd, rnd.Next(1, 6))),
                    3 => Delete(rnd, doc),
                    4 => ReplaceValue(rnd, doc, v => TypeSwaps[rnd.Next(TypeSwaps.Length)]),
                    5 => DuplicateKey(rnd, doc),
                    6 => ReplaceValue(rnd, doc, v => DeepNesting(rnd)),
                    7 => ReplaceValue(rnd, doc, v => HugeNumber(rnd)),
                    8 => InvalidUtf8(rnd, doc),
                    9 => Splice(rnd, doc, corpus[rnd.Next(corpus.Length)]),
                    10 => RandomBytes(rnd, rnd.Next(0, 80)),
                    11 => JsonAlphabet(rnd),
                    12 => SwapData(rnd, doc, corpus[rnd.Next(corpus.Length)]),
                    13 => ReplaceValue(rnd, doc, v => LongList(rnd)),
                    _ => ReplaceNamed(doc, Names.Cmd, Cmds[rnd.Next(Cmds.Length)].ToString()) ?? doc,
                };
                Check(input, KindNames[kind], stats, reader, rnd);
            }
            return stats;
        }

        /// <summary>
        /// Decodes the envelope, then the data with the decoder of its cmd and with one other. Every fourth input also goes
        /// the way of decrypted data: Open over the whole input, then a random typed decoder.
        /// </summary>
        private static void Check(byte[] input, string kind, Stats stats, FrameReader reader, Random rnd)
        {
            stats.Inputs++;
            stats.ByKind[kind] = stats.ByKind.GetValueOrDefault(kind) + 1;
            if (stats.Inputs % 4 == 0)
            {
                stats.Opened++;
                Typed(input, kind, stats, () => reader.Open(input, 0, input.Length), Cmds[rnd.Next(Cmds.Length)]);
            }
            bool accepted = Classify(input, kind, stats, () => reader.Decode(input, 0, input.Length));
            if (!accepted) return;
            AssertValidJson(input, kind);
            FrameHeader h = reader.Header;
            if (h.DataIsString)
            {
                Classify(input, kind, stats, () => reader.DataString(), typed: true);
                return;
            }
            Typed(input, kind, stats, reader.OpenData, h.Cmd);
            Typed(input, kind, stats, reader.OpenData, Cmds[rnd.Next(Cmds.Length)]);
        }

        private static void Typed(byte[] input, string kind, Stats stats, Func<JsonReader> open, int cmd)
        {
            string name = cmd switch
            {
                Cmd.Register => nameof(RegisterRequest),
                Cmd.RegisterReply => nameof(RegisterReply),
                Cmd.Connect => nameof(ConnectRequest),
                Cmd.ConnectReply or Cmd.ReportAck or Cmd.UnbindReply or Cmd.ForceOfflineReply => nameof(ResultReply),
                Cmd.Report or Cmd.QueryReply or Cmd.ControlReply or Cmd.Control => nameof(ControlRequest),
                Cmd.Query => nameof(QueryRequest),
                Cmd.Unbind => nameof(UnbindRequest),
                Cmd.Will => nameof(WillMessage),
                Cmd.ForceOffline => nameof(ForceOfflineRequest),
                Cmd.FileReply => nameof(FileReply),
                Cmd.File => nameof(FileRequest),
                _ => "",
            };
            if (name.Length == 0) return;
            stats.ByDecoder[name] = stats.ByDecoder.GetValueOrDefault(name) + 1;
            Classify(input, kind, stats, () =>
            {
                JsonReader r = open();
                switch (name)
                {
                    case nameof(RegisterRequest): RegisterRequest.Read(r); break;
                    case nameof(RegisterReply): RegisterReply.Read(r); break;
                    case nameof(ConnectRequest): ConnectRequest.Read(r); break;
                    case nameof(ResultReply): ResultReply.Read(r); break;
                    case nameof(ControlRequest): ControlRequest.Read(r); break;
                    case nameof(QueryRequest): QueryRequest.Read(r); break;
                    case nameof(UnbindRequest): UnbindRequest.Read(r); break;
                    case nameof(WillMessage): WillMessage.Read(r); break;
                    case nameof(ForceOfflineRequest): ForceOfflineRequest.Read(r); break;
                    case nameof(FileReply): FileReply.Read(r); break;
                    default: FileRequest.Read(r); break;
                }
            }, typed: true);
        }

        /// <summary>Runs the action; true when it returned, false on a CodecException. Anything else fails the run.</summary>
        private static bool Classify(byte[] input, string kind, Stats stats, Action action, bool typed = false)
        {
            try
            {
                action();
                if (typed) stats.TypedAccepted++;
                else stats.Accepted++;
                return true;
            }
            catch (CodecException e)
            {
                if (e.Offset < -1 || e.Offset > input.Length)
                    throw new InvalidOperationException($"{kind} input {Show(input)}: offset {e.Offset} outside the input: {e.Message}");
                if (string.IsNullOrEmpty(e.Message)) throw new InvalidOperationException($"{kind} input {Show(input)}: an error without a message");
                if (typed) stats.TypedRejected++;
                else
                {
                    stats.Rejected++;
                    if (e is Clife.Device.Json.JsonException) stats.JsonErrors++;
                    else if (e is FrameException) stats.FrameErrors++;
                    else throw new InvalidOperationException($"{kind} input {Show(input)}: the envelope raised a {e.GetType().Name}: {e.Message}");
                }
                return false;
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{kind} input {Show(input)} raised {e.GetType().Name}: {e.Message}", e);
            }
        }

        /// <summary>A frame we accept is valid JSON for System.Text.Json too (our depth limit is the lower one).</summary>
        private static void AssertValidJson(byte[] input, string kind)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(input);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"{kind} input {Show(input)}: accepted a frame that is not an object");
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new InvalidOperationException($"{kind} input {Show(input)}: accepted, but System.Text.Json rejects it: {e.Message}");
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
                Encoding.UTF8.GetBytes("{\"cmd\":2011,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":5,\"timestamp\":\"1617787651542\",\"data\":{\"power\":true,\"temp\":21,\"mode\":\"eco\",\"x\":1.5,\"n\":null,\"o\":{\"a\":[1]}}}"),
                Encoding.UTF8.GetBytes("{\"cmd\":2009,\"ver\":\"1.2.3\",\"dir\":\"30\",\"msgId\":6,\"prio\":2,\"timestamp\":1,\"data\":{\" power \":null,\"temp\":null}}"),
                Encoding.UTF8.GetBytes("{\"cmd\":2001,\"ver\":\"1.0\",\"dir\":\"30\",\"msgId\":7,\"timestamp\":1,\"data\":\"QUJD\\/RA==\"}"),
                Encoding.UTF8.GetBytes("{\"cmd\":2017,\"ver\":\"1\",\"dir\":\"30\",\"msgId\":8,\"timestamp\":1,\"data\":{\"seconds\":60},\"extra\":[{}]}"),
            };
            Add(docs, FrameGen.RegisterRequest, Cmd.Register, (w, m) => m.Write(w));
            Add(docs, FrameGen.RegisterReply, Cmd.RegisterReply, (w, m) => m.Write(w));
            Add(docs, FrameGen.ConnectRequest, Cmd.Connect, (w, m) => m.Write(w));
            Add(docs, FrameGen.ResultReply, Cmd.ConnectReply, (w, m) => m.Write(w));
            Add(docs, FrameGen.QueryRequest, Cmd.Query, (w, m) => m.Write(w));
            Add(docs, FrameGen.ControlRequest, Cmd.Control, (w, m) => m.Write(w));
            Add(docs, FrameGen.UnbindRequest, Cmd.Unbind, (w, m) => m.Write(w));
            Add(docs, FrameGen.WillMessage, Cmd.Will, (w, m) => m.Write(w));
            Add(docs, FrameGen.ForceOfflineRequest, Cmd.ForceOffline, (w, m) => m.Write(w));
            Add(docs, FrameGen.FileRequest, Cmd.File, (w, m) => m.Write(w));
            Add(docs, FrameGen.FileReply, Cmd.FileReply, (w, m) => m.Write(w));
            return docs.ToArray();
        }

        private static void Add<T>(List<byte[]> docs, Gen<T> gen, int cmd, Action<JsonWriter, T> write)
        {
            Gen.Select(FrameGen.Header, gen).Sample((head, m) =>
            {
                var w = new JsonWriter();
                FrameWriter.Begin(w, cmd, head.Dir, head.MsgId, head.Prio, head.Timestamp);
                write(w, m);
                FrameWriter.End(w);
                lock (docs) docs.Add(w.ToArray());
            }, iter: 40, threads: 1, seed: "0N0XIzNsQ0O2");
        }

        private static readonly string[] TypeSwaps =
        {
            "\"x\"", "\"\"", "\"123\"", "\"30\"", "\"1.0\"", "0", "-1", "1.5", "1e3", "-0", "true", "false", "null", "{}", "[]", "[1,2]",
            "{\"a\":{}}", "[{}]", "\"\\u0000\"", "\"\\/\"", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "65536",
        };

        private static readonly byte[] Interesting = Encoding.ASCII.GetBytes("{}[],:\"\\ \t\r\n0123456789.-+eEtfnulrsa/bu");

        private static byte RandomByte(Random rnd) => rnd.Next(3) == 0 ? (byte)rnd.Next(256) : Interesting[rnd.Next(Interesting.Length)];

        private static byte[] RandomBytes(Random rnd, int n)
        {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = RandomByte(rnd);
            return b;
        }

        private static byte[] Flip(Random rnd, byte[] doc)
        {
            byte[] copy = (byte[])doc.Clone();
            if (copy.Length == 0) return copy;
            int n = rnd.Next(1, 5);
            for (int i = 0; i < n; i++)
            {
                int at = rnd.Next(copy.Length);
                copy[at] = rnd.Next(2) == 0 ? RandomByte(rnd) : (byte)(copy[at] ^ (1 << rnd.Next(8)));
            }
            return copy;
        }

        private static byte[] Insert(Random rnd, byte[] doc, byte[] bytes)
        {
            int at = rnd.Next(doc.Length + 1);
            return doc.Take(at).Concat(bytes).Concat(doc.Skip(at)).ToArray();
        }

        private static byte[] Delete(Random rnd, byte[] doc)
        {
            if (doc.Length == 0) return doc;
            int at = rnd.Next(doc.Length);
            int n = Math.Min(rnd.Next(1, 12), doc.Length - at);
            return doc.Take(at).Concat(doc.Skip(at + n)).ToArray();
        }

        private static byte[] Splice(Random rnd, byte[] a, byte[] b) =>
            a.Take(rnd.Next(a.Length + 1)).Concat(b.Skip(rnd.Next(b.Length + 1))).ToArray();

        private static byte[] JsonAlphabet(Random rnd)
        {
            string[] pieces = { "{", "}", "[", "]", ",", ":", "\"cmd\"", "\"msgId\"", "\"data\"", "\"ver\"", "\"dir\"", "\"timestamp\"", "\"fileInfo\"",
                "\"devVer\"", "\"respCode\"", "\"1.0\"", "\"30\"", "2019", "1", "-1", "null", "true", "\"x\"", " " };
            var sb = new StringBuilder();
            int n = rnd.Next(1, 40);
            for (int i = 0; i < n; i++) sb.Append(pieces[rnd.Next(pieces.Length)]);
            return Encoding.UTF8.GetBytes(sb.ToString());
        }

        private static string DeepNesting(Random rnd)
        {
            int depth = rnd.Next(1, 40);
            bool objects = rnd.Next(2) == 0;
            var sb = new StringBuilder();
            for (int i = 0; i < depth; i++) sb.Append(objects ? "{\"a\":" : "[");
            sb.Append(rnd.Next(2) == 0 ? "1" : "{}");
            for (int i = 0; i < depth; i++) sb.Append(objects ? "}" : "]");
            return sb.ToString();
        }

        private static string HugeNumber(Random rnd)
        {
            string digits = new string('9', rnd.Next(19, 400));
            return rnd.Next(6) switch
            {
                0 => digits,
                1 => "-" + digits,
                2 => "1e" + digits,
                3 => "0." + digits,
                4 => digits + "." + digits + "E-" + digits,
                _ => "-0.0000000000000000000000000000001e-99999",
            };
        }

        private static string LongList(Random rnd)
        {
            int n = rnd.Next(20, 300);
            if (rnd.Next(2) == 0) return "[" + string.Join(",", Enumerable.Repeat(rnd.Next(2) == 0 ? "{}" : "{\"devNum\":1,\"url\":\"u\"}", n)) + "]";
            return "{" + string.Join(",", Enumerable.Range(0, n).Select(i => "\"p" + i + "\":" + i)) + "}";
        }

        private static byte[] InvalidUtf8(Random rnd, byte[] doc)
        {
            byte[][] bad =
            {
                new byte[] { 0xC0, 0x80 }, new byte[] { 0xFF }, new byte[] { 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xED, 0xA0, 0x80 },
                new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0xC3 }, new byte[] { 0xEF, 0xBB, 0xBF },
            };
            byte[] chosen = bad[rnd.Next(bad.Length)];
            // Mostly inside a string (after an opening quote), sometimes anywhere.
            var quotes = new List<int>();
            for (int i = 0; i < doc.Length; i++) if (doc[i] == '"') quotes.Add(i + 1);
            int at = quotes.Count > 0 && rnd.Next(4) != 0 ? quotes[rnd.Next(quotes.Count)] : rnd.Next(doc.Length + 1);
            return doc.Take(at).Concat(chosen).Concat(doc.Skip(at)).ToArray();
        }

        /// <summary>Value spans (start, end, property name) of every member of a valid document, nested ones included.</summary>
        private static List<(int Start, int End, string Name)> ValueSpans(byte[] doc)
        {
            var spans = new List<(int, int, string)>();
            try
            {
                var r = new Utf8JsonReader(doc);
                while (r.Read())
                {
                    if (r.TokenType != System.Text.Json.JsonTokenType.PropertyName) continue;
                    string name = r.GetString()!;
                    var value = r;
                    value.Read();
                    int start = (int)value.TokenStartIndex;
                    if (value.TokenType is System.Text.Json.JsonTokenType.StartObject or System.Text.Json.JsonTokenType.StartArray) value.Skip();
                    spans.Add((start, (int)value.BytesConsumed, name));
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A corpus document that is not valid (none are meant to be): use what was found.
            }
            return spans;
        }

        private static byte[] ReplaceValue(Random rnd, byte[] doc, Func<string, string> replacement)
        {
            var spans = ValueSpans(doc);
            if (spans.Count == 0) return doc;
            var (start, end, _) = spans[rnd.Next(spans.Count)];
            string old = Encoding.UTF8.GetString(doc, start, end - start);
            return doc.Take(start).Concat(Encoding.UTF8.GetBytes(replacement(old))).Concat(doc.Skip(end)).ToArray();
        }

        private static byte[]? ReplaceNamed(byte[] doc, string name, string raw)
        {
            foreach (var (start, end, n) in ValueSpans(doc))
            {
                if (n == name) return doc.Take(start).Concat(Encoding.UTF8.GetBytes(raw)).Concat(doc.Skip(end)).ToArray();
            }
            return null;
        }

        private static byte[] DuplicateKey(Random rnd, byte[] doc)
        {
            var spans = ValueSpans(doc);
            if (spans.Count == 0) return doc;
            var (start, end, name) = spans[rnd.Next(spans.Count)];
            string value = rnd.Next(2) == 0 ? Encoding.UTF8.GetString(doc, start, end - start) : TypeSwaps[rnd.Next(TypeSwaps.Length)];
            byte[] member = Encoding.UTF8.GetBytes("," + JsonSerializer.Serialize(name) + ":" + value);
            return doc.Take(end).Concat(member).Concat(doc.Skip(end)).ToArray();
        }

        private static byte[] SwapData(Random rnd, byte[] doc, byte[] other)
        {
            var data = ValueSpans(other).FirstOrDefault(s => s.Name == Names.Data);
            if (data.Name == null) return doc;
            return ReplaceNamed(doc, Names.Data, Encoding.UTF8.GetString(other, data.Start, data.End - data.Start)) ?? doc;
        }

        private static string Show(byte[] input)
        {
            string text = Encoding.UTF8.GetString(input);
            if (text.Length > 300) text = text.Substring(0, 300) + "...";
            return JsonSerializer.Serialize(text) + " (" + input.Length + " bytes)";
        }
    }
}

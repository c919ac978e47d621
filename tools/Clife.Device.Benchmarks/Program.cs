using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Clife.Device.Benchmarks
{
    /// <summary>
    /// Runs <see cref="CodecBenchmarks"/> with BenchmarkDotNet (in process, so no project is generated and built) and ends
    /// with one <c>name value unit</c> line per figure, for scripts:
    /// md5_ratio (our MD5 throughput / .NET's), decode_ratio and encode_ratio (.NET's time / ours: higher is better),
    /// decode_alloc_bytes and encode_alloc_bytes (ours, per operation), plus the absolute figures behind them.
    /// </summary>
    public static class Program
    {
        /// <summary>Usage: [--quick] (short jobs, about a minute; less precise).</summary>
        public static int Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            string[] unknown = args.Where(a => a != "--quick").ToArray();
            if (unknown.Length > 0)
            {
                Console.Error.WriteLine("unknown argument " + unknown[0] + "; usage: Clife.Device.Benchmarks [--quick]");
                return 2;
            }

            new CodecBenchmarks().Verify();

            Job job = quick
                ? Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(200))
                : Job.Default.WithMinIterationCount(10).WithMaxIterationCount(30); // bounded, so a busy machine cannot stretch the run
            job = job.WithToolchain(InProcessEmitToolchain.Instance).WithId(quick ? "quick" : "default");
            IConfig config = ManualConfig.CreateEmpty()
                .AddLogger(ConsoleLogger.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddJob(job)
                .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "clife-benchmarks"))
                .WithOptions(ConfigOptions.DisableLogFile);
            Summary summary = BenchmarkRunner.Run<CodecBenchmarks>(config);

            var median = new Dictionary<string, double>();
            var allocated = new Dictionary<string, long>();
            foreach (BenchmarkReport report in summary.Reports)
            {
                string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                if (report.ResultStatistics == null) continue;
                median[name] = report.ResultStatistics.Median;
                allocated[name] = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
            }
            string[] needed = { "Md5Ours", "Md5DotNet", "DecodeOurs", "DecodeDotNet", "EncodeOurs", "EncodeDotNet" };
            string[] missing = needed.Where(n => !median.ContainsKey(n)).ToArray();
            if (missing.Length > 0)
            {
                Console.Error.WriteLine("benchmarks without results: " + string.Join(", ", missing));
                return 1;
            }

            double mib = CodecBenchmarks.Md5Bytes / (1024.0 * 1024.0);
            Console.WriteLine();
            Console.WriteLine("# " + (quick ? "quick" : "default") + " run; ratios > 1 mean ours is faster; encoded frame: " + new CodecBenchmarks().EncodedFrame());
            Line("md5_ratio", median["Md5DotNet"] / median["Md5Ours"], "x");
            Line("decode_ratio", median["DecodeDotNet"] / median["DecodeOurs"], "x");
            Line("encode_ratio", median["EncodeDotNet"] / median["EncodeOurs"], "x");
            Line("decode_alloc_bytes", allocated["DecodeOurs"], "B");
            Line("encode_alloc_bytes", allocated["EncodeOurs"], "B");
            Line("md5_ours_throughput", mib / (median["Md5Ours"] * 1e-9), "MiB/s");
            Line("md5_dotnet_throughput", mib / (median["Md5DotNet"] * 1e-9), "MiB/s");
            Line("decode_ours_time", median["DecodeOurs"], "ns");
            Line("decode_dotnet_time", median["DecodeDotNet"], "ns");
            Line("decode_dotnet_alloc_bytes", allocated["DecodeDotNet"], "B");
            Line("encode_ours_time", median["EncodeOurs"], "ns");
            Line("encode_dotnet_time", median["EncodeDotNet"], "ns");
            Line("encode_dotnet_alloc_bytes", allocated["EncodeDotNet"], "B");
            return 0;
        }

        private static void Line(string name, double value, string unit) =>
            Console.WriteLine(name + " " + value.ToString(value == Math.Floor(value) && Math.Abs(value) < 1e15 ? "0" : "0.###", CultureInfo.InvariantCulture) + " " + unit);
    }
}

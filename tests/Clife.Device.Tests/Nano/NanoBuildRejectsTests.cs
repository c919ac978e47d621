using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Clife.Device.Tests.Nano
{
    /// <summary>
    /// The nano build (firmware/Nano.props, the settings every device project imports) rejects code that uses what
    /// nanoFramework 1.x lacks: one file per API is compiled against the real nano mscorlib, and each must fail.
    /// (User-defined generics compile, since they need nothing from mscorlib; the metadata inspection in
    /// <see cref="NanoBuildTests"/> rejects them, and any generic instantiation, in the built assemblies.)
    /// </summary>
    public sealed class NanoBuildRejectsTests
    {
        private static readonly Dictionary<string, string> Snippets = new()
        {
            ["GenericList"] = "var l = new System.Collections.Generic.List<int>();",
            ["Linq"] = "int[] a = { 1, 2 }; var b = System.Linq.Enumerable.ToArray(a);",
            ["MathClass"] = "int m = System.Math.Max(1, 2);",
            ["StringBuilder"] = "var sb = new System.Text.StringBuilder();",
            ["EncodingClass"] = "byte[] b = System.Text.Encoding.UTF8.GetBytes(\"x\");",
            ["StreamClass"] = "System.IO.Stream s = null;",
            ["NullableInt"] = "int? n = 1;",
            ["Tuple"] = "var t = (1, 2);",
            ["AsyncTask"] = "System.Threading.Tasks.Task t = null;",
            ["Hashtable"] = "var h = new System.Collections.Hashtable();",
        };

        [Fact]
        public void Nano_build_rejects_every_api_nanoFramework_lacks()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nano-rejects-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string props = Path.Combine(RepoPaths.Root, "firmware", "Nano.props");
                File.WriteAllText(Path.Combine(dir, "Rejects.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <Import Project="{props}" />
                      <PropertyGroup>
                        <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                        <Nullable>disable</Nullable>
                        <LangVersion>13.0</LangVersion>
                        <ImplicitUsings>disable</ImplicitUsings>
                      </PropertyGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(dir, "Ok.cs"), "namespace Probe { public static class Ok { public static int Run() { int[] a = new int[2]; return a.Length; } } }");
                foreach (var (name, body) in Snippets)
                    File.WriteAllText(Path.Combine(dir, name + ".cs"), $"namespace Probe {{ public static class {name} {{ public static void Run() {{ {body} }} }} }}");

                var psi = new ProcessStartInfo("dotnet", "build -nologo -clp:NoSummary")
                {
                    WorkingDirectory = dir,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using Process build = Process.Start(psi)!;
                string output = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
                Assert.True(build.WaitForExit(180_000), "the probe build did not finish in 3 minutes");

                Assert.NotEqual(0, build.ExitCode);
                var failed = new HashSet<string>(Regex.Matches(output, @"[/\\](\w+)\.cs\(\d+,\d+\): error")
                                                      .Select(m => m.Groups[1].Value));
                Assert.DoesNotContain("Ok", failed);
                List<string> compiled = Snippets.Keys.Where(k => !failed.Contains(k)).ToList();
                Assert.True(compiled.Count == 0, "compiled although nanoFramework 1.x lacks it: " + string.Join(", ", compiled) + "\n" + output);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}

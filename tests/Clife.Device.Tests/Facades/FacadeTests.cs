using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Clife.Device.Tests.Nano;
using Xunit;

namespace Clife.Device.Tests.Facades
{
    /// <summary>The compile-only facades (firmware/Facades) stay declarations only, loadable-shaped for nanoFramework 1.x.</summary>
    public sealed class FacadeTests
    {
        private const string Notice = "// Compile-only reference facade: declarations only, every body throws; never deployed or run.";
        private static readonly Regex SourceLine = new(@"^// Source: [\w.-]+/[\w.-]+:\S+@[0-9a-f]{7,40}\b");

        public static TheoryData<string> Facades()
        {
            var data = new TheoryData<string>();
            foreach (string name in RepoPaths.FacadeNames) data.Add(name);
            return data;
        }

        private static string DllOf(string name) => RepoPaths.FacadeDlls.Single(d => Path.GetFileNameWithoutExtension(d) == name);

        [Fact]
        public void Every_facade_project_builds_an_assembly_named_after_it()
        {
            string[] projects = Directory.GetDirectories(RepoPaths.FacadesDir).Select(Path.GetFileName).Where(n => n != "bin" && n != "obj").OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
            Assert.Equal(projects, RepoPaths.FacadeNames.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(13, projects.Length);
        }

        [Theory]
        [MemberData(nameof(Facades))]
        public void Facade_references_only_mscorlib_and_other_facades(string name)
        {
            var allowed = new HashSet<string>(RepoPaths.FacadeNames) { "mscorlib" };
            var report = NanoAssemblyInspector.Inspect(DllOf(name));
            Assert.Contains("mscorlib", report.AssemblyReferences);
            Assert.DoesNotContain(report.AssemblyReferences, r => !allowed.Contains(r) || r == name);
        }

        [Theory]
        [MemberData(nameof(Facades))]
        public void Facade_has_no_generic_definitions_or_instantiations(string name)
        {
            var report = NanoAssemblyInspector.Inspect(DllOf(name));
            Assert.DoesNotContain(report.Violations, v => !v.StartsWith("references assembly ", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Facades))]
        public void Every_method_body_of_a_facade_only_throws(string name)
        {
            Assert.Empty(ThrowOnlyBodyChecker.Violations(DllOf(name)));
        }

        [Fact]
        public void Throw_only_check_rejects_real_logic()
        {
            // Negative control: this test assembly has real method bodies (calls, field stores, returns).
            var violations = ThrowOnlyBodyChecker.Violations(typeof(FacadeTests).Assembly.Location);
            Assert.Contains(violations, v => v.Contains("RepoPaths.Get:"));
            Assert.Contains(violations, v => v.Contains("FacadeTests.DllOf:"));
        }

        [Fact]
        public void Reference_check_rejects_a_foreign_reference()
        {
            // Negative control: this test assembly references System.Runtime, which no facade may.
            var report = NanoAssemblyInspector.Inspect(typeof(FacadeTests).Assembly.Location);
            Assert.Contains("System.Runtime", report.AssemblyReferences);
        }

        public static TheoryData<string> SourceFiles()
        {
            var data = new TheoryData<string>();
            foreach (string file in FacadeSources()) data.Add(Path.GetRelativePath(RepoPaths.FacadesDir, file).Replace('\\', '/'));
            return data;
        }

        private static IEnumerable<string> FacadeSources() =>
            Directory.GetFiles(RepoPaths.FacadesDir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part == "obj" || part == "bin"))
                .OrderBy(f => f, StringComparer.Ordinal);

        [Theory]
        [MemberData(nameof(SourceFiles))]
        public void Facade_source_starts_with_the_notice_and_names_its_source(string relativePath)
        {
            string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.FacadesDir, relativePath));
            Assert.True(HasHeader(lines), relativePath + " must start with the compile-only notice and a '// Source: owner/repo:path@commit' line");
        }

        [Fact]
        public void Header_check_rejects_a_file_without_notice_or_source()
        {
            Assert.False(HasHeader(new[] { "namespace X { }" }));
            Assert.False(HasHeader(new[] { Notice, "// Source: somewhere" }));
            Assert.False(HasHeader(new[] { "// a facade", "// Source: nanoframework/System.Net:a.cs@0123456" }));
            Assert.True(HasHeader(new[] { Notice, "// Source: nanoframework/System.Net:a/b.cs@0123456789abcdef0123456789abcdef01234567" }));
        }

        private static bool HasHeader(string[] lines) =>
            lines.Length >= 2 && lines[0] == Notice && SourceLine.IsMatch(lines[1]);
    }
}

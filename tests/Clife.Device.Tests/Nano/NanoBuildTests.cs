using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Clife.Device.Tests.Nano
{
    /// <summary>The nano builds of the core and of the portable suite are loadable by nanoFramework 1.x.</summary>
    public sealed class NanoBuildTests
    {
        [Fact]
        public void Nano_core_references_only_mscorlib_and_uses_no_generics()
        {
            var report = NanoAssemblyInspector.Inspect(RepoPaths.NanoCoreDll);
            Assert.Equal(new[] { "mscorlib" }, report.AssemblyReferences);
            Assert.Empty(report.Violations);
        }

        [Fact]
        public void Nano_portable_suite_references_only_mscorlib_and_the_core_and_uses_no_generics()
        {
            var report = NanoAssemblyInspector.Inspect(RepoPaths.NanoSuiteDll);
            Assert.Equal(new[] { "Clife.Device.Core", "mscorlib" }, report.AssemblyReferences.OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Equal(new[] { "references assembly Clife.Device.Core" }, report.Violations);
        }

        [Fact]
        public void Inspector_reports_generic_instantiations_and_foreign_references()
        {
            // Negative control: this very assembly uses List<T> and references System.Runtime.
            var report = NanoAssemblyInspector.Inspect(typeof(NanoBuildTests).Assembly.Location);
            Assert.Contains(report.Violations, v => v.StartsWith("references assembly System.Runtime"));
            Assert.Contains(report.Violations, v => v.Contains("generic instantiation") && v.Contains("List"));
            _ = new List<int>();
        }
    }
}

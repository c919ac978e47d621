using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Clife.Device.Tests.Nano
{
    /// <summary>
    /// The nano builds (core, portable suite, ESP32 application and loader) are loadable by nanoFramework 1.x: no generic
    /// definitions or instantiations, and no references beyond what each may use.
    /// </summary>
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
        public void Application_references_mscorlib_the_core_and_package_facades_only_and_uses_no_generics()
        {
            var report = NanoAssemblyInspector.Inspect(RepoPaths.NanoEsp32Dll);
            var allowed = new HashSet<string>(RepoPaths.FacadeNames) { "mscorlib", "Clife.Device.Core" };
            Assert.All(report.AssemblyReferences, r => Assert.Contains(r, allowed));
            Assert.Contains("Clife.Device.Core", report.AssemblyReferences);
            Assert.DoesNotContain(report.Violations, v => !v.StartsWith("references assembly ", StringComparison.Ordinal));
        }

        [Fact]
        public void Loader_references_no_assembly_of_the_bundle_and_uses_no_generics()
        {
            var report = NanoAssemblyInspector.Inspect(RepoPaths.NanoLoaderDll);
            Assert.DoesNotContain("Clife.Device.Core", report.AssemblyReferences);
            Assert.DoesNotContain("Clife.Device.Esp32", report.AssemblyReferences);
            var allowed = new HashSet<string>(RepoPaths.FacadeNames) { "mscorlib" };
            Assert.All(report.AssemblyReferences, r => Assert.Contains(r, allowed));
            Assert.DoesNotContain(report.Violations, v => !v.StartsWith("references assembly ", StringComparison.Ordinal));
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

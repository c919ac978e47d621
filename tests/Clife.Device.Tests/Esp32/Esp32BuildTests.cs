using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Clife.Device.Tests.Nano;
using Xunit;

namespace Clife.Device.Tests.Esp32
{
    /// <summary>
    /// The ESP32 application and loader, as compiled against nanoFramework's mscorlib and the package facades: the loader
    /// deploys what the application needs, both stay small, and both pin the same package versions.
    /// </summary>
    public sealed class Esp32BuildTests
    {
        [Fact]
        public void Loader_carries_every_library_the_application_needs_into_the_deploy_area()
        {
            // The application is loaded from a slot at run time; the libraries it references must already be deployed,
            // and they are deployed because the loader references them (LibraryAnchors).
            var app = NanoAssemblyInspector.Inspect(RepoPaths.NanoEsp32Dll).AssemblyReferences.Where(r => r != "Clife.Device.Core");
            var loader = NanoAssemblyInspector.Inspect(RepoPaths.NanoLoaderDll).AssemblyReferences;
            Assert.Empty(app.Except(loader));
        }

        [Fact]
        public void Application_and_loader_stay_within_their_size_budgets()
        {
            // Measured on the dlls built here (the .pe files that MetadataProcessor makes of them are smaller). The loader
            // stays in the deploy area and runs from flash; the application is loaded into RAM from a slot at every boot.
            long app = new FileInfo(RepoPaths.NanoEsp32Dll).Length;
            long loader = new FileInfo(RepoPaths.NanoLoaderDll).Length;
            Assert.True(app <= 48 * 1024, $"Clife.Device.Esp32.dll is {app} bytes (budget 48 KB): move logic into the core or trim the adapters");
            Assert.True(loader <= 96 * 1024, $"Clife.Device.Loader.dll is {loader} bytes (budget 96 KB): link fewer core sources into the loader");
        }

        public static TheoryData<string> DeviceProjects() => new() { "Clife.Device.Esp32", "Clife.Device.Loader" };

        [Theory]
        [MemberData(nameof(DeviceProjects))]
        public void Device_project_pins_the_versions_that_fix_the_known_bugs(string project)
        {
            Dictionary<string, Version> pins = Pins(project);
            Assert.Equal(new Version(1, 17, 11), pins["nanoFramework.CoreLibrary"]);
            // M2Mqtt: Last Will on MQTT 3.1.1 from 5.1.209, reconnect hardening from 5.1.212, leak fix in 5.1.220.
            Assert.True(pins["nanoFramework.M2Mqtt"] >= new Version(5, 1, 220), "M2Mqtt must be 5.1.220 or later");
            Assert.Equal(pins["nanoFramework.M2Mqtt"], pins["nanoFramework.M2Mqtt.Core"]);
            foreach (string id in new[]
            {
                "nanoFramework.System.Net.Http", "nanoFramework.System.Security.Cryptography", "nanoFramework.System.IO.Streams",
                "nanoFramework.System.Text", "nanoFramework.System.Collections", "nanoFramework.System.Device.Wifi",
                "nanoFramework.System.Net", "nanoFramework.System.IO.FileSystem", "nanoFramework.Hardware.Esp32",
                "nanoFramework.Runtime.Native", "nanoFramework.System.IO.Ports", "nanoFramework.System.Threading",
                "nanoFramework.Runtime.Events",
            })
            {
                Assert.True(pins.ContainsKey(id), project + " does not pin " + id);
            }
        }

        [Fact]
        public void Application_and_loader_pin_the_same_package_versions()
        {
            Assert.Equal(Pins("Clife.Device.Esp32").OrderBy(p => p.Key), Pins("Clife.Device.Loader").OrderBy(p => p.Key));
        }

        [Theory]
        [MemberData(nameof(DeviceProjects))]
        public void Device_project_references_every_pinned_package_from_the_solution_packages_folder(string project)
        {
            string nfproj = File.ReadAllText(Path.Combine(RepoPaths.Esp32Dir, project, project + ".nfproj"));
            foreach (var pin in Pins(project))
            {
                Assert.Contains($@"..\..\..\packages\{pin.Key}.{pin.Value}\lib\", nfproj);
            }
        }

        private static Dictionary<string, Version> Pins(string project)
        {
            XDocument config = XDocument.Load(Path.Combine(RepoPaths.Esp32Dir, project, "packages.config"));
            return config.Root!.Elements("package").ToDictionary(p => (string)p.Attribute("id")!, p => Version.Parse((string)p.Attribute("version")!));
        }
    }
}

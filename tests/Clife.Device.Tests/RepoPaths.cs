using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Clife.Device.Tests
{
    /// <summary>Paths of build outputs and repository files, as MSBuild recorded them in this assembly.</summary>
    internal static class RepoPaths
    {
        public static string Get(string key) =>
            typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException("no assembly metadata " + key);

        public static string Root => Get("RepoRoot");

        public static string NanoCoreDll => Existing(Get("NanoCoreDll"));

        public static string NanoSuiteDll => Existing(Get("NanoSuiteDll"));

        /// <summary>The ESP32 application (Program and adapters) compiled against nano mscorlib and the facades.</summary>
        public static string NanoEsp32Dll => Existing(Get("NanoEsp32Dll"));

        /// <summary>The ESP32 loader compiled against nano mscorlib and the facades.</summary>
        public static string NanoLoaderDll => Existing(Get("NanoLoaderDll"));

        /// <summary>The ESP32 firmware folder (application, loader, device projects).</summary>
        public static string Esp32Dir => Path.Combine(Root, "firmware", "Esp32");

        /// <summary>The boards/ folder.</summary>
        public static string BoardsDir => Path.Combine(Root, "boards");

        /// <summary>The built compile-only facade assemblies (firmware/Facades), one per facade project.</summary>
        public static string[] FacadeDlls => Get("FacadeDlls").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Existing).ToArray();

        /// <summary>Names of the compile-only facade assemblies (the packages the ESP32 code may reference).</summary>
        public static string[] FacadeNames => FacadeDlls.Select(Path.GetFileNameWithoutExtension).ToArray()!;

        public static string FacadesDir => Path.Combine(Root, "firmware", "Facades");

        private static string Existing(string path) =>
            File.Exists(path) ? path : throw new FileNotFoundException("the nano build output is missing; build nanoframework.sln first", path);
    }
}

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

        private static string Existing(string path) =>
            File.Exists(path) ? path : throw new FileNotFoundException("the nano build output is missing; build nanoframework.sln first", path);
    }
}

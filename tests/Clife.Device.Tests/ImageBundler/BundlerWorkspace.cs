using System;
using System.IO;
using Clife.ImageBundler;

namespace Clife.Device.Tests.ImageBundler
{
    /// <summary>A temporary directory for one bundler test, and the bundler's command line run in-process inside it.</summary>
    internal sealed class BundlerWorkspace : IDisposable
    {
        public BundlerWorkspace()
        {
            Directory = Path.Combine(Path.GetTempPath(), "clife-bundle-" + Guid.NewGuid().ToString("N")[..8]);
            System.IO.Directory.CreateDirectory(Directory);
        }

        public string Directory { get; }

        /// <summary>Path of a file in the workspace.</summary>
        public string PathOf(string name) => Path.Combine(Directory, name);

        /// <summary>Writes a file of deterministic pseudo-random bytes and returns its path.</summary>
        public string File(string name, int size, int seed)
        {
            byte[] bytes = new byte[size];
            new Random(seed).NextBytes(bytes);
            return File(name, bytes);
        }

        /// <summary>Writes a file and returns its path.</summary>
        public string File(string name, byte[] bytes)
        {
            string path = PathOf(name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>Runs clife-bundle with the arguments and returns its exit code and what it wrote.</summary>
        public static (int Exit, string Out, string Err) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = BundlerCli.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is harmless.
            }
        }
    }
}

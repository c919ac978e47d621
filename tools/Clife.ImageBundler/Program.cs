using System;

namespace Clife.ImageBundler;

/// <summary>Entry point of clife-bundle.</summary>
public static class Program
{
    /// <summary>Runs the command line; exit code 0 on success, 1 on any error.</summary>
    public static int Main(string[] args) => BundlerCli.Run(args, Console.Out, Console.Error);
}

using System.CommandLine;
using System.IO;

namespace Clife.ImageBundler;

/// <summary>
/// The command line: <c>pack</c> builds an image bundle and prints what a 2019 request needs; <c>inspect</c> verifies a
/// bundle and prints its header. Exit codes: 0 success, 1 any error (bad argument, unreadable file, invalid bundle).
/// </summary>
public static class BundlerCli
{
    /// <summary>Exit code of success.</summary>
    public const int Ok = 0;
    /// <summary>Exit code of every error.</summary>
    public const int Failed = 1;

    /// <summary>Runs the command line with the given arguments, writing to the given writers.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = Build(output, error);
        // No response files: an argument starting with @ is a file name like any other.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null });
    }

    /// <summary>Builds the command tree writing to the given writers.</summary>
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("clife image bundler: pack .pe assemblies into an OTA image bundle, or inspect one");
        root.Subcommands.Add(PackCommand.Build(output, error));
        root.Subcommands.Add(InspectCommand.Build(output, error));
        return root;
    }

    /// <summary>Runs an action, turning the errors a user can fix into "error: ..." and exit code 1.</summary>
    internal static int Guard(TextWriter error, System.Func<int> action)
    {
        try
        {
            return action();
        }
        catch (System.Exception e) when (e is UsageException or IOException or System.UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return Failed;
        }
    }
}

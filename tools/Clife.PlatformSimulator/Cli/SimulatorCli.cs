using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Clife.Simulator.Cli;

/// <summary>
/// The command line: `serve` runs a simulator; the other commands call a running simulator's admin API.
/// Exit codes: 0 ok, 1 error (bad input, unknown device, simulator not reachable, ...).
/// </summary>
public static class SimulatorCli
{
    /// <summary>Environment variable holding the default admin URL of the operator commands.</summary>
    public const string UrlVariable = "CLIFE_SIM_URL";
    /// <summary>Default HTTP port of `serve` and default admin URL port.</summary>
    public const int DefaultHttpPort = 8088;

    /// <summary>Runs the CLI with the given arguments, writing to the given writers (the console by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        TextWriter o = output ?? Console.Out;
        TextWriter e = error ?? Console.Error;
        RootCommand root = Build(o, e);
        // No response files: "@path" is how `file` takes its JSON from a file.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // Signals are the caller's business (Program.Main turns Ctrl+C/SIGTERM into the token).
        var config = new InvocationConfiguration { Output = o, Error = e, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the command tree writing to the given writers.</summary>
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("clife platform simulator: register endpoint, MQTT broker, file server and operator commands");
        root.Subcommands.Add(ServeCommand.Build(output, error));
        var url = new Option<string>("--url")
        {
            Description = $"admin URL of the running simulator (default ${UrlVariable} or http://127.0.0.1:{DefaultHttpPort})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } env ? env : $"http://127.0.0.1:{DefaultHttpPort}",
            Recursive = true,
        };
        root.Options.Add(url);
        foreach (Command c in OperatorCommands.Build(url, output, error)) root.Subcommands.Add(c);
        return root;
    }
}

using System.Threading.Tasks;
using Clife.PlatformSimulator.Cli;

namespace Clife.PlatformSimulator;

/// <summary>Entry point of the simulator's command line.</summary>
public static class Program
{
    /// <summary>Runs the CLI (see <see cref="SimulatorCli"/>).</summary>
    public static Task<int> Main(string[] args) => SimulatorCli.RunAsync(args);
}

using System.Threading.Tasks;
using Clife.Simulator.Cli;

namespace Clife.Simulator;

/// <summary>Entry point of the simulator's command line.</summary>
public static class Program
{
    /// <summary>Runs the CLI (see <see cref="SimulatorCli"/>).</summary>
    public static Task<int> Main(string[] args) => SimulatorCli.RunAsync(args);
}

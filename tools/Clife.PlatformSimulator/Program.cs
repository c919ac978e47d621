using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Clife.Simulator.Cli;

namespace Clife.Simulator;

/// <summary>Entry point of the simulator's command line.</summary>
public static class Program
{
    /// <summary>Runs the CLI (see <see cref="SimulatorCli"/>); Ctrl+C or SIGTERM stops `serve` cleanly.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await SimulatorCli.RunAsync(args, cancellationToken: stop.Token).ConfigureAwait(false);
    }
}

using System;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>Sends simulator and device log lines to the test's output (ignoring lines that arrive after the test ended).</summary>
public static class TestLog
{
    /// <summary>A log sink for SimulatorOptions.Log.</summary>
    public static Action<string> To(ITestOutputHelper output) => To(output, "");

    /// <summary>A log sink that starts every line with a prefix (to tell the simulator's lines from a device's).</summary>
    public static Action<string> To(ITestOutputHelper output, string prefix) => line =>
    {
        try
        {
            output.WriteLine(prefix + line);
        }
        catch (InvalidOperationException)
        {
            // xunit refuses output once the test has finished; late background lines are not needed.
        }
    };
}

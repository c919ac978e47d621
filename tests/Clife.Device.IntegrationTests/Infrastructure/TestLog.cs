using System;
using Xunit.Abstractions;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>Sends simulator log lines to the test's output (ignoring lines that arrive after the test ended).</summary>
public static class TestLog
{
    /// <summary>A log sink for SimulatorOptions.Log.</summary>
    public static Action<string> To(ITestOutputHelper output) => line =>
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // xunit refuses output once the test has finished; late background lines are not needed.
        }
    };
}

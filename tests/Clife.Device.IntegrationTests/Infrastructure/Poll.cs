using System;
using System.Threading.Tasks;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>Waits for what nothing signals (a device's state, a process's output, a client's flag) by checking it every 10 ms.</summary>
public static class Poll
{
    /// <summary>Waits until the condition holds.</summary>
    /// <exception cref="TimeoutException">Not within the timeout; the message is what <paramref name="failure"/> says then.</exception>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(failure());
            await Task.Delay(10);
        }
    }
}

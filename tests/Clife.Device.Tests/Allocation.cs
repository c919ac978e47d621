using System;
using System.Threading;
using Xunit;

namespace Clife.Device.Tests
{
    /// <summary>What warmed-up work allocates on the calling thread (the device has ~100 KB of heap).</summary>
    internal static class Allocation
    {
        /// <summary>
        /// Passes when some round of 100 calls allocates at most 100 * perCall bytes. A per-call allocation shows in every
        /// round, while the runtime's one-time tier-up work (charged to the calling thread) is over after a few rounds.
        /// </summary>
        public static void AssertAtMost(long perCall, Action work)
        {
            long allocated = 0;
            for (int round = 0; round < 20; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 100; i++) work();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated <= 100 * perCall) return;
                Thread.Sleep(50);
            }
            Assert.Fail($"100 calls allocated {allocated} bytes in every one of 20 rounds; the budget is {perCall} bytes per call");
        }
    }
}

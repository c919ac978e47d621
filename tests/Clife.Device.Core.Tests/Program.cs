using System;

namespace Clife.Device.Tests
{
    /// <summary>Entry point of the portable suite: runs every test and ends with the line "N passed, M failed".</summary>
    public static class Program
    {
        /// <summary>Runs the whole suite.</summary>
        public static void Main()
        {
            int failed = TestRunner.RunAll();
#if !NANOFRAMEWORK
            Environment.ExitCode = failed == 0 ? 0 : 1;
#endif
        }
    }
}

using Xunit;

namespace Clife.Device.Tests
{
    /// <summary>Runs every test of the portable suite as its own xunit case, so a failure names the test.</summary>
    public sealed class PortableSuiteTests
    {
        public static TheoryData<string> Cases()
        {
            var data = new TheoryData<string>();
            foreach (string name in TestRunner.Names()) data.Add(name);
            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Portable(string test) => TestRunner.Run(test);

        [Fact]
        public void The_portable_suite_is_not_empty() => Assert.NotEmpty(TestRunner.Names());
    }
}

using Clife.Device.OtaBenchmark;
using Xunit;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// The OTA pipeline's memory on the device's small heap: a FIRM download (the firmware's own FileOperations, driven
    /// by the benchmark's harness) allocates a fixed few kilobytes whatever the image size, and an idle poll nothing.
    /// </summary>
    public sealed class OtaPipelineAllocationTests
    {
        [Fact]
        public void A_FIRM_download_allocates_the_same_few_kilobytes_for_a_256_KiB_and_a_1_MiB_image()
        {
            var small = new OtaRun(OtaRun.Bundle("1.1.0.0", 256 * 1024));
            var large = new OtaRun(OtaRun.Bundle("1.1.0.0", 1024 * 1024));
            small.Run();

            long smallBytes = small.Run().AllocatedBytes;
            long largeBytes = large.Run().AllocatedBytes;

            Assert.True(largeBytes < 16 * 1024, $"{largeBytes} bytes allocated for a 1 MiB download");
            Assert.True(largeBytes - smallBytes < 256, $"1 MiB allocated {largeBytes} bytes, 256 KiB {smallBytes}: the difference grows with the image");
        }

        [Fact]
        public void Polls_of_an_idle_device_allocate_nothing()
        {
            var run = new OtaRun(OtaRun.Bundle("1.1.0.0", 64 * 1024));

            Assert.Equal(0, run.AllocatedByIdlePolls(1000));
        }
    }
}

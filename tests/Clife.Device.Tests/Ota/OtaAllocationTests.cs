using System;
using Clife.Device.Tests.Ota;
using Xunit;
using Xunit.Abstractions;

namespace Clife.Device.Tests.OtaAllocation
{
    /// <summary>
    /// What a FIRM download allocates on the managed heap does not grow with the image: downloading 1 MiB allocates
    /// about what 64 KiB does (a few progress frames and resume-point saves more), never a share of the image itself.
    /// </summary>
    public sealed class OtaAllocationTests
    {
        private readonly ITestOutputHelper _output;

        public OtaAllocationTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Download_allocations_do_not_grow_with_the_image_size()
        {
            Downloaded(64 * 1024); // warm-up: JIT and first-use allocations are charged to the thread too
            long small = Downloaded(64 * 1024);
            long large = Downloaded(1024 * 1024);
            _output.WriteLine($"allocated while downloading: 64 KiB image {small} bytes, 1 MiB image {large} bytes");
            // 960 KiB more image: 240 more polls, and 15 more resume points saved (one per 64 KiB, some hundred bytes
            // each). One allocation per poll, let alone a chunk or a copy of the image, would be far above this.
            long extra = large - small;
            Assert.True(extra < 16 * 1024, $"the 1 MiB download allocated {extra} bytes more than the 64 KiB one");
        }

        [Fact]
        public void Polling_an_idle_connected_device_allocates_nothing()
        {
            OtaHarness h = new OtaHarness();
            h.Start();
            h.Run(5000);
            Allocation.AssertAtMost(0, h.StepOnce);
        }

        /// <summary>Bytes allocated on this thread from the 2019 until the download is complete ({1,100}).</summary>
        private static long Downloaded(int imageBytes)
        {
            OtaHarness h = new OtaHarness(0x230000);
            h.Start();
            byte[] image = h.NewImage("1.0.1.0", 2, imageBytes);
            string data = OtaHarness.FirmDown(h.Host("firmware.bin", image), image);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long msgId = h.SendFile(data);
            h.RunUntil(() => h.Http.BytesDownloaded == imageBytes, 120000, "the download");
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            h.RunUntil(() => h.Reboots == 1, 60000, "the reboot");
            Assert.Contains("{1,100} {0,1}", h.Events(msgId));
            return allocated;
        }
    }
}

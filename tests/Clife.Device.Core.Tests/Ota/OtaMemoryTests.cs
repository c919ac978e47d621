using Clife.Device.Ota;
using Clife.Device.Protocol;

namespace Clife.Device.Tests.Ota
{
    /// <summary>
    /// The file operations move a file a chunk per poll through fixed buffers (the ESP32 has about 100 KB of managed
    /// heap): the buffer does not grow with the file, whatever its size.
    /// </summary>
    public sealed class OtaMemoryTests
    {
        private const int MiB = 1024 * 1024;
        private const int KiB = 1024;

        public void A_1_MiB_image_and_a_64_KiB_image_stream_through_the_same_fixed_chunk_buffer()
        {
            OtaHarness h = new OtaHarness(0x230000);
            h.SubDevices.Add(1, "2.0.0.0", "3.1");
            h.Start();
            byte[] sub = TestData.Pattern(64 * KiB, 5);
            byte[] firm = h.NewImage("1.0.1.0", 2, MiB);
            FileEntry[] entries =
            {
                FileEntry.SubFirm(1, h.Host("sub.bin", sub), sub, "2.1.0.0", "3.1"),
                FileEntry.Firm(h.Host("firm.bin", firm), firm, "1.0.1.0"),
            };
            long msgId = h.SendFile(FileEntry.Request(Names.ModeDown, 2, entries, 0, 3600));
            h.RunUntil(delegate { return h.Reboots == 1; }, 120000, "both downloads");

            Check.Equal(2, h.Http.Downloads, "downloads");
            Check.Equal(64 * KiB + MiB, h.Http.BytesDownloaded, "bytes downloaded");
            Check.Equal(1, h.Http.ReadBuffers.Count, "distinct buffers the two downloads were read into");
            Check.Equal(FileOperations.ChunkBytes, ((byte[])h.Http.ReadBuffers[0]!).Length, "the buffer is one chunk");
            Check.Equal(FileOperations.ChunkBytes, h.Http.LargestRead, "largest read");
            Check.Equal(FileOperations.ChunkBytes, h.SubDevices.LargestWrite, "largest write to the sub-device");
            Check.Equal(16, h.SubDevices.Writes, "sub-device writes: one per chunk");
            Check.Contains("{0,100} {3,ver} {1,1} {1,10}", h.Events(msgId), "the sub-device first, then the module");

            h.RunUntilConnected(10000);
            h.Run(500);
            h.ExpectRunning(1, firm, "the 1 MiB image");
            Check.Bytes(sub, h.SubDevices.Installed!, "the 64 KiB image");
        }
    }
}

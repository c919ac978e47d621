using System;
using System.Text;
using System.Threading;
using Clife.Device.Json;
using Clife.Device.Protocol;
using Xunit;

namespace Clife.Device.Tests.Protocol
{
    /// <summary>
    /// What the codec allocates once warmed up (the device has ~100 KB of heap): nothing to decode an envelope or to
    /// encode a progress frame, and a bounded amount to decode the seed's file request with its strings.
    /// </summary>
    public sealed class CodecAllocationTests
    {
        /// <summary>The most the seed's 2019 DOWN example may allocate to decode (the benchmark's target).</summary>
        private const long DecodeBudget = 2560;

        private delegate void Work();

        [Fact]
        public void Encoding_a_progress_frame_into_a_reused_writer_allocates_nothing()
        {
            var w = new JsonWriter(256);
            AssertAllocatesAtMost(0, () =>
            {
                FrameWriter.Begin(w, Cmd.FileReply, Profile.DirToPlatform, 23454, Profile.PrioMedium, 1617787651542L);
                FileReply.WriteProgress(w, FileReply.DownloadProgress, 50);
                FrameWriter.End(w);
            });
        }

        [Fact]
        public void Encoding_a_result_reply_into_a_reused_writer_allocates_nothing()
        {
            var w = new JsonWriter(256);
            AssertAllocatesAtMost(0, () => FrameWriter.Result(w, Cmd.UnbindReply, Profile.DirToPlatform, 7, 1617787651542L, Profile.RespOk, "ok"));
        }

        [Fact]
        public void Decoding_an_envelope_allocates_nothing()
        {
            byte[] frame = Encoding.UTF8.GetBytes(SeedExamples.FileDown);
            var reader = new FrameReader();
            AssertAllocatesAtMost(0, () =>
            {
                reader.Decode(frame, 0, frame.Length);
                reader.OpenData().Skip();
            });
        }

        [Fact]
        public void Decoding_the_seed_file_request_stays_within_its_budget()
        {
            byte[] frame = Encoding.UTF8.GetBytes(SeedExamples.FileDown);
            var reader = new FrameReader();
            AssertAllocatesAtMost(DecodeBudget, () =>
            {
                reader.Decode(frame, 0, frame.Length);
                FileRequest.Read(reader.OpenData());
            });
        }

        /// <summary>
        /// Passes when some round of 100 calls allocates at most 100 * perCall bytes. A per-call allocation shows in every
        /// round, while the runtime's one-time tier-up work (charged to the calling thread) is over after a few rounds.
        /// </summary>
        private static void AssertAllocatesAtMost(long perCall, Work work)
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

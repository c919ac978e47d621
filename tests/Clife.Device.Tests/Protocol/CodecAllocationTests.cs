using System.Text;
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

        [Fact]
        public void Encoding_a_progress_frame_into_a_reused_writer_allocates_nothing()
        {
            var w = new JsonWriter(256);
            Allocation.AssertAtMost(0, () =>
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
            Allocation.AssertAtMost(0, () => FrameWriter.Result(w, Cmd.UnbindReply, Profile.DirToPlatform, 7, 1617787651542L, Profile.RespOk, "ok"));
        }

        [Fact]
        public void Decoding_an_envelope_allocates_nothing()
        {
            byte[] frame = Encoding.UTF8.GetBytes(SeedExamples.FileDown);
            var reader = new FrameReader();
            Allocation.AssertAtMost(0, () =>
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
            Allocation.AssertAtMost(DecodeBudget, () =>
            {
                reader.Decode(frame, 0, frame.Length);
                FileRequest.Read(reader.OpenData());
            });
        }
    }
}

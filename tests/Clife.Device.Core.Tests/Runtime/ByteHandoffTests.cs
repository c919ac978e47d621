using System.Threading;
using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>The handoff passes a producer's chunks to a consumer in order, and both sides can stop it.</summary>
    public sealed class ByteHandoffTests
    {
        private ByteHandoff _handoff = new ByteHandoff();
        private bool _allPut;

        public void Bytes_arrive_in_order_and_the_end_reads_zero()
        {
            Thread producer = new Thread(Produce);
            producer.Start();
            byte[] received = new byte[1000];
            int total = 0;
            byte[] small = new byte[7];
            while (true)
            {
                int n = _handoff.Take(small, 0, small.Length, 5000);
                Check.True(n >= 0, "take failed: " + _handoff.Error);
                if (n == 0) break;
                System.Array.Copy(small, 0, received, total, n);
                total += n;
            }
            producer.Join();
            Check.Equal(1000, total, "bytes received");
            for (int i = 0; i < total; i++) Check.Equal(i % 251, received[i], "byte " + i.ToString());
            Check.True(_allPut, "every Put returned true");
        }

        public void Consumer_times_out_when_nothing_comes()
        {
            byte[] buffer = new byte[10];
            Check.Equal(-1, _handoff.Take(buffer, 0, 10, 20), "result");
            Check.Contains("no data", _handoff.Error, "error");
        }

        public void Producer_failure_reaches_the_consumer()
        {
            _handoff.End("connection reset");
            Check.Equal(-1, _handoff.Take(new byte[4], 0, 4, 1000), "result");
            Check.Equal("connection reset", _handoff.Error, "error");
        }

        public void Abandon_releases_a_waiting_producer()
        {
            Thread producer = new Thread(ProduceUntilAbandoned);
            producer.Start();
            byte[] buffer = new byte[3];
            Check.Equal(3, _handoff.Take(buffer, 0, 3, 5000), "first take");
            _handoff.Abandon("closed by the reader");
            Check.True(producer.Join(5000), "producer stopped");
            Check.False(_allPut, "the abandoned Put returned false");
            Check.Equal(-1, _handoff.Take(buffer, 0, 3, 10), "take after abandon");
        }

        private void Produce()
        {
            byte[] chunk = new byte[100];
            bool ok = true;
            for (int c = 0; c < 10; c++)
            {
                for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)((c * 100 + i) % 251);
                ok &= _handoff.Put(chunk, 0, chunk.Length, 5000);
            }
            _handoff.End("");
            _allPut = ok;
        }

        private void ProduceUntilAbandoned()
        {
            _allPut = _handoff.Put(new byte[10], 0, 10, 5000);
        }
    }
}

using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>Frames leave by priority, FIFO within a priority, and a full queue drops the oldest of the lowest priority.</summary>
    public sealed class OutboundQueueTests
    {
        public void Frames_leave_high_priority_first_and_fifo_within_a_priority()
        {
            OutboundQueue queue = new OutboundQueue(8, 1000);
            queue.Enqueue(Frame(1), 1, 1);
            queue.Enqueue(Frame(2), 1, 0);
            queue.Enqueue(Frame(3), 1, 2);
            queue.Enqueue(Frame(4), 1, 1);
            queue.Enqueue(Frame(5), 1, 2);
            Check.Equal("3 5 1 4 2", Drain(queue), "order");
        }

        public void Full_queue_drops_the_oldest_frame_of_the_lowest_priority()
        {
            OutboundQueue queue = new OutboundQueue(3, 1000);
            queue.Enqueue(Frame(1), 1, 1);
            queue.Enqueue(Frame(2), 1, 0);
            queue.Enqueue(Frame(3), 1, 0);
            Check.True(queue.Enqueue(Frame(4), 1, 1), "new frame accepted");
            Check.Equal(1, queue.Dropped, "dropped");
            Check.Equal("1 4 3", Drain(queue), "order");
        }

        public void New_frame_of_lower_priority_than_everything_queued_is_the_one_dropped()
        {
            OutboundQueue queue = new OutboundQueue(2, 1000);
            queue.Enqueue(Frame(1), 1, 2);
            queue.Enqueue(Frame(2), 1, 1);
            Check.False(queue.Enqueue(Frame(3), 1, 0), "low frame refused");
            Check.Equal("1 2", Drain(queue), "order");
        }

        public void Byte_limit_evicts_until_the_new_frame_fits()
        {
            OutboundQueue queue = new OutboundQueue(10, 100);
            queue.Enqueue(Frame(1), 40, 0);
            queue.Enqueue(Frame(2), 40, 0);
            Check.True(queue.Enqueue(Frame(3), 50, 1), "accepted");
            Check.Equal(90, queue.Bytes, "bytes");
            Check.Equal("3 2", Drain(queue), "order");
        }

        public void Frame_bigger_than_the_whole_queue_is_refused()
        {
            OutboundQueue queue = new OutboundQueue(10, 100);
            queue.Enqueue(Frame(1), 10, 0);
            Check.False(queue.Enqueue(Frame(2), 101, 2), "refused");
            Check.Equal(1, queue.Count, "count");
        }

        public void Empty_queue_has_nothing_to_peek()
        {
            OutboundQueue queue = new OutboundQueue(4, 100);
            Check.Equal(-1, queue.Peek(), "peek");
            queue.Enqueue(Frame(1), 1, 1);
            queue.Clear();
            Check.Equal(-1, queue.Peek(), "peek after clear");
            Check.Equal(0, queue.Bytes, "bytes after clear");
        }

        public void Every_prio_of_2_and_above_is_the_same_high_class_and_negative_is_low()
        {
            OutboundQueue queue = new OutboundQueue(8, 1000);
            queue.Enqueue(Frame(1), 1, 2);
            queue.Enqueue(Frame(2), 1, 9);
            queue.Enqueue(Frame(3), 1, 0);
            queue.Enqueue(Frame(4), 1, -4);
            queue.Enqueue(Frame(5), 1, 3);
            Check.Equal("1 2 5 3 4", Drain(queue), "order");
        }

        private static byte[] Frame(int id) => new byte[] { (byte)id };

        private static string Drain(OutboundQueue queue)
        {
            string order = "";
            for (int i = queue.Peek(); i >= 0; i = queue.Peek())
            {
                order += (order.Length > 0 ? " " : "") + queue.FrameAt(i)[0].ToString();
                queue.RemoveAt(i);
            }
            return order;
        }
    }
}

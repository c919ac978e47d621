namespace Clife.Device.Runtime
{
    /// <summary>
    /// Frames waiting to be published: they leave in priority order (high first, FIFO within a priority; every
    /// prio of 2 and above is high).
    /// Bounded by frame count and total bytes; when full, the oldest frame of the lowest priority goes first
    /// (a new frame of strictly lower priority than everything queued is the one dropped).
    /// </summary>
    public sealed class OutboundQueue
    {
        private readonly byte[]?[] _frames;
        private readonly int[] _lengths;
        private readonly int[] _prios;
        private readonly long[] _order;
        private readonly int _maxBytes;
        private long _nextOrder;

        /// <summary>Creates a queue holding at most the given number of frames and bytes.</summary>
        public OutboundQueue(int maxFrames, int maxBytes)
        {
            _frames = new byte[maxFrames][];
            _lengths = new int[maxFrames];
            _prios = new int[maxFrames];
            _order = new long[maxFrames];
            _maxBytes = maxBytes;
        }

        /// <summary>Frames queued.</summary>
        public int Count { get; private set; }

        /// <summary>Bytes queued.</summary>
        public int Bytes { get; private set; }

        /// <summary>Frames dropped because the queue was full, since creation.</summary>
        public int Dropped { get; private set; }

        /// <summary>
        /// Queues a frame (the array is kept, not copied). Returns false when this very frame was dropped
        /// (too big, or of lower priority than everything queued while full).
        /// </summary>
        public bool Enqueue(byte[] frame, int length, int prio)
        {
            // The protocol has three classes (0 low, 1 medium, >= 2 high): prio 9 is as high as 2, not higher.
            if (prio > Protocol.Profile.PrioHigh) prio = Protocol.Profile.PrioHigh;
            if (prio < Protocol.Profile.PrioLow) prio = Protocol.Profile.PrioLow;
            if (length > _maxBytes)
            {
                Dropped++;
                return false;
            }
            while (Count == _frames.Length || Bytes + length > _maxBytes)
            {
                int victim = OldestOfLowestPriority();
                if (_prios[victim] > prio)
                {
                    Dropped++;
                    return false;
                }
                RemoveAt(victim);
                Dropped++;
            }
            int slot = FreeSlot();
            _frames[slot] = frame;
            _lengths[slot] = length;
            _prios[slot] = prio;
            _order[slot] = _nextOrder++;
            Count++;
            Bytes += length;
            return true;
        }

        /// <summary>Index of the next frame to send (highest priority, oldest first), or -1 when empty.</summary>
        public int Peek()
        {
            int best = -1;
            for (int i = 0; i < _frames.Length; i++)
            {
                if (_frames[i] == null) continue;
                if (best < 0 || _prios[i] > _prios[best] || (_prios[i] == _prios[best] && _order[i] < _order[best])) best = i;
            }
            return best;
        }

        /// <summary>The frame at an index returned by <see cref="Peek"/>.</summary>
        public byte[] FrameAt(int index) => _frames[index]!;

        /// <summary>The frame length at an index returned by <see cref="Peek"/>.</summary>
        public int LengthAt(int index) => _lengths[index];

        /// <summary>Removes the frame at an index returned by <see cref="Peek"/>.</summary>
        public void RemoveAt(int index)
        {
            if (_frames[index] == null) return;
            _frames[index] = null;
            Count--;
            Bytes -= _lengths[index];
        }

        /// <summary>Drops everything.</summary>
        public void Clear()
        {
            for (int i = 0; i < _frames.Length; i++) _frames[i] = null;
            Count = 0;
            Bytes = 0;
        }

        private int OldestOfLowestPriority()
        {
            int victim = -1;
            for (int i = 0; i < _frames.Length; i++)
            {
                if (_frames[i] == null) continue;
                if (victim < 0 || _prios[i] < _prios[victim] || (_prios[i] == _prios[victim] && _order[i] < _order[victim])) victim = i;
            }
            return victim;
        }

        private int FreeSlot()
        {
            for (int i = 0; i < _frames.Length; i++) if (_frames[i] == null) return i;
            return -1;
        }
    }
}

namespace Clife.Device.Runtime
{
    /// <summary>
    /// The replies to the last platform requests, by cmd and msgId, so a request delivered twice (QoS 1) is
    /// answered with the same reply and not acted on again.
    /// </summary>
    public sealed class ReplyCache
    {
        private readonly int[] _cmds;
        private readonly long[] _msgIds;
        private readonly byte[]?[] _replies;
        private readonly int[] _lengths;
        private int _next;

        /// <summary>Creates a cache of the given number of entries.</summary>
        public ReplyCache(int capacity)
        {
            _cmds = new int[capacity];
            _msgIds = new long[capacity];
            _replies = new byte[capacity][];
            _lengths = new int[capacity];
        }

        /// <summary>Index of the cached reply to a request, or -1 when the request is new.</summary>
        public int Find(int cmd, long msgId)
        {
            for (int i = 0; i < _replies.Length; i++)
            {
                if (_replies[i] != null && _cmds[i] == cmd && _msgIds[i] == msgId) return i;
            }
            return -1;
        }

        /// <summary>The cached reply frame at an index returned by <see cref="Find"/>.</summary>
        public byte[] ReplyAt(int index) => _replies[index]!;

        /// <summary>Length of the cached reply at an index returned by <see cref="Find"/>.</summary>
        public int LengthAt(int index) => _lengths[index];

        /// <summary>Remembers the reply to a request, replacing the oldest entry when full.</summary>
        public void Add(int cmd, long msgId, byte[] reply, int length)
        {
            _cmds[_next] = cmd;
            _msgIds[_next] = msgId;
            _replies[_next] = reply;
            _lengths[_next] = length;
            _next = (_next + 1) % _replies.Length;
        }

        /// <summary>Forgets everything (after an unbind the old session's ids mean nothing).</summary>
        public void Clear()
        {
            for (int i = 0; i < _replies.Length; i++) _replies[i] = null;
        }
    }
}

using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>The last replies are found by cmd and msgId; older ones are forgotten.</summary>
    public sealed class ReplyCacheTests
    {
        public void Cached_reply_is_found_by_cmd_and_msg_id()
        {
            ReplyCache cache = new ReplyCache(4);
            cache.Add(2011, 7, new byte[] { 1, 2, 3 }, 3);
            int i = cache.Find(2011, 7);
            Check.True(i >= 0, "found");
            Check.Equal(3, cache.LengthAt(i), "length");
            Check.Equal(-1, cache.Find(2009, 7), "other cmd, same msgId");
            Check.Equal(-1, cache.Find(2011, 8), "same cmd, other msgId");
        }

        public void Oldest_reply_is_forgotten_when_full()
        {
            ReplyCache cache = new ReplyCache(32);
            for (int id = 1; id <= 33; id++) cache.Add(2009, id, new byte[] { (byte)id }, 1);
            Check.Equal(-1, cache.Find(2009, 1), "the first of 33");
            for (int id = 2; id <= 33; id++) Check.True(cache.Find(2009, id) >= 0, "msgId " + id.ToString() + " remembered");
        }

        public void Clear_forgets_everything()
        {
            ReplyCache cache = new ReplyCache(4);
            cache.Add(2013, 1, new byte[1], 1);
            cache.Clear();
            Check.Equal(-1, cache.Find(2013, 1), "after clear");
        }
    }
}

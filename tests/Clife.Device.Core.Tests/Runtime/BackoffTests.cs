using Clife.Device.Runtime;

namespace Clife.Device.Tests
{
    /// <summary>Full-jitter exponential backoff.</summary>
    public sealed class BackoffTests
    {
        public void Ceiling_doubles_from_the_base_up_to_the_cap()
        {
            FakeRandom random = new FakeRandom(1);
            random.AlwaysMax = true;
            Backoff backoff = new Backoff(1000, 300000, random);
            long[] expected = { 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000 };
            for (int i = 0; i < expected.Length; i++) Check.Equal(expected[i], backoff.NextDelayMs(), "delay " + i.ToString());
        }

        public void Every_delay_lies_between_zero_and_the_ceiling()
        {
            Backoff backoff = new Backoff(1000, 300000, new FakeRandom(7));
            for (int i = 0; i < 200; i++)
            {
                int ceiling = backoff.CeilingMs;
                int delay = backoff.NextDelayMs();
                Check.True(delay >= 0 && delay <= ceiling, "delay " + delay.ToString() + " outside [0, " + ceiling.ToString() + "]");
            }
        }

        public void Delays_are_jittered_not_fixed()
        {
            Backoff backoff = new Backoff(1000, 300000, new FakeRandom(3));
            for (int i = 0; i < 12; i++) backoff.NextDelayMs();
            int first = backoff.NextDelayMs();
            bool differs = false;
            for (int i = 0; i < 20; i++) if (backoff.NextDelayMs() != first) differs = true;
            Check.True(differs, "twenty delays at the cap were all equal");
        }

        public void Reset_starts_over_at_the_base()
        {
            FakeRandom random = new FakeRandom(1);
            random.AlwaysMax = true;
            Backoff backoff = new Backoff(1000, 300000, random);
            for (int i = 0; i < 5; i++) backoff.NextDelayMs();
            backoff.Reset();
            Check.Equal(0, backoff.Attempts, "attempts");
            Check.Equal(1000, backoff.NextDelayMs(), "first delay after reset");
        }

        public void Many_attempts_do_not_overflow()
        {
            FakeRandom random = new FakeRandom(1);
            random.AlwaysMax = true;
            Backoff backoff = new Backoff(1000, 300000, random);
            for (int i = 0; i < 1000; i++) backoff.NextDelayMs();
            Check.Equal(300000, backoff.NextDelayMs(), "delay after 1000 attempts");
        }
    }
}

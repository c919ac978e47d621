using Clife.Device.Hal;

namespace Clife.Device.Runtime
{
    /// <summary>
    /// Exponential backoff with full jitter (as AWS's backoffAlgorithm): the n-th wait is uniformly random in
    /// [0, min(cap, base * 2^n)], so a fleet that lost its server does not come back in lockstep.
    /// </summary>
    public sealed class Backoff
    {
        private readonly int _baseMs;
        private readonly int _capMs;
        private readonly IRandom _random;

        /// <summary>Creates a backoff with the given first ceiling and maximum ceiling.</summary>
        public Backoff(int baseMs, int capMs, IRandom random)
        {
            _baseMs = baseMs;
            _capMs = capMs;
            _random = random;
        }

        /// <summary>Failed attempts since the last reset.</summary>
        public int Attempts { get; private set; }

        /// <summary>The ceiling of the next wait, in milliseconds.</summary>
        public int CeilingMs
        {
            get
            {
                long ceiling = _baseMs;
                for (int i = 0; i < Attempts && ceiling < _capMs; i++) ceiling *= 2;
                return ceiling > _capMs ? _capMs : (int)ceiling;
            }
        }

        /// <summary>Counts a failed attempt and returns how long to wait before the next one.</summary>
        public int NextDelayMs()
        {
            int ceiling = CeilingMs;
            Attempts++;
            return ceiling >= int.MaxValue ? _random.Next(int.MaxValue) : _random.Next(ceiling + 1);
        }

        /// <summary>Starts over after a success.</summary>
        public void Reset() => Attempts = 0;
    }
}

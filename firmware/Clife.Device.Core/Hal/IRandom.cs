namespace Clife.Device.Hal
{
    /// <summary>Randomness for backoff jitter and message ids.</summary>
    public interface IRandom
    {
        /// <summary>A uniformly distributed integer in [0, maxExclusive); maxExclusive must be positive.</summary>
        int Next(int maxExclusive);
    }
}

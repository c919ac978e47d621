using System.Threading.Tasks;
using Xunit;

namespace Clife.Device.IntegrationTests.Infrastructure;

/// <summary>One mosquitto per test class (xunit class fixture); fails the tests when mosquitto is missing.</summary>
public sealed class MosquittoFixture : IAsyncLifetime
{
    /// <summary>The running broker.</summary>
    public MosquittoBroker Broker { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Broker = await MosquittoBroker.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Broker is not null) await Broker.DisposeAsync();
    }
}

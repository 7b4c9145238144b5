using MedMassage.Hosting;

namespace Gateway.Tests;

/// <summary>A real Redis (the rate limiter's store) and a real upstream server, shared by the gateway tests.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"medmassage-gw-{Guid.NewGuid():N}"[..24]);
    private LocalRedis? _redis;

    public EchoService Upstream { get; private set; } = null!;

    public string RedisConnectionString => _redis!.ConnectionString;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_state);
        _redis = new LocalRedis(_state);
        await Task.WhenAll(_redis.StartAsync(CancellationToken.None), StartUpstreamAsync());
    }

    private async Task StartUpstreamAsync() => Upstream = await EchoService.StartAsync();

    public async Task DisposeAsync()
    {
        await Upstream.DisposeAsync();
        await _redis!.StopAsync();
        try { Directory.Delete(_state, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}

using MedMassage.Testing;

namespace MedMassage.Gateway.Tests;

/// <summary>The real servers (the rate limiter keeps its counts in Redis) and a real upstream server, shared by the gateway tests.</summary>
public sealed class GatewayFixture : InfrastructureFixture
{
    public EchoService Upstream { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await Task.WhenAll(base.InitializeAsync(), StartUpstreamAsync());
    }

    private async Task StartUpstreamAsync() => Upstream = await EchoService.StartAsync();

    public override async Task DisposeAsync()
    {
        await Upstream.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}

using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>The whole suite, started once for these tests exactly as README's first command starts it.</summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    public AppHostProcess AppHost { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        AppHost = await AppHostProcess.StartAsync(TimeSpan.FromSeconds(300));
        Gateway = new HttpClient { BaseAddress = AppHost.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await AppHost.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}

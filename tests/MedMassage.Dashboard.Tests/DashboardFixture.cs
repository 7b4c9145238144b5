using MedMassage.AppHost.Dashboard;
using MedMassage.AppHost.Hosting;
using MedMassage.Hosting;

namespace MedMassage.Dashboard.Tests;

/// <summary>The dashboard host alone (no resources) on free ports: its real Kestrel, login and OTLP/gRPC receiver.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public DashboardHost Dashboard { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Dashboard = await DashboardHost.StartAsync([], new AppHostOptions { DashboardPort = FreePort.Next(), OtlpPort = FreePort.Next() }, CancellationToken.None);

    public async Task DisposeAsync() => await Dashboard.DisposeAsync();
}

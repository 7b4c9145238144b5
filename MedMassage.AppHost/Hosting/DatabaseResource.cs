using MedMassage.Hosting;
using Npgsql;

namespace MedMassage.AppHost.Hosting;

/// <summary>A database on the PostgreSQL server, created when the server is up (as Aspire's AddDatabase does).</summary>
public sealed class DatabaseResource(string name, ServerResource server, string? existingConnectionString)
    : Resource(name), IResourceWithConnectionString
{
    public ServerResource Server => server;

    public string ConnectionString => existingConnectionString
        ?? new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name }.ConnectionString;

    public override IReadOnlyList<string> Endpoints => [ConnectionString];

    public override async Task StartAsync(CancellationToken ct)
    {
        SetState(ResourceState.Starting);
        if (existingConnectionString is null && server.Local is LocalPostgres postgres)
        {
            await postgres.CreateDatabaseAsync(Name, ct);
        }
        StartedAt = DateTimeOffset.UtcNow;
        SetState(ResourceState.Running);
    }

    public override Task StopAsync()
    {
        SetState(ResourceState.Stopped);
        return Task.CompletedTask;
    }
}

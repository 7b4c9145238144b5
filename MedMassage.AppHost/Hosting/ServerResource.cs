using MedMassage.Hosting;

namespace MedMassage.AppHost.Hosting;

/// <summary>
/// A backing server: started locally from Debian's binaries, or, when a connection string for it is already
/// configured, that existing server used as it is.
/// </summary>
public sealed class ServerResource(string name, LocalServer? local, string? existingConnectionString)
    : Resource(name), IResourceWithConnectionString
{
    public LocalServer? Local => local;
    public override int? ProcessId => local?.Process?.Id;
    public override LogBuffer Log => local?.Log ?? base.Log;

    public string ConnectionString => existingConnectionString ?? local!.ConnectionString;

    public override IReadOnlyList<string> Endpoints => local switch
    {
        LocalRabbitMq { HasManagement: true } r => [ConnectionString, $"http://127.0.0.1:{r.ManagementPort}/"],
        _ => [ConnectionString],
    };

    public override async Task StartAsync(CancellationToken ct)
    {
        if (local is null)
        {
            SetState(ResourceState.Running, "existing server");
            return;
        }
        SetState(ResourceState.Starting);
        try
        {
            await local.StartAsync(ct);
            StartedAt = DateTimeOffset.UtcNow;
            SetState(ResourceState.Running);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SetState(ResourceState.Failed, e.Message);
            throw;
        }
    }

    public override async Task StopAsync()
    {
        if (local is not null)
        {
            await local.StopAsync();
            SetState(ResourceState.Stopped);
        }
    }
}

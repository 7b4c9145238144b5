using MedMassage.Hosting;

namespace MedMassage.AppHost.Hosting;

public enum ResourceState { Waiting, Starting, Running, Unhealthy, Exited, Restarting, Failed, Stopped }

/// <summary>Something the AppHost runs or points at: a server, a database on it, or a project.</summary>
public abstract class Resource(string name)
{
    private readonly List<Resource> _waitFor = [];

    public string Name { get; } = name;
    public ResourceState State { get; private set; } = ResourceState.Waiting;
    public string? StateDetail { get; private set; }
    public DateTimeOffset? StartedAt { get; protected set; }
    public int RestartCount { get; protected set; }
    public virtual int? ProcessId => null;
    public virtual LogBuffer Log { get; } = new(name);
    public virtual IReadOnlyList<string> Endpoints => [];
    public virtual IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>();
    public IReadOnlyList<Resource> Dependencies => _waitFor;

    public event Action<Resource>? StateChanged;

    /// <summary>Ready for dependents: running and healthy.</summary>
    public bool IsReady => State == ResourceState.Running;

    internal void AddWaitFor(Resource resource)
    {
        if (!_waitFor.Contains(resource))
        {
            _waitFor.Add(resource);
        }
    }

    protected void SetState(ResourceState state, string? detail = null)
    {
        if (State == state && StateDetail == detail)
        {
            return;
        }
        State = state;
        StateDetail = detail;
        StateChanged?.Invoke(this);
    }

    public abstract Task StartAsync(CancellationToken ct);

    public abstract Task StopAsync();
}

/// <summary>A resource that other resources can reference through <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }
    string ConnectionString { get; }
}

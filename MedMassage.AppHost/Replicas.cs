using Microsoft.Extensions.Configuration;

namespace MedMassage.AppHost;

/// <summary>A service run as several processes: the first under the service's own name, the others as <c>{name}-2</c>, <c>{name}-3</c> ….</summary>
internal sealed record ReplicatedService(string Name, IReadOnlyList<IResourceBuilder<ProjectResource>> Replicas)
{
    public IResourceBuilder<ProjectResource> First => Replicas[0];
}

/// <summary>
/// Replicas on one machine, as a cluster would run them: every replica is a resource of its own (its own port, its own
/// line in the dashboard, restarted on its own after a crash), and whoever references the service is given every
/// replica's address under the service's one name (<c>services__{name}__http__0</c>, <c>__1</c> …), so the gateway
/// balances across them and stops sending to one that does not answer. All replicas report telemetry and bind their
/// queues under the service's name: they compete for the same messages instead of each getting its own copy.
/// </summary>
internal static class Replicas
{
    public const string Section = "Replicas";

    /// <summary><c>Replicas:{name}</c>, else <c>Replicas:default</c>, else 1 (<c>--replicas</c> sets them).</summary>
    public static int ReplicasOf(this IDistributedApplicationBuilder builder, string name) =>
        Math.Max(1, builder.Configuration.GetValue<int?>($"{Section}:{name}") ?? builder.Configuration.GetValue($"{Section}:default", 1));

    public static ReplicatedService AddReplicated(this IDistributedApplicationBuilder builder, string name,
        Func<string, IResourceBuilder<ProjectResource>> add)
    {
        var replicas = Enumerable.Range(1, builder.ReplicasOf(name))
            .Select(i => i == 1 ? add(name) : add($"{name}-{i}").WithEnvironment("OTEL_SERVICE_NAME", name))
            .ToList();
        return new ReplicatedService(name, replicas);
    }

    /// <summary>Every replica's address for service discovery.</summary>
    public static IResourceBuilder<TResource> WithReference<TResource>(this IResourceBuilder<TResource> project, ReplicatedService service)
        where TResource : IResourceWithEnvironment
    {
        project.WithReference(service.First);
        foreach (var (replica, index) in service.Replicas.Select((r, i) => (r, i)).Skip(1))
        {
            project.WithEnvironment($"services__{service.Name}__http__{index}", replica.GetEndpoint("http"));
        }
        return project;
    }

    /// <summary>
    /// Start only once every replica is healthy. Only for what is never restarted alone: Aspire checks the wait again
    /// when a resource is started again, and a replica killed at that moment would keep the restart from happening.
    /// </summary>
    public static IResourceBuilder<TResource> WaitFor<TResource>(this IResourceBuilder<TResource> project, ReplicatedService service)
        where TResource : IResourceWithWaitSupport
    {
        foreach (var replica in service.Replicas)
        {
            project.WaitFor(replica);
        }
        return project;
    }

    /// <summary>The same settings on every replica.</summary>
    public static ReplicatedService Each(this ReplicatedService service, Action<IResourceBuilder<ProjectResource>> configure)
    {
        foreach (var replica in service.Replicas)
        {
            configure(replica);
        }
        return service;
    }
}

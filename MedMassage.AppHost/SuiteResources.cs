using MedMassage.Hosting;
using Microsoft.Extensions.Configuration;

namespace MedMassage.AppHost;

/// <summary>How the suite's resources are declared, so Program.cs reads as the topology and nothing else.</summary>
internal static class SuiteResources
{
    /// <summary>A server given by <c>ConnectionStrings__{name}</c> is used as it is; otherwise one is started here.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> ExistingOr(this IDistributedApplicationBuilder builder, string name,
        Func<IDistributedApplicationBuilder, IResourceBuilder<IResourceWithConnectionString>> startLocal) =>
        builder.Configuration.GetConnectionString(name) is null ? startLocal(builder) : builder.AddConnectionString(name);

    /// <summary>
    /// A project of the suite: Development settings, tokens issued under the gateway's public address (services fetch
    /// the signing keys from identity-api itself), and an HTTP endpoint on <paramref name="port"/>, or a free loopback
    /// port. No proxy sits in the data path; only the gateway's port is meant to be reached from outside.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSuiteProject<TProject>(this IDistributedApplicationBuilder builder, string name, int? port = null)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: port ?? FreePort.Next(), isProxied: false)
            // Running is not ready: a service migrates its database and connects to the broker first. WaitFor and the
            // dashboard go by the service's own readiness (its database, the broker, Redis; the gateway's, every service).
            .WithHttpHealthCheck("/health")
            // A dozen processes share a few cores: idle thread-pool workers spinning for work burn CPU the busy ones
            // need (measured: a fifth of the machine at 200 slot searches/s, docs/benchmarks.md). Set it to override.
            .WithEnvironment("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") ?? "0")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
            .WithEnvironment(context =>
            {
                // Everything public goes through the gateway: the token issuer, and the links physicians open from e-mails.
                var gateway = $"http://127.0.0.1:{GatewayPort(builder)}/";
                context.EnvironmentVariables["Identity__Issuer"] = gateway;
                context.EnvironmentVariables["PhysicianLinks__PublicBaseUrl"] = gateway;
                context.EnvironmentVariables["ClinicalNotes__PublicBaseUrl"] = gateway;
                // The staff app signs people in at the issuer and calls the APIs, both at the gateway; identity
                // registers the app's callback there.
                context.EnvironmentVariables["StaffApp__Gateway"] = gateway;
                context.EnvironmentVariables["Identity__StaffApp__RedirectUris__0"] = $"{gateway}staff/signin-oidc";
                context.EnvironmentVariables["Identity__StaffApp__PostLogoutRedirectUris__0"] = $"{gateway}staff/signout-callback-oidc";
            });

    /// <summary>One of the four domain services, as many replicas as configured: its database, the event bus, Redis and the token issuer.</summary>
    public static ReplicatedService AddService<TProject>(this IDistributedApplicationBuilder builder, string name, string database,
        IResourceBuilder<IResourceWithConnectionString> eventbus, IResourceBuilder<IResourceWithConnectionString> redis,
        IResourceBuilder<IResourceWithConnectionString> postgres, ReplicatedService identity) where TProject : IProjectMetadata, new() =>
        builder.AddReplicated(name, replica => builder.AddSuiteProject<TProject>(replica)
            .WithDatabase(postgres, database)
            .WithReference(eventbus).WaitFor(eventbus)
            .WithReference(redis).WaitFor(redis)
            .WithReference(identity));

    /// <summary>The service's own database on <paramref name="server"/>, unless <c>ConnectionStrings__{database}</c> names one elsewhere.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<IResourceWithConnectionString> server, string database)
    {
        var builder = project.ApplicationBuilder;
        if (builder.Configuration.GetConnectionString(database) is not null)
        {
            // Given from outside: one login, or two when ConnectionStrings__{database}-owner is given as well.
            var given = Existing<ConnectionStringResource>(builder, database) ?? builder.AddConnectionString(database);
            return project.WithReference(given).WaitFor(given);
        }
        // Replicas share one database.
        var db = Existing<PostgresDatabaseResource>(builder, database) ?? server.AddDatabase(database);
        // The service runs as the database's app role and migrates it as the owner (DatabaseRoles).
        return project.WithReference(db).WaitFor(db)
            .WithEnvironment($"ConnectionStrings__{database}-owner", db.Resource.OwnerConnectionStringExpression);
    }

    private static IResourceBuilder<T>? Existing<T>(IDistributedApplicationBuilder builder, string name) where T : IResource =>
        builder.Resources.OfType<T>().FirstOrDefault(r => r.Name == name) is { } found ? builder.CreateResourceBuilder(found) : null;

    private static int GatewayPort(IDistributedApplicationBuilder builder) =>
        // The declared port (fixed: the gateway is the public entry), readable before anything is started.
        builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway").Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port
            ?? throw new InvalidOperationException("The gateway has no fixed port.");
}

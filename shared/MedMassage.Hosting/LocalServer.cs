using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace MedMassage.Hosting;

/// <summary>What the local servers share: where their data lives and how root runs a server that refuses root.</summary>
public static class LocalServer
{
    /// <summary>Configuration key of the directory under which each server keeps its data (a temporary one if unset).</summary>
    public const string StateDirectoryKey = "LocalServers:StateDirectory";

    /// <summary>Configuration key: "true" keeps data safe across a power cut (fsync on); throwaway state skips it.</summary>
    public const string DurableKey = "LocalServers:Durable";

    public static string StateDirectory(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration[StateDirectoryKey];
        if (configured is null)
        {
            builder.Configuration[StateDirectoryKey] = configured = Path.Combine(Path.GetTempPath(), $"medmassage-{Guid.NewGuid():N}"[..20]);
        }
        return Path.GetFullPath(configured);
    }

    public static string DataDirectory(IDistributedApplicationBuilder builder, string name) =>
        Path.Combine(StateDirectory(builder), name);

    public static bool IsDurable(IDistributedApplicationBuilder builder) =>
        string.Equals(builder.Configuration[DurableKey], "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command line that runs <paramref name="command"/> as <paramref name="user"/> when we are root.</summary>
    public static (string Command, string[] Args) AsUser(string user, string command, params string[] args) =>
        IsRoot ? ("setpriv", ["--reuid", user, "--regid", user, "--init-groups", "--", command, .. args]) : (command, args);

    /// <summary>Creates <paramref name="directory"/> and hands it to <paramref name="user"/> when we are root.</summary>
    public static async Task PrepareDirectoryAsync(string directory, string user, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        if (!IsRoot)
        {
            return;
        }
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:{user}", directory]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("chown could not be started.");
        await chown.WaitForExitAsync(ct);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown {user} {directory} failed: {await chown.StandardError.ReadToEndAsync(ct)}");
        }
    }

    /// <summary>A TCP endpoint on a port of our choosing, bound to loopback, with no proxy in the data path.</summary>
    internal static IResourceBuilder<T> WithLoopbackEndpoint<T>(this IResourceBuilder<T> builder, string name, int port, string scheme = "tcp")
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(port: port, name: name, scheme: scheme, isProxied: false)
            .WithEndpoint(name, e => e.TargetHost = "127.0.0.1");

    /// <summary>Runs <paramref name="action"/> just before DCP starts the resource.</summary>
    internal static IResourceBuilder<T> BeforeStart<T>(this IResourceBuilder<T> builder, Func<CancellationToken, Task> action) where T : IResource
    {
        builder.ApplicationBuilder.Eventing.Subscribe<BeforeResourceStartedEvent>(builder.Resource, (_, ct) => action(ct));
        return builder;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace MedMassage.Deployment.Tests.Manifests;

/// <summary>
/// The manifests give the deployables the settings the AppHost gives them locally, under the same names, and name
/// only connections and services the code knows. Read from the sources as text: the AppHost's setting names are
/// string literals ("Identity__Issuer", $"ConnectionStrings__{database}-owner").
/// </summary>
public sealed partial class EnvironmentContractTests
{
    // Set by the AppHost for a one-machine run only.
    private static readonly HashSet<string> LocalOnly = new(StringComparer.Ordinal)
    {
        "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", // a dozen processes sharing two cores (docs/operations.md)
        "DOTNET_ENVIRONMENT", // ASPNETCORE_ENVIRONMENT decides for web applications
    };

    private static readonly string[] Databases = ["identitydb", "referraldb", "schedulingdb", "clinicalnotesdb", "notificationdb"];

    [Fact]
    public async Task Every_setting_the_AppHost_gives_the_deployables_is_given_by_the_manifests_too()
    {
        var given = (await EnvironmentsAsync()).Values.SelectMany(names => names).ToHashSet(StringComparer.Ordinal);
        var appHost = AppHostSettingNames().Where(name => !LocalOnly.Contains(name)).ToList();

        Assert.NotEmpty(appHost);
        Assert.All(appHost, name => Assert.True(given.Contains(name), $"the AppHost sets {name}; no Deployment in deploy/k8s does"));
    }

    [Fact]
    public async Task Every_connection_string_the_manifests_give_names_a_connection_the_code_opens()
    {
        var code = SourceText("services", "shared", "gateway", "web");
        var connections = (await EnvironmentsAsync()).Values.SelectMany(names => names)
            .Where(name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
            .Select(name => name["ConnectionStrings__".Length..])
            .Select(name => name.EndsWith("-owner", StringComparison.Ordinal) ? name[..^"-owner".Length] : name)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("eventbus", connections);
        Assert.All(connections, name => Assert.True(code.Contains($"\"{name}\"", StringComparison.Ordinal),
            $"ConnectionStrings__{name}: no service asks for a connection named \"{name}\""));
    }

    [Fact]
    public async Task Every_service_address_the_manifests_give_names_a_resource_of_the_AppHost()
    {
        var appHost = SourceText("MedMassage.AppHost");
        var environments = await EnvironmentsAsync();
        var addresses = environments.SelectMany(e => e.Value
            .Select(name => ServiceAddress().Match(name))
            .Where(m => m.Success)
            .Select(m => (Deployment: e.Key, Service: m.Groups[1].Value))).ToList();

        Assert.Contains(addresses, a => a is { Deployment: "gateway", Service: "staff-app" });
        Assert.All(addresses, a =>
        {
            Assert.True(appHost.Contains($"\"{a.Service}\"", StringComparison.Ordinal), $"{a.Deployment}: services__{a.Service}__http__0 names no resource of the AppHost");
            Assert.True(environments.ContainsKey(a.Service), $"{a.Deployment}: services__{a.Service}__http__0 names no Deployment in deploy/k8s");
        });
    }

    [Fact]
    public async Task Every_deployable_reports_under_its_own_name_which_also_names_its_queues()
    {
        var manifests = Directory.EnumerateFiles(ManifestChecker.ManifestDirectory, "*.yaml")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);

        foreach (var (deployment, names) in await EnvironmentsAsync())
        {
            Assert.Contains("OTEL_SERVICE_NAME", names);
            Assert.Contains($"- name: OTEL_SERVICE_NAME\n              value: {deployment}\n", manifests[deployment], StringComparison.Ordinal);
        }
    }

    /// <summary>Deployment name -> every variable its containers get (env and the ConfigMaps of envFrom), from the checker.</summary>
    private static async Task<Dictionary<string, string[]>> EnvironmentsAsync()
    {
        var result = await ManifestChecker.CheckAsync(ManifestChecker.ManifestDirectory, "--env");
        Assert.True(result.ExitCode == 0, result.Output);
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(result.Output)!;
    }

    /// <summary>The names of the variables the AppHost sets, {database} spelled out for each database.</summary>
    private static IEnumerable<string> AppHostSettingNames()
    {
        var appHost = SourceText("MedMassage.AppHost");
        string[] plain = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"];
        return SettingLiteral().Matches(appHost).Select(m => m.Groups[1].Value)
            .Concat(plain.Where(name => appHost.Contains($"\"{name}\"", StringComparison.Ordinal)))
            .SelectMany(name => name.Contains("{database}", StringComparison.Ordinal)
                ? Databases.Select(db => name.Replace("{database}", db, StringComparison.Ordinal))
                : name.Contains('{', StringComparison.Ordinal) ? Enumerable.Empty<string>() : [name])
            .Distinct(StringComparer.Ordinal);
    }

    private static string SourceText(params string[] directories) =>
        string.Join('\n', directories
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(ManifestChecker.RepositoryRoot, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    // "Section__Key…" inside a string literal or an interpolated one.
    [GeneratedRegex("\"([A-Za-z]+__[A-Za-z0-9_{}.-]+)\"")]
    private static partial Regex SettingLiteral();

    [GeneratedRegex("^services__(.+)__http__[0-9]+$")]
    private static partial Regex ServiceAddress();
}

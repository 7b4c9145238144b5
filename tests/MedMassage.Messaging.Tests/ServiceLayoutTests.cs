using MedMassage.Testing;

namespace MedMassage.Messaging.Tests;

/// <summary>Every service keeps the same things in the same folders (docs/architecture.md, "One layout for every service").</summary>
public sealed class ServiceLayoutTests
{
    private static readonly string[] Layout = ["Apis", "Application", "Domain", "Extensions", "Infrastructure", "IntegrationEvents", "Migrations"];
    private static readonly Dictionary<string, string[]> Extras = new() { ["notification"] = ["Composition"] };

    [Theory]
    [InlineData("referral")]
    [InlineData("scheduling")]
    [InlineData("clinical-notes")]
    [InlineData("notification")]
    public void Every_service_has_the_same_folders_for_the_same_things(string service)
    {
        var folders = Directory.GetDirectories(Path.Combine(EventCatalogue.RepositoryRoot, "services", service))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Layout.Concat(Extras.GetValueOrDefault(service) ?? []).Order(StringComparer.Ordinal), folders);
    }
}

using System.Text.RegularExpressions;
using MedMassage.Tests.Shared;

namespace MedMassage.Architecture.Tests;

/// <summary>
/// One fixture per kind (docs/architecture.md, "Test harness: one fixture per kind"): whoever knows one service's
/// tests finds the same fixture, with the same name and shape, in every other. Checked on the test sources, so a new
/// test project is judged the day it appears.
/// </summary>
public sealed partial class TestHarnessRules
{
    private static readonly string Tests = Path.Combine(Repository.Root, "tests");

    private static string[] Words => [.. Directory.GetDirectories(Path.Combine(Repository.Root, "services")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> EachService => [.. Words];

    /// <summary>
    /// The projects that host a program in-process: every test project but the shared library itself and this one,
    /// which hosts each service without servers only to read its OpenAPI document.
    /// </summary>
    private static IEnumerable<string> HostingTestProjects => Directory.GetDirectories(Tests, "MedMassage.*.Tests")
        .Where(d => Path.GetFileName(d) != "MedMassage.Architecture.Tests");

    [Theory]
    [MemberData(nameof(EachService))]
    public void A_service_is_tested_through_one_fixture_named_after_it_in_Support(string word)
    {
        var name = $"{Pascal(word)}Service";
        var project = Path.Combine(Tests, $"MedMassage.{Pascal(word)}.Api.Tests");

        var fixtures = ClassesDerivedFrom(project, "ServiceFactory").ToList();

        Assert.Equal([$"{name} in Support/{name}.cs"], fixtures.Select(f => $"{f.Name} in {f.File}"));
    }

    [Fact]
    public void No_test_project_hosts_a_program_except_through_the_shared_harness()
    {
        var own = HostingTestProjects.SelectMany(p => ClassesDerivedFrom(p, "WebApplicationFactory"))
            .Select(c => $"{c.Project}/{c.File}: {c.Name}");

        Assert.Empty(own);
    }

    [Fact]
    public void Only_the_shared_fixture_of_a_service_is_constructed_from_ServiceFactory()
    {
        var direct = HostingTestProjects.SelectMany(p => Sources(p).Where(s => NewServiceFactory().IsMatch(s.Text))
            .Select(s => $"{Path.GetFileName(p)}/{s.File}"));

        Assert.Empty(direct);
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void A_service_test_project_runs_on_the_shared_servers_collection(string word)
    {
        var project = Path.Combine(Tests, $"MedMassage.{Pascal(word)}.Api.Tests");

        Assert.Empty(Sources(project).Where(s => s.Text.Contains("[CollectionDefinition", StringComparison.Ordinal)).Select(s => s.File));
        Assert.Empty(ClassesDerivedFrom(project, "InfrastructureFixture").Select(c => c.Name));
        Assert.Contains(Sources(project), s => s.Text.Contains("[Collection(InfrastructureCollection.Name)]", StringComparison.Ordinal));
    }

    private sealed record Derived(string Project, string File, string Name);

    private static IEnumerable<Derived> ClassesDerivedFrom(string project, string baseName) =>
        Sources(project).SelectMany(s => Declaration().Matches(s.Text)
            .Where(m => m.Groups["base"].Value == baseName)
            .Select(m => new Derived(Path.GetFileName(project), s.File, m.Groups["name"].Value)));

    private static IEnumerable<(string File, string Text)> Sources(string project) =>
        Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(project, f).Replace('\\', '/'), File.ReadAllText(f)));

    /// <summary>A class and the first type of its base list, across a primary constructor and line breaks.</summary>
    [GeneratedRegex(@"\bclass\s+(?<name>\w+)(?:<[^>]*>)?(?:\s*\([^)]*\))?\s*:\s*(?:[\w.]+\.)?(?<base>\w+)\b")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"new\s+(?:[\w.]+\.)?ServiceFactory<")]
    private static partial Regex NewServiceFactory();

    private static string Pascal(string word) => string.Concat(word.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}

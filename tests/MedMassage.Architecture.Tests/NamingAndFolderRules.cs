using MedMassage.Tests.Shared;
namespace MedMassage.Architecture.Tests;

/// <summary>
/// One service, one word (docs/architecture.md, "One layout for every service"): its folder, project, Aspire resource,
/// database, route and test project are all spelled from it, and every service keeps the same things in the same folders.
/// </summary>
public sealed class NamingAndFolderRules
{
    private static readonly string Root = Repository.Root;
    private static readonly string[] Layout = ["Apis", "Application", "Domain", "Extensions", "Infrastructure", "IntegrationEvents", "Migrations"];

    /// <summary>The issuer publishes and consumes no integration events.</summary>
    private static readonly Dictionary<string, string[]> Without = new() { ["identity"] = ["IntegrationEvents"] };

    private static string[] Words => [.. Directory.GetDirectories(Path.Combine(Root, "services")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> EachService => [.. Words];

    [Fact]
    public void The_rules_judge_every_service()
    {
        Assert.Equal(["clinical-notes", "identity", "notification", "referral", "scheduling"], Words);
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void Every_service_has_the_same_folders_for_the_same_things(string word)
    {
        var folders = Directory.GetDirectories(Path.Combine(Root, "services", word)).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj"));

        Assert.Equal(Layout.Except(Without.GetValueOrDefault(word) ?? []).Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(Root, "services", word, "Infrastructure", "EntityConfigurations")), $"{word}: EF mappings belong in Infrastructure/EntityConfigurations");
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void Project_and_test_project_are_named_after_the_service(string word)
    {
        var project = $"MedMassage.{Pascal(word)}.Api";

        Assert.True(File.Exists(Path.Combine(Root, "services", word, $"{project}.csproj")), $"services/{word}/{project}.csproj");
        Assert.True(File.Exists(Path.Combine(Root, "tests", $"{project}.Tests", $"{project}.Tests.csproj")), $"tests/{project}.Tests");
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void Aspire_resource_and_database_are_named_after_the_service(string word)
    {
        var appHost = File.ReadAllText(Path.Combine(Root, "MedMassage.AppHost", "Program.cs"));

        Assert.Contains($"(\"{word}-api\"", appHost, StringComparison.Ordinal);
        Assert.Contains($"\"{word.Replace("-", "", StringComparison.Ordinal)}db\"", appHost, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void Who_sees_which_records_is_decided_by_one_class_named_after_the_service(string word)
    {
        var access = Path.Combine(Root, "services", word, "Application", "Access");
        if (word == "identity")
        {
            Assert.False(Directory.Exists(access), "the issuer's administration is decided by its policies alone");
            return;
        }

        Assert.True(File.Exists(Path.Combine(access, $"{Pascal(word)}Access.cs")), $"services/{word}/Application/Access/{Pascal(word)}Access.cs");
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void Every_route_of_the_service_starts_with_its_word(string word)
    {
        var groups = Directory.GetFiles(Path.Combine(Root, "services", word, "Apis"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "MapGroup\\(\"(/api/[^\"]*)\"").Select(m => m.Groups[1].Value))
            .ToList();

        Assert.NotEmpty(groups);
        // The plural where the word names records: /api/referrals, /api/notifications.
        Assert.All(groups, route => Assert.Matches($"^/api/{word}s?(/|$)", route));
    }

    private static string Pascal(string word) => string.Concat(word.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}

using System.Text.RegularExpressions;
using MedMassage.Testing;

namespace MedMassage.Messaging.Tests;

/// <summary>docs/events.md lists every integration event once, with its publisher, its consumers and its purpose.</summary>
public sealed class EventCatalogueTests
{
    private static readonly string[] Services = ["referral", "scheduling", "clinical-notes", "notification"];

    [Fact]
    public void Every_integration_event_is_in_the_catalogue_once_and_nothing_else_is()
    {
        var listed = EventCatalogue.Load().Select(e => e.Event).ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(EventCatalogue.Defined(), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_event_has_a_publisher_that_raises_it_a_consumer_and_a_purpose()
    {
        Assert.All(EventCatalogue.Load(), e =>
        {
            Assert.Contains(e.Publisher, Services);
            Assert.NotEmpty(e.Consumers);
            Assert.All(e.Consumers, c => Assert.Contains(c, Services));
            Assert.DoesNotContain(e.Publisher, e.Consumers);
            Assert.True(e.Purpose.Length > 20, $"{e.Event} needs a purpose");
            Assert.True(Raises(e.Publisher, e.Event), $"{e.Publisher} does not raise {e.Event}");
        });
    }

    // Outside its consumers, the publisher's code names the event where it makes one.
    private static bool Raises(string service, string name) =>
        Directory.EnumerateFiles(Path.Combine(EventCatalogue.RepositoryRoot, "services", service), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).EndsWith("Consumers.cs", StringComparison.Ordinal))
            .Any(f => Regex.IsMatch(File.ReadAllText(f), $@"\bnew {name}\(|\b{name} \w+\("));
}

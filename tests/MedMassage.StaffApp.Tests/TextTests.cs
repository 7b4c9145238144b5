using System.Globalization;
using System.Text.RegularExpressions;
using MedMassage.StaffApp.Resources;
using MedMassage.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace MedMassage.StaffApp.Tests;

/// <summary>Every text of the app's pages is ready in Spanish: none falls back to English unnoticed.</summary>
public sealed partial class TextTests
{
    [Fact]
    public void Every_text_on_the_pages_has_a_Spanish_translation()
    {
        var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Text>>();
        var keys = Directory.EnumerateFiles(Path.Combine(Repository.Root, "web", "staff-app"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => TextKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.True(keys.Count > 100, $"only {keys.Count} texts found: is the pattern still right?");

        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("es");
        try
        {
            var untranslated = keys.Where(key => localizer[key].ResourceNotFound).Order().ToList();
            Assert.True(untranslated.Count == 0, "No Spanish for: " + string.Join(" | ", untranslated));
            Assert.Equal("Bandeja de derivaciones", localizer["Referral inbox"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex("""T\["([^"]+)"\]""")]
    private static partial Regex TextKey();
}

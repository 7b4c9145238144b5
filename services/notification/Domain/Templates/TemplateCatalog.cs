using System.Text.RegularExpressions;
using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Domain.Templates;

public static partial class TemplateCatalog
{
    private static readonly Dictionary<string, IReadOnlyDictionary<MessageType, Template>> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = EnglishTemplates.All,
        ["es"] = SpanishTemplates.All,
    };

    /// <summary>"es-MX" → "es"; a language we have no templates for falls back to English.</summary>
    public static string Normalize(string? language)
    {
        var primary = (language ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
        return ByLanguage.ContainsKey(primary) ? primary : "en";
    }

    public static RenderedMessage Render(MessageType type, string? language, IReadOnlyDictionary<string, string> values)
    {
        var lang = Normalize(language);
        var template = ByLanguage[lang][type];
        return new RenderedMessage(lang, Fill(template.Subject, values), Fill(template.Body, values), Fill(template.Short, values));
    }

    /// <summary>Every (type, language) pair has a template; checked by the tests so a new type cannot ship half-done.</summary>
    public static IEnumerable<(string Language, MessageType Type, bool Present)> Coverage() =>
        from lang in ByLanguage.Keys
        from type in Enum.GetValues<MessageType>()
        select (lang, type, ByLanguage[lang].ContainsKey(type));

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "");

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}

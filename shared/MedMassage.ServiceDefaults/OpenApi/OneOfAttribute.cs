using System.Reflection;
using System.Text.Json;

namespace MedMassage.ServiceDefaults.OpenApi;

/// <summary>
/// The field takes one of a fixed vocabulary, which the code checks: shown as the schema's <c>enum</c> (on the items of
/// a list). The values are read from where the code defines them, never copied: an enum's wire names (kebab-case, as
/// <see cref="ApiJson"/> writes them), a static list of strings or the keys of a static dictionary of them (<paramref name="member"/>), or else every public
/// string constant of <paramref name="vocabulary"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(Type vocabulary, string? member = null) : Attribute
{
    public Type Vocabulary { get; } = vocabulary;

    public string? Member { get; } = member;

    public IReadOnlyList<string> Values()
    {
        if (Vocabulary.IsEnum)
        {
            // Written as the API writes them, so a renamed member or a naming change shows here too.
            return [.. Enum.GetValues(Vocabulary).Cast<object>().Select(v => JsonSerializer.SerializeToElement(v, Vocabulary, ApiJson.Options).GetString()!)];
        }
        const BindingFlags statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        if (Member is not null)
        {
            var value = Vocabulary.GetField(Member, statics)?.GetValue(null) ?? Vocabulary.GetProperty(Member, statics)?.GetValue(null);
            return value switch
            {
                IEnumerable<string> values => [.. values],
                IEnumerable<KeyValuePair<string, string>> named => [.. named.Select(n => n.Key)], // codes with their names
                _ => throw new InvalidOperationException($"{Vocabulary.Name}.{Member} is not a static list of strings."),
            };
        }
        return [.. Vocabulary.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];
    }
}

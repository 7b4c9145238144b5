using System.Text.Json.Nodes;

namespace MedMassage.Identity.Api.Infrastructure.Seeding;

/// <summary>
/// Turns a configuration section back into JSON, so a JWKS can be written as a plain JSON object in the seed file
/// (configuration flattens it into keys such as <c>Jwks:keys:0:n</c>) or given as one JSON string in a setting.
/// </summary>
public static class ConfigurationJson
{
    public static string? Read(IConfigurationSection section)
    {
        if (section.Value is { Length: > 0 } text)
        {
            return text;
        }
        var children = section.GetChildren().ToList();
        return children.Count == 0 ? null : ToNode(section)?.ToJsonString();
    }

    private static JsonNode? ToNode(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return section.Value is null ? null : JsonValue.Create(section.Value);
        }

        if (children.All(c => int.TryParse(c.Key, out _)))
        {
            return new JsonArray([.. children.OrderBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(ToNode)]);
        }

        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[child.Key] = ToNode(child);
        }
        return obj;
    }
}

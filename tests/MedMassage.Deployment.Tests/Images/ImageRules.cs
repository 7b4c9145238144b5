using System.Text.Json;

namespace MedMassage.Deployment.Tests.Images;

/// <summary>
/// What a MedMassage image must be, as checks that name each way an archive falls short (empty: it complies).
/// The published images and the crafted archives of <see cref="ImageRulesTests"/> go through the same checks.
/// </summary>
public static class ImageRules
{
    public const string Port = "8080/tcp";
    public static readonly string[] RequiredLabels =
        ["org.opencontainers.image.source", "org.opencontainers.image.version", "org.opencontainers.image.title"];

    /// <summary>A numeric, non-zero user: Kubernetes' runAsNonRoot can only verify a number.</summary>
    public static IEnumerable<string> RunsAsNonRoot(ImageArchive image)
    {
        var user = image.Config.TryGetProperty("User", out var u) ? u.GetString() ?? "" : "";
        var uid = user.Split(':')[0];
        if (uid.Length == 0)
        {
            yield return "no User: the container would run as root";
        }
        else if (!long.TryParse(uid, out var id))
        {
            yield return $"User '{user}' is a name; runAsNonRoot needs a number";
        }
        else if (id == 0)
        {
            yield return $"User '{user}' is root";
        }
    }

    /// <summary>The command is `dotnet /app/{assembly}.dll`, and both the runtime and that file are in the image.</summary>
    public static IEnumerable<string> RunsAssembly(ImageArchive image, string assembly)
    {
        var command = Strings(image.Config, "Entrypoint").Concat(Strings(image.Config, "Cmd")).ToList();
        var expected = $"/app/{assembly}.dll";
        if (command is not ["dotnet" or "/usr/bin/dotnet", var dll, ..] || dll != expected)
        {
            yield return $"command is [{string.Join(", ", command)}], not [dotnet, {expected}]";
        }

        var paths = image.Layers.SelectMany(l => l.Paths).ToHashSet(StringComparer.Ordinal);
        if (!paths.Contains(expected[1..]))
        {
            yield return $"{expected} is in no layer";
        }

        if (!paths.Contains("usr/bin/dotnet"))
        {
            yield return "usr/bin/dotnet (the runtime's host) is in no layer";
        }
    }

    public static IEnumerable<string> ExposesOnlyTheServicePort(ImageArchive image)
    {
        var ports = image.Config.TryGetProperty("ExposedPorts", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().Select(x => x.Name).ToList() : [];
        if (ports is not [Port])
        {
            yield return $"exposes [{string.Join(", ", ports)}], not [{Port}]";
        }
    }

    public static IEnumerable<string> HasLabels(ImageArchive image) =>
        RequiredLabels.Where(key => string.IsNullOrWhiteSpace(image.Label(key))).Select(key => $"label {key} is missing");

    /// <summary>Every listed layer is stored, with the size and digest listed, and unpacks to its diff_id.</summary>
    public static IEnumerable<string> LayersAreIntact(ImageArchive image)
    {
        if (image.Layers.Count == 0)
        {
            yield return "lists no layers";
        }

        foreach (var layer in image.Layers)
        {
            if (layer.StoredDigest is null) { yield return $"layer {layer.Digest} is not in the archive"; continue; }
            if (layer.StoredDigest != layer.Digest)
            {
                yield return $"layer {layer.Digest} holds bytes whose digest is {layer.StoredDigest}";
            }

            if (layer.ListedSize is { } size && size != layer.StoredSize)
            {
                yield return $"layer {layer.Digest} is listed as {size} bytes but holds {layer.StoredSize}";
            }

            if (layer.DiffId is null || layer.DiffId != layer.ContentDigest)
            {
                yield return $"layer {layer.Digest} unpacks to {layer.ContentDigest}, but the config says {layer.DiffId ?? "nothing"}";
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? "") : [];
}

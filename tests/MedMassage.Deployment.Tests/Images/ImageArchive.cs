using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace MedMassage.Deployment.Tests.Images;

/// <summary>One layer as the image lists it, beside what the archive really holds for it.</summary>
/// <param name="Digest">The digest the manifest lists for the stored bytes.</param>
/// <param name="StoredDigest">SHA-256 of the bytes stored under that name; null when the archive lacks them.</param>
/// <param name="ContentDigest">SHA-256 of the layer's tar once decompressed (what the config's diff_id must be), or why it could not be read.</param>
public sealed record ImageLayer(
    string Digest, long? ListedSize, string? DiffId, string? StoredDigest, long? StoredSize, string? ContentDigest,
    IReadOnlySet<string> Paths);

/// <summary>
/// An image archive read as a registry or a node would: the OCI layout the .NET SDK writes, or a <c>docker save</c>
/// archive, either one optionally gzipped. Every stored file is hashed; layers are opened to list their paths.
/// </summary>
public sealed class ImageArchive
{
    // The base layer is the same blob in every image: opened once, not once per archive.
    private static readonly ConcurrentDictionary<string, (string ContentDigest, IReadOnlySet<string> Paths)> OpenedLayers = new();

    public required string Path { get; init; }
    public required long FileSize { get; init; }
    /// <summary>The image config's <c>config</c> object: User, Entrypoint, ExposedPorts, Labels, …</summary>
    public required JsonElement Config { get; init; }
    public required IReadOnlyList<ImageLayer> Layers { get; init; }

    public string? Label(string key) =>
        Config.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
        && labels.TryGetProperty(key, out var value) ? value.GetString() : null;

    public static ImageArchive Read(string path)
    {
        var stored = new Dictionary<string, (string Digest, long Size, byte[]? Bytes)>();
        Walk(path, (name, data, size) =>
        {
            using var hashing = new HashingStream(data);
            byte[]? bytes = null;
            if (size <= 1 << 20) { bytes = new byte[size]; hashing.ReadExactly(bytes); } // JSON documents
            hashing.CopyTo(Stream.Null);
            stored[name] = (hashing.Digest, size, bytes);
        });

        byte[] Document(string name) => stored.TryGetValue(name, out var file) && file.Bytes is not null
            ? file.Bytes : throw new InvalidDataException($"{path}: {name} is missing");
        static string BlobName(string digest) => "blobs/" + digest.Replace(':', '/');

        string configName;
        List<(string Name, string Digest, long? Size, bool Gzip)> listed;
        if (stored.ContainsKey("oci-layout"))
        {
            var manifest = JsonDocument.Parse(Document("index.json")).RootElement.GetProperty("manifests")[0];
            while (manifest.GetProperty("mediaType").GetString()!.Contains("index", StringComparison.Ordinal))
            {
                manifest = JsonDocument.Parse(Document(BlobName(manifest.GetProperty("digest").GetString()!))).RootElement.GetProperty("manifests")[0];
            }

            var image = JsonDocument.Parse(Document(BlobName(manifest.GetProperty("digest").GetString()!))).RootElement;
            configName = BlobName(image.GetProperty("config").GetProperty("digest").GetString()!);
            listed = [.. image.GetProperty("layers").EnumerateArray().Select(l => (
                BlobName(l.GetProperty("digest").GetString()!), l.GetProperty("digest").GetString()!,
                (long?)l.GetProperty("size").GetInt64(), l.GetProperty("mediaType").GetString()!.Contains("gzip", StringComparison.Ordinal)))];
        }
        else if (stored.ContainsKey("manifest.json"))
        {
            var image = JsonDocument.Parse(Document("manifest.json")).RootElement[0];
            configName = image.GetProperty("Config").GetString()!;
            listed = [.. image.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).Select(n =>
                (n, n.StartsWith("blobs/sha256/", StringComparison.Ordinal) ? "sha256:" + n[13..] : "", (long?)null, false))];
        }
        else
        {
            throw new InvalidDataException($"{path} is neither an OCI layout nor a docker save archive");
        }

        var config = JsonDocument.Parse(Document(configName)).RootElement;
        var diffIds = config.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()).ToList();

        var toOpen = listed.Where(l => stored.TryGetValue(l.Name, out var f) && !OpenedLayers.ContainsKey(f.Digest))
            .ToDictionary(l => l.Name, l => l.Gzip);
        if (toOpen.Count > 0)
        {
            Walk(path, (name, data, _) =>
            {
                if (!toOpen.TryGetValue(name, out var gzip))
                {
                    return;
                }

                try
                {
                    using var gunzip = gzip || IsGzip(name) ? new GZipStream(data, CompressionMode.Decompress, leaveOpen: true) : null;
                    using var content = new HashingStream(gunzip ?? data);
                    var paths = new HashSet<string>(StringComparer.Ordinal);
                    using (var layer = new TarReader(content, leaveOpen: true))
                    {
                        while (layer.GetNextEntry() is { } entry)
                        {
                            paths.Add(Normalize(entry.Name));
                        }
                    }

                    content.CopyTo(Stream.Null); // the end-of-archive blocks count towards the diff_id too
                    OpenedLayers[stored[name].Digest] = (content.Digest, paths);
                }
                catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
                {
                    OpenedLayers[stored[name].Digest] = ($"nothing readable ({e.Message})", new HashSet<string>());
                }
            });
        }

        var layers = listed.Select((l, i) =>
        {
            var has = stored.TryGetValue(l.Name, out var file);
            var opened = has && OpenedLayers.TryGetValue(file.Digest, out var o) ? o : default;
            var diffId = i < diffIds.Count ? diffIds[i] : null;
            // A docker save names a layer by its directory and stores it uncompressed: its digest is its diff_id.
            return new ImageLayer(l.Digest is "" ? diffId ?? "" : l.Digest, l.Size, diffId, has ? file.Digest : null,
                has ? file.Size : null, opened.ContentDigest, opened.Paths ?? new HashSet<string>());
        }).ToList();
        return new ImageArchive { Path = path, FileSize = new FileInfo(path).Length, Config = config.GetProperty("config"), Layers = layers };
    }

    /// <summary>Calls <paramref name="visit"/> with each regular file's name (no leading ./), data and size.</summary>
    private static void Walk(string path, Action<string, Stream, long> visit)
    {
        using var file = File.OpenRead(path);
        using var archive = IsGzip(file) ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new TarReader(archive);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
            {
                visit(Normalize(entry.Name), data, entry.Length);
            }
        }
    }

    /// <summary>"./app/x.dll", "/app/x.dll" and "app/x.dll" name one file; "app/" names the directory "app".</summary>
    private static string Normalize(string name)
    {
        while (name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        return name.Trim('/') is "." ? "" : name.Trim('/');
    }

    private static bool IsGzip(string name) => name.EndsWith(".gz", StringComparison.Ordinal);

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var gzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        return gzip;
    }
}

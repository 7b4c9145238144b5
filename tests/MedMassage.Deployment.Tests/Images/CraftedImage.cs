using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace MedMassage.Deployment.Tests.Images;

/// <summary>A tiny image archive written on the spot, right or wrong in one chosen way, for the rules to judge.</summary>
public sealed record CraftedImage
{
    public string User { get; init; } = "1654";
    public string[] Entrypoint { get; init; } = ["dotnet", "/app/Demo.dll"];
    public bool DockerSave { get; init; }
    public bool Gzipped { get; init; }
    /// <summary>Stores other bytes under the layer's name than the ones its digests were computed from.</summary>
    public bool TamperedLayer { get; init; }
    public bool LayerLeftOut { get; init; }

    public ImageArchive Read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crafted-{Guid.NewGuid():N}.tar");
        try
        {
            Write(path);
            return ImageArchive.Read(path);
        }
        finally { File.Delete(path); }
    }

    private void Write(string path)
    {
        var content = Tar(("app/Demo.dll", "MZ"u8.ToArray()), ("usr/bin/dotnet", "\x7fELF"u8.ToArray()));
        var layer = DockerSave ? content : Gzip(content);
        var stored = TamperedLayer ? (DockerSave ? Tar(("app/Other.dll", "MZ"u8.ToArray())) : Gzip(Tar(("app/Other.dll", "MZ"u8.ToArray())))) : layer;
        var config = Json(new
        {
            architecture = "amd64", os = "linux",
            config = new
            {
                User, Entrypoint, ExposedPorts = new Dictionary<string, object> { ["8080/tcp"] = new { } },
                Labels = ImageRules.RequiredLabels.ToDictionary(k => k, k => "crafted"),
            },
            rootfs = new { type = "layers", diff_ids = new[] { Digest(content) } },
        });

        var files = new List<(string, byte[])>();
        if (DockerSave)
        {
            files.Add(("manifest.json", Json(new[] { new { Config = "config.json", RepoTags = new[] { "crafted:1" }, Layers = new[] { "0a/layer.tar" } } })));
            files.Add(("config.json", config));
            if (!LayerLeftOut)
            {
                files.Add(("0a/layer.tar", stored));
            }
        }
        else
        {
            var manifest = Json(new
            {
                schemaVersion = 2, mediaType = "application/vnd.oci.image.manifest.v1+json",
                config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = Digest(config), size = config.Length },
                layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = Digest(layer), size = layer.Length } },
            });
            var index = Json(new { schemaVersion = 2, manifests = new[] { new { mediaType = "application/vnd.oci.image.manifest.v1+json", digest = Digest(manifest), size = manifest.Length } } });
            files.Add(("oci-layout", Json(new { imageLayoutVersion = "1.0.0" })));
            files.Add(("index.json", index));
            files.Add((Blob(manifest), manifest));
            files.Add((Blob(config), config));
            if (!LayerLeftOut)
            {
                files.Add((Blob(layer), stored));
            }
        }
        var archive = Tar([.. files]);
        File.WriteAllBytes(path, Gzipped ? Gzip(archive) : archive);
    }

    private static byte[] Tar(params (string Name, byte[] Data)[] files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value);
    private static string Digest(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));
    private static string Blob(byte[] data) => "blobs/sha256/" + Digest(data)[7..];
}

namespace MedMassage.Deployment.Tests.Images;

/// <summary>The seven archives scripts/images.sh publishes, read byte by byte, as a registry and a node would.</summary>
public class ImageTests
{
    private const long MB = 1_000_000;
    // Measured: the shared base layer is 73.4 MB. It is the ASP.NET Core runtime (Microsoft.NETCore.App 35.4 MB
    // and Microsoft.AspNetCore.App 12.3 MB gzipped), ICU with its culture data (14.4 MB, kept for the Spanish
    // staff app) and glibc, libstdc++ and OpenSSL (about 6 MB). 80 MB leaves room for runtime patches; more means
    // something no service needs got in (a shell, apt, documentation, the SDK).
    private const long BaseBudget = 80 * MB;
    // Measured: 6.0 (staff-app) to 14.1 MB (notification-api, MailKit and MimeKit). 20 MB still catches a
    // self-contained publish, which would bring its own runtime of about 47 MB.
    private const long AppLayerBudget = 20 * MB;

    [Fact]
    public void Every_deployable_has_an_image_archive()
    {
        var missing = PublishedImages.Assemblies.Keys.Where(n => !File.Exists(PublishedImages.PathOf(n))).ToList();
        Assert.True(missing.Count == 0,
            $"No image archive for {string.Join(", ", missing)} in {PublishedImages.Directory}. " +
            "Build them with scripts/images.sh (as root), or set MEDMASSAGE_IMAGES to where they are.");
    }

    [Theory, MemberData(nameof(PublishedImages.Names), MemberType = typeof(PublishedImages))]
    public void Every_image_runs_as_a_non_root_user(string image)
    {
        var archive = PublishedImages.Get(image);
        Complies(image, ImageRules.RunsAsNonRoot(archive));
        Assert.Equal("1654", archive.Config.GetProperty("User").GetString()); // "app" in the base's /etc/passwd
    }

    [Theory, MemberData(nameof(PublishedImages.Names), MemberType = typeof(PublishedImages))]
    public void Every_image_runs_its_own_service_assembly_on_the_shared_runtime(string image) =>
        Complies(image, ImageRules.RunsAssembly(PublishedImages.Get(image), PublishedImages.Assemblies[image]));

    [Theory, MemberData(nameof(PublishedImages.Names), MemberType = typeof(PublishedImages))]
    public void Every_image_exposes_only_port_8080(string image) =>
        Complies(image, ImageRules.ExposesOnlyTheServicePort(PublishedImages.Get(image)));

    [Theory, MemberData(nameof(PublishedImages.Names), MemberType = typeof(PublishedImages))]
    public void Every_image_is_labelled_with_its_source_version_and_title(string image)
    {
        var archive = PublishedImages.Get(image);
        Complies(image, ImageRules.HasLabels(archive));
        Assert.Equal($"medmassage/{image}", archive.Label("org.opencontainers.image.title"));
    }

    [Theory, MemberData(nameof(PublishedImages.Names), MemberType = typeof(PublishedImages))]
    public void Every_layer_an_image_lists_is_in_its_archive_and_matches_its_digest(string image) =>
        Complies(image, ImageRules.LayersAreIntact(PublishedImages.Get(image)));

    [Theory, MemberData(nameof(PublishedImages.Names), MemberType = typeof(PublishedImages))]
    public void Every_image_adds_no_more_than_its_service_to_the_base(string image)
    {
        var archive = PublishedImages.Get(image);
        var app = archive.Layers[^1];
        Assert.True(app.StoredSize <= AppLayerBudget, $"{image}'s own layer is {app.StoredSize / MB} MB (budget {AppLayerBudget / MB} MB)");
        Assert.All(app.Paths, p => Assert.StartsWith("app", p, StringComparison.Ordinal));
        Assert.True(archive.FileSize <= BaseBudget + AppLayerBudget + MB, $"{archive.Path} is {archive.FileSize / MB} MB");
    }

    [Fact]
    public void All_images_share_the_same_base_layers_so_a_node_pulls_the_base_once()
    {
        var images = PublishedImages.All();
        var bases = images.Select(i => string.Join(" ", i.Layers.SkipLast(1).Select(l => l.Digest))).Distinct().ToList();
        Assert.Single(bases);
        Assert.NotEqual("", bases[0]);
        Assert.Single(images.Select(i => i.Label("org.opencontainers.image.version")).Distinct());
        var baseSize = images[0].Layers.SkipLast(1).Sum(l => l.StoredSize ?? 0);
        Assert.True(baseSize <= BaseBudget, $"the base is {baseSize / MB} MB (budget {BaseBudget / MB} MB)");
    }

    [Fact]
    public void The_base_keeps_ICU_time_zones_and_CA_certificates_but_has_no_shell_or_package_manager()
    {
        var paths = PublishedImages.Get("staff-app").Layers.SkipLast(1).SelectMany(l => l.Paths).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("usr/lib/x86_64-linux-gnu/libicuuc.so.72", paths); // the staff app is localised (es)
        Assert.Contains("usr/share/zoneinfo/Europe/Madrid", paths);
        Assert.Contains("etc/ssl/certs/ca-certificates.crt", paths);
        Assert.Contains("home/app", paths);
        Assert.DoesNotContain(paths, p => p is "bin/sh" or "usr/bin/sh" or "bin/bash" or "usr/bin/apt" or "usr/bin/dpkg");
    }

    /// <summary>Fails with every problem spelled out in full (a collection assertion would cut them short).</summary>
    private static void Complies(string image, IEnumerable<string> problems)
    {
        var found = problems.ToList();
        Assert.True(found.Count == 0, $"{image}:\n  " + string.Join("\n  ", found));
    }
}

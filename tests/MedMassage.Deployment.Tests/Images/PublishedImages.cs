using System.Collections.Concurrent;
using MedMassage.Tests.Shared;

namespace MedMassage.Deployment.Tests.Images;

/// <summary>
/// The archives scripts/images.sh writes, one per deployable, read from <c>MEDMASSAGE_IMAGES</c> (default
/// &lt;repo&gt;/artifacts/images). A missing archive fails the test that asks for it; it is never skipped.
/// </summary>
public static class PublishedImages
{
    /// <summary>Image name → the assembly its entrypoint must run.</summary>
    public static readonly IReadOnlyDictionary<string, string> Assemblies = new Dictionary<string, string>
    {
        ["referral-api"] = "MedMassage.Referral.Api",
        ["scheduling-api"] = "MedMassage.Scheduling.Api",
        ["clinical-notes-api"] = "MedMassage.ClinicalNotes.Api",
        ["notification-api"] = "MedMassage.Notification.Api",
        ["identity-api"] = "MedMassage.Identity.Api",
        ["gateway"] = "MedMassage.Gateway",
        ["staff-app"] = "MedMassage.StaffApp",
    };

    public static TheoryData<string> Names => [.. Assemblies.Keys];

    private static readonly ConcurrentDictionary<string, Lazy<ImageArchive>> Read = new();

    public static string Directory =>
        Environment.GetEnvironmentVariable("MEDMASSAGE_IMAGES") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Repository.Root, "artifacts", "images");

    public static string PathOf(string name) => Path.Combine(Directory, name + ".tar");

    public static ImageArchive Get(string name) => Read.GetOrAdd(name, n => new Lazy<ImageArchive>(() =>
        File.Exists(PathOf(n))
            ? ImageArchive.Read(PathOf(n))
            : throw new FileNotFoundException(
                $"No image archive at {PathOf(n)}. Build the images first: scripts/images.sh (as root; it writes " +
                "artifacts/images), or point MEDMASSAGE_IMAGES at a directory that holds them.", PathOf(n)))).Value;

    public static IReadOnlyList<ImageArchive> All() => [.. Assemblies.Keys.Select(Get)];
}

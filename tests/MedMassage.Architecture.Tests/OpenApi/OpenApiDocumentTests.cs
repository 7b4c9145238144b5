namespace MedMassage.Architecture.Tests.OpenApi;

/// <summary>
/// Every service's OpenAPI document passes Redocly's recommended rules without an error: it is what a hospital's
/// integrator builds on alone (docs/api.md). The documents are left in artifacts/openapi/ to read.
/// </summary>
public sealed class OpenApiDocumentTests
{
    public static TheoryData<string> EachService => ["MedMassage.Referral.Api", "MedMassage.Scheduling.Api", "MedMassage.ClinicalNotes.Api", "MedMassage.Notification.Api", "MedMassage.Identity.Api"];

    [Theory]
    [MemberData(nameof(EachService))]
    public async Task The_document_passes_the_lint(string service)
    {
        var document = await ServiceDocuments.GetAsync(service);
        var directory = Path.Combine(Redocly.RepositoryRoot, "artifacts", "openapi");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{service}.json");
        await File.WriteAllTextAsync(path, document);

        var lint = await Redocly.LintAsync(path);

        Assert.True(lint.ExitCode == 0, $"Redocly found errors in {service}'s OpenAPI document:\n{lint.Output}");
    }
}

namespace MedMassage.ClinicalNotes.Api.Application;

/// <summary>Where a physician (through the gateway) reads an issued document.</summary>
public sealed class DocumentLinks(IConfiguration configuration)
{
    public string For(Guid documentId) =>
        $"{(configuration["ClinicalNotes:PublicBaseUrl"] ?? "").TrimEnd('/')}/api/clinical-notes/documents/{documentId}";
}

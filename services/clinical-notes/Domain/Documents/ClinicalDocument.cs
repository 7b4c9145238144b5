namespace MedMassage.ClinicalNotes.Api.Domain.Documents;

public enum DocumentKind
{
    ProgressReport,
    DischargeSummary,
}

/// <summary>A report issued to the referring physician; its HTML is fixed at issue time and never changes.</summary>
public sealed class ClinicalDocument
{
    private ClinicalDocument() { }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Html { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public string IssuedBy { get; private set; } = "";

    public static ClinicalDocument Issue(Guid id, Guid referralId, DocumentKind kind, string title, string html, string issuedBy, DateTimeOffset now) =>
        new() { Id = id, ReferralId = referralId, Kind = kind, Title = title, Html = html, IssuedAt = now, IssuedBy = issuedBy };
}

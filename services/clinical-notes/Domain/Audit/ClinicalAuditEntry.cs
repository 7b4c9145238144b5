using MedMassage.ServiceDefaults.Audit;

namespace MedMassage.ClinicalNotes.Api.Domain.Audit;

public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Sign = "sign";
    public const string Addendum = "addendum";
    public const string Activate = "activate";
    public const string Certify = "certify";
    public const string Revise = "revise";
    public const string Issue = "issue";
}

/// <summary>One access to a clinical record: which record, of which referral, and why when done on another's behalf.</summary>
public sealed class ClinicalAuditEntry : AccessAuditEntry
{
    private ClinicalAuditEntry()
    {
    }

    private ClinicalAuditEntry(DateTimeOffset at, AuditActor actor, string recordType, Guid recordId, Guid? referralId, string action, string? reason)
        : base(at, actor, action) => (RecordType, RecordId, ReferralId, Reason) = (recordType, recordId, referralId, reason);

    public string RecordType { get; private set; } = "";
    public Guid RecordId { get; private set; }
    public Guid? ReferralId { get; private set; }

    /// <summary>Why a clinic admin acted for the treating therapist; null for everyone acting on their own behalf.</summary>
    public string? Reason { get; private set; }

    public static ClinicalAuditEntry Of(DateTimeOffset at, AuditActor actor, string recordType, Guid recordId, Guid? referralId, string action,
        string? reason = null) => new(at, actor, recordType, recordId, referralId, action, reason);
}

using MedMassage.ServiceDefaults.Audit;

namespace MedMassage.Referral.Api.Domain.Audit;

/// <summary>One access to a referral: which referral (and its location, so clinic admins can review their own).</summary>
public sealed class ReferralAuditEntry : AccessAuditEntry
{
    private ReferralAuditEntry()
    {
    }

    private ReferralAuditEntry(DateTimeOffset at, AuditActor actor, Guid referralId, Guid? locationId, string action) : base(at, actor, action) =>
        (ReferralId, LocationId) = (referralId, locationId);

    public Guid ReferralId { get; private set; }
    public Guid? LocationId { get; private set; }

    /// <param name="action">See <see cref="ReferralAuditActions"/>.</param>
    public static ReferralAuditEntry Of(DateTimeOffset at, AuditActor actor, Guid referralId, Guid? locationId, string action) =>
        new(at, actor, referralId, locationId, action);
}

/// <summary>What an audit entry records: a read of the whole referral, its row in an inbox list, or a change.</summary>
public static class ReferralAuditActions
{
    /// <summary>The referral opened: patient contact, insurance, history.</summary>
    public const string Read = "read";

    /// <summary>Shown as a row of an inbox list: patient name, physician, diagnoses.</summary>
    public const string Listed = "listed";

    public const string Submit = "submit";

    /// <summary>A retried submission answered with the stored referral.</summary>
    public const string SubmitReplayed = "submit-replayed";

    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string Hold = "hold";
    public const string Resume = "resume";
    public const string Cancel = "cancel";
    public const string RecordClearance = "record-clearance";
}

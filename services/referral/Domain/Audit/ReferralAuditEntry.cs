namespace MedMassage.Referral.Api.Domain.Audit;

/// <summary>
/// One access to a referral through the API: who (user, role, client application and address), when, which
/// referral (and its location, so clinic admins can review their own), and what was done. Rows are only ever
/// inserted; the database refuses changes and deletions.
/// </summary>
public sealed class ReferralAuditEntry
{
    private ReferralAuditEntry()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string? Role { get; private set; }
    public string? ClientId { get; private set; }
    public string? ClientAddress { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid? LocationId { get; private set; }

    /// <summary>See <see cref="ReferralAuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    public static ReferralAuditEntry Of(DateTimeOffset at, string userId, string userName, string? role, string? clientId,
        string? clientAddress, Guid referralId, Guid? locationId, string action) => new()
    {
        At = at,
        UserId = userId,
        UserName = userName,
        Role = role,
        ClientId = clientId,
        ClientAddress = clientAddress,
        ReferralId = referralId,
        LocationId = locationId,
        Action = action,
    };
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

namespace MedMassage.ServiceDefaults.PhysicianLinks;

/// <summary>
/// What a link in a physician's e-mail allows: one purpose, on one record of one referral, for the physician it was
/// sent to, until it expires. The link itself is the credential, so it says no more than that.
/// </summary>
public sealed record PhysicianLink(
    Guid Id,
    string Purpose,
    Guid ReferralId,
    Guid Subject,
    int Version,
    string PhysicianNpi,
    string PhysicianName,
    DateTimeOffset ExpiresAt);

/// <summary>The things a physician can do from an e-mail, each with its own link and path behind the gateway.</summary>
public static class PhysicianLinkPurposes
{
    /// <summary>Read an issued document (progress report, discharge summary).</summary>
    public const string ReadDocument = "read-document";

    /// <summary>Read the evaluation summary.</summary>
    public const string ReadEvaluation = "read-evaluation";

    /// <summary>Read a treatment plan version and certify it.</summary>
    public const string CertifyPlan = "certify-plan";

    /// <summary>See what awaits the physician's clearance on a referral and give it.</summary>
    public const string GrantClearance = "grant-clearance";

    public static string PathOf(string purpose) => purpose switch
    {
        ReadDocument => "/api/clinical-notes/links/documents",
        ReadEvaluation => "/api/clinical-notes/links/evaluations",
        CertifyPlan => "/api/clinical-notes/links/plans",
        GrantClearance => "/api/referrals/links/clearances",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "No such physician link."),
    };
}

namespace MedMassage.Scheduling.Api.Domain.Referrals;

/// <summary>
/// The referral's plan of care as clinical notes reports it: its current version, and how long the physician's
/// certification lets treatment go on. Plan events travel on separate queues, so each is applied only when it is
/// about the current version or a newer one.
/// </summary>
public sealed partial class BookingReferral
{
    /// <summary>The date by which the current plan version must be certified (from its activation or revision); null when not told.</summary>
    public DateOnly? PlanCertificationDueBy { get; private set; }

    /// <summary>The newest certification heard of: which plan and version it certified, when it was recorded, and until when it holds.</summary>
    public Guid? PlanCertifiedPlanId { get; private set; }
    public int? PlanCertifiedVersion { get; private set; }
    public DateTimeOffset? PlanCertificationRecordedAt { get; private set; }
    public DateOnly? PlanRecertificationDueBy { get; private set; }

    /// <summary>Whether the current plan version has been certified by the physician.</summary>
    public bool PlanCertified => PlanId is not null && PlanCertifiedPlanId == PlanId && PlanCertifiedVersion == PlanVersion;

    /// <summary>
    /// The last date treatment may take place under the current plan: its recertification date once certified,
    /// otherwise the date it had to be certified by (clinical notes' rule, TreatmentPlan.WhyNotUsableOn). Null
    /// when no date is known (no plan, or a plan reported before scheduling kept these dates): nothing to enforce.
    /// </summary>
    public DateOnly? PlanCertifiedThrough => PlanCertified ? PlanRecertificationDueBy : PlanCertificationDueBy;

    /// <summary>Applies a plan version; an older version arriving late never replaces a newer one.</summary>
    public void ApplyPlan(Guid planId, int version, IEnumerable<string> techniques, int sessionsPerWeek, int weeks, DateOnly? certificationDueBy)
    {
        if (PlanId == planId && version < PlanVersion)
        {
            return;
        }
        PlanId = planId;
        PlanVersion = version;
        PlanTechniques = [.. techniques];
        PlanSessionsPerWeek = sessionsPerWeek;
        PlanWeeks = weeks;
        PlanCertificationDueBy = certificationDueBy;
    }

    /// <summary>
    /// Records the physician's (re)certification of a plan version. A certification of an older version than one
    /// already heard of is ignored; of the same version, the later recorded one counts, as in clinical notes. One
    /// for a version not yet applied here is kept and counts once that version arrives.
    /// </summary>
    public void RecordPlanCertification(Guid planId, int version, DateTimeOffset recordedAt, DateOnly recertificationDueBy)
    {
        if (PlanCertifiedPlanId == planId
            && (version < PlanCertifiedVersion || version == PlanCertifiedVersion && recordedAt < PlanCertificationRecordedAt))
        {
            return;
        }
        // Another plan's certification never displaces the current plan's own.
        if (PlanCertifiedPlanId != planId && PlanCertifiedPlanId is not null && PlanCertifiedPlanId == PlanId)
        {
            return;
        }
        (PlanCertifiedPlanId, PlanCertifiedVersion, PlanCertificationRecordedAt, PlanRecertificationDueBy) = (planId, version, recordedAt, recertificationDueBy);
    }

    /// <summary>Why the plan does not cover treatment on <paramref name="day"/>, in clinical notes' words, or null when it does.</summary>
    public string? PlanLapsedOn(DateOnly day) => PlanCertifiedThrough is { } through && day > through
        ? PlanCertified
            ? $"The plan's recertification was due by {through:yyyy-MM-dd}; treatment can be booked up to that day until the physician recertifies it."
            : $"The plan was not certified by the physician by {through:yyyy-MM-dd}; treatment can be booked up to that day until it is."
        : null;
}

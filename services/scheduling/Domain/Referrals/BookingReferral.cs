using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Scheduling.Api.Domain.Referrals;

/// <summary>
/// What scheduling knows of a referral: the referral service's latest state (applied only when newer, so it ends equal
/// to the owner whatever order events arrive in) and the clinical plan's terms, enough to decide what may be booked
/// without asking anyone.
/// </summary>
public sealed partial class BookingReferral : ReferralCopy
{
    private BookingReferral() { }

    public PatientContact Patient { get; private set; } = null!;

    /// <summary>The reference people quote (R-XXX-XXX), when the owner has given one.</summary>
    public string? Reference { get; private set; }

    /// <summary>The owner's status name ("accepted", "in-treatment", "on-hold", ...).</summary>
    public string Status { get; private set; } = "";
    public string? StatusReason { get; private set; }

    public List<string> Techniques { get; private set; } = [];
    public List<ClearanceNeeded> AwaitingClearance { get; private set; } = [];
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public int VisitsAuthorized { get; private set; }
    public int VisitsUsed { get; private set; }
    public int VisitsRemaining { get; private set; }
    public bool EvaluationCompleted { get; private set; }
    public Guid? PlanId { get; private set; }
    public int PlanVersion { get; private set; }
    public List<string> PlanTechniques { get; private set; } = [];
    public int PlanSessionsPerWeek { get; private set; }
    public int PlanWeeks { get; private set; }

    public bool HasActivePlan => PlanId is not null;

    public bool AllowsCare => ReferralStatuses.AllowsCare(Status);

    public bool IsOpen => ReferralStatuses.IsOpen(Status);

    public IReadOnlyList<string> TechniquesAwaitingClearance =>
        [.. AwaitingClearance.Where(a => a.Kind == ClearanceNeeded.Technique).Select(a => a.Subject)];

    /// <summary>What the care covers: the active plan's techniques, otherwise what the physician asked for.</summary>
    public IReadOnlyList<string> TechniquesForCare => HasActivePlan && PlanTechniques.Count > 0 ? PlanTechniques : Techniques;

    public static BookingReferral From(ReferralState state)
    {
        var referral = new BookingReferral { Id = state.ReferralId };
        referral.Apply(state);
        return referral;
    }

    protected override void Take(ReferralState state)
    {
        Patient = state.Patient;
        Reference = state.Reference;
        Status = state.Status;
        StatusReason = state.StatusReason;
        Techniques = [.. state.Techniques];
        AwaitingClearance = [.. state.AwaitingClearance];
        ValidFrom = state.ValidFrom;
        ValidUntil = state.ValidUntil;
        (VisitsAuthorized, VisitsUsed, VisitsRemaining) = (state.Visits.Authorized, state.Visits.Used, state.Visits.Remaining);
        EvaluationCompleted = state.EvaluationCompleted;
    }

    /// <summary>A visit is attended (checked in) only while the referral allows care; completed while it is open.</summary>
    public Refusal? RefusalToAttend(bool completing) =>
        (completing ? IsOpen : AllowsCare)
            ? null
            : new Refusal("referral-status", $"The referral is {Status}{(StatusReason is null ? "" : $": {StatusReason}")}.");
}

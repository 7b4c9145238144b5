using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;

namespace MedMassage.Referral.Api.Domain;

// What the referral tells other services about itself: its reference, its revision, and what awaits clearance.
public sealed partial class Referral
{
    private bool _changed;

    /// <summary>Unique and short enough to read out on the phone ("R-4KQ-7MZ").</summary>
    public string Reference { get; private set; } = "";

    /// <summary>Grows by one with every change; copies of the referral elsewhere apply only a newer revision.</summary>
    public long Revision { get; private set; }

    public DateTimeOffset? LastResumedAt { get; private set; }

    /// <summary>Evaluation findings the therapist said need the physician's clearance before that work is done.</summary>
    public List<RequestedClearance> RequestedClearances { get; private set; } = [];

    /// <summary>Techniques requested that must not be given until the physician's clearance is on file.</summary>
    public IReadOnlyList<string> TechniquesAwaitingClearance =>
        [.. Techniques.Where(NeedsClearance).Where(t => !IsCleared(t))];

    /// <summary>Everything the physician has yet to clear: held-back techniques, then evaluation findings.</summary>
    public IReadOnlyList<ClearanceNeeded> AwaitingClearance =>
    [
        .. TechniquesAwaitingClearance.Select(t => new ClearanceNeeded(t, ClearanceNeeded.Technique, null)),
        .. RequestedClearances.Where(f => !IsCleared(f.Finding)).Select(f => new ClearanceNeeded(f.Finding, ClearanceNeeded.Finding, f.BodyRegion)),
    ];

    public ReferralState ToState() => new(
        Id, Revision, Reference, Status.ToName(), StatusReason, LocationId, Patient.ToContact(), Physician.ToContact(),
        DiagnosisCodes, Techniques, BodyRegions, AwaitingClearance, [.. Clearances.Select(c => c.Subject)],
        ValidFrom, ValidUntil, Visits, EvaluationId is not null, LastResumedAt, SubmitterClientId);

    // A precaution needing clearance (cancer, anticoagulants...) holds back every technique, not just one.
    private bool NeedsClearance(string technique) =>
        MassageTechniques.AlwaysNeedsClearance(technique)
        || Precautions.Any(p => p.Effect == ContraindicationEffect.NeedsPhysicianClearance);

    private bool IsCleared(string subject) => Clearances.Any(c => string.Equals(c.Subject, subject, StringComparison.OrdinalIgnoreCase));

    /// <summary>Findings the evaluation asks clearance for, each once; one already cleared is not asked again.</summary>
    private void RequestClearances(Guid evaluationId, IEnumerable<ContraindicationFinding> findings, DateTimeOffset now)
    {
        foreach (var finding in findings.Where(f => f.Effect == ContraindicationEffect.NeedsPhysicianClearance))
        {
            var name = finding.Name.Trim();
            if (!IsCleared(name) && !RequestedClearances.Any(r => string.Equals(r.Finding, name, StringComparison.OrdinalIgnoreCase)))
            {
                RequestedClearances = [.. RequestedClearances, new RequestedClearance(name, finding.BodyRegion?.Trim(), evaluationId, now)];
            }
        }
    }

    private static bool IsNamed(ClearanceNeeded awaiting, string subject) =>
        awaiting.Kind == ClearanceNeeded.Technique
            ? awaiting.Subject == MassageTechniques.Normalize(subject)
            : string.Equals(awaiting.Subject, subject.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>An evaluation finding that needs the physician's clearance, and which evaluation asked for it.</summary>
public sealed record RequestedClearance(string Finding, string? BodyRegion, Guid EvaluationId, DateTimeOffset RequestedAt);

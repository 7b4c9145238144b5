using MedMassage.Contracts;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain;

namespace MedMassage.Referral.Api.Apis;

internal static class ReferralMapping
{
    /// <summary>The referral as staff read it; its possible duplicate is named only when it is in <paramref name="readableDuplicates"/>.</summary>
    public static ReferralDetails ToDetails(this Domain.Referral r, IReadOnlySet<Guid> readableDuplicates) => new(
        r.Id,
        r.Reference,
        r.Status.ToName(),
        r.StatusReason,
        r.Priority,
        r.LocationId,
        r.ReceivedAt,
        r.PossibleDuplicateOf is { } duplicate && readableDuplicates.Contains(duplicate) ? duplicate : null,
        r.Patient,
        r.Physician,
        [.. r.DiagnosisCodes.Select(c => new DiagnosisView(c, Icd10.Describe(c)))],
        r.Techniques,
        r.BodyRegions,
        r.TechniquesAwaitingClearance,
        r.AwaitingClearance,
        r.SessionsPerWeek,
        r.Weeks,
        r.Visits,
        r.ValidFrom,
        r.ValidUntil,
        [.. r.Precautions.Select(p => new PrecautionView(p.Name, EffectName(p.Effect), p.BodyRegion))],
        r.Clearances,
        r.Insurance,
        r.Notes,
        new EvaluationView(r.EvaluationId is null ? "pending" : "completed", r.EvaluationId, r.EvaluatedAt),
        new PlanView(r.PlanStatus ?? "none", r.PlanId, r.PlanVersion, r.PlanCertificationDueBy),
        [.. r.History.OrderBy(h => h.Id).Select(h => new HistoryView(h.At, h.ActorId, h.ActorName, h.Action, h.Detail))]);

    public static ReferralSummary ToSummary(this Domain.Referral r, IReadOnlySet<Guid> readableDuplicates) => new(
        r.Id, r.Reference, r.Status.ToName(), r.Priority, r.LocationId, r.ReceivedAt, r.Patient.FullName, r.Physician.Name, r.PhysicianNpi,
        r.DiagnosisCodes, r.Visits, r.ValidUntil, r.PossibleDuplicateOf is { } duplicate && readableDuplicates.Contains(duplicate));

    private static string EffectName(ContraindicationEffect effect) => effect switch
    {
        ContraindicationEffect.BlocksAllTreatment => "blocks-all-treatment",
        ContraindicationEffect.ExcludesLocalArea => "excludes-local-area",
        ContraindicationEffect.NeedsPhysicianClearance => "needs-physician-clearance",
        _ => effect.ToString(),
    };
}

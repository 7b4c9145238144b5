using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.Contracts;

namespace MedMassage.ClinicalNotes.Api.Domain.Notes;

/// <summary>
/// The one place that decides whether treatment may be documented: a signed evaluation, an active and certified plan,
/// no uncleared blocking finding, and only prescribed, cleared techniques on permitted regions.
/// </summary>
public static class TreatmentGate
{
    public static void EnsureAllowed(CareReferral referral, IReadOnlyList<Evaluation> signedEvaluations, TreatmentPlan? activePlan,
        IReadOnlyList<AppliedTechnique> techniques, DateOnly day)
    {
        var reasons = new List<string>();
        if (!referral.IsOpenForCare)
        {
            reasons.Add(referral.DischargedAt is not null ? "The patient is discharged from this referral." : $"The referral is {referral.Status}.");
        }
        if (referral.TreatmentBlockedAt is not null)
        {
            reasons.Add("A contraindication blocks all treatment until the physician clears it.");
        }
        if (!signedEvaluations.Any(e => e.Kind == EvaluationKind.Initial))
        {
            reasons.Add("There is no signed initial evaluation.");
        }
        if (activePlan is null)
        {
            reasons.Add("There is no active treatment plan.");
        }
        else if (activePlan.WhyNotUsableOn(day) is { } planProblem)
        {
            reasons.Add(planProblem);
        }
        if (referral.ValidUntil < day)
        {
            reasons.Add($"The referral expired on {referral.ValidUntil:yyyy-MM-dd}.");
        }

        var findings = signedEvaluations.SelectMany(e => e.Content.Findings).ToList();
        foreach (var t in techniques)
        {
            if (!referral.Techniques.ContainsText(t.Technique))
            {
                reasons.Add($"'{t.Technique}' is not prescribed by the referral.");
            }
            else if (activePlan is not null && !activePlan.Terms.Techniques.ContainsText(t.Technique))
            {
                reasons.Add($"'{t.Technique}' is not in the treatment plan.");
            }
            if (referral.TechniquesAwaitingClearance.ContainsText(t.Technique))
            {
                reasons.Add($"'{t.Technique}' awaits the physician's clearance.");
            }
            foreach (var region in t.BodyRegions)
            {
                if (activePlan is not null && !activePlan.Terms.BodyRegions.ContainsText(region))
                {
                    reasons.Add($"'{region}' is not a body region of the treatment plan.");
                }
                if (findings.Any(f => f.Effect == ContraindicationEffect.ExcludesLocalArea && f.BodyRegion is { } r && r.SameAs(region)))
                {
                    reasons.Add($"'{region}' is excluded by a local contraindication.");
                }
                if (findings.Any(f => f.Effect == ContraindicationEffect.NeedsPhysicianClearance && f.BodyRegion is { } r && r.SameAs(region)
                    && referral.PendingClearances.ContainsText(f.Name)))
                {
                    reasons.Add($"'{region}' awaits the physician's clearance.");
                }
            }
        }
        // A finding needing clearance without a region concerns the whole treatment.
        foreach (var f in findings.Where(f => f.Effect == ContraindicationEffect.NeedsPhysicianClearance && string.IsNullOrWhiteSpace(f.BodyRegion)
            && referral.PendingClearances.ContainsText(f.Name)))
        {
            reasons.Add($"'{f.Name}' awaits the physician's clearance.");
        }

        if (reasons.Count > 0)
        {
            throw new RuleViolation("treatment-blocked", string.Join(" ", reasons.Distinct(StringComparer.Ordinal)));
        }
    }
}

using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;

namespace MedMassage.ClinicalNotes.Api.Domain.Plans;

/// <summary>What a plan of care prescribes; always inside the referral's prescription.</summary>
public sealed record PlanTerms(
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> BodyRegions,
    int SessionsPerWeek,
    int Weeks,
    int VisitCount,
    IReadOnlyList<Goal> Goals)
{
    public static PlanTerms Create(CareReferral referral, IReadOnlyList<string>? techniques, IReadOnlyList<string>? bodyRegions,
        int? sessionsPerWeek, int? weeks, int? visitCount, IReadOnlyList<Goal>? goals)
    {
        var t = Text.Clean(techniques);
        var r = Text.Clean(bodyRegions);
        var errors = new FieldErrors()
            .When(t.Count == 0, "techniques", "At least one technique is required.")
            .When(r.Count == 0, "bodyRegions", "At least one body region is required.")
            .When(sessionsPerWeek is null or < 1 or > 7, "sessionsPerWeek", "Sessions per week range from 1 to 7.")
            .When(weeks is null or < 1 or > 52, "weeks", "Weeks range from 1 to 52.")
            .When(visitCount is null or < 1, "visitCount", "The visit count is at least 1.")
            .When(goals is null || goals.Count == 0, "goals", "At least one goal with a target is required.");
        if (sessionsPerWeek is >= 1 and <= 7 && weeks is >= 1 and <= 52 && visitCount > sessionsPerWeek * weeks)
        {
            errors.Add("visitCount", $"{visitCount} visits do not fit {sessionsPerWeek} per week for {weeks} weeks.");
        }
        if (visitCount > referral.AuthorizedVisits)
        {
            errors.Add("visitCount", $"The referral authorizes {referral.AuthorizedVisits} visits.");
        }
        foreach (var technique in t.Where(x => !referral.Techniques.ContainsText(x)))
        {
            errors.Add("techniques", $"'{technique}' is not prescribed by the referral.");
        }
        foreach (var region in r.Where(x => !referral.BodyRegions.ContainsText(x)))
        {
            errors.Add("bodyRegions", $"'{region}' is not a body region of the referral.");
        }
        var goalList = goals ?? [];
        for (var i = 0; i < goalList.Count; i++)
        {
            if (goalList[i] is null)
            {
                errors.Add($"goals[{i}]", "A goal is required.");
                continue;
            }
            errors.When(string.IsNullOrWhiteSpace(goalList[i].Description), $"goals[{i}].description", "The goal is described.")
                .When(!OutcomeMetric.TryParse(goalList[i].Metric, out _), $"goals[{i}].metric",
                    "A goal measures 'pain', an outcome measure or 'rom:{joint}:{motion}'.");
        }
        errors.ThrowIfAny();
        return new PlanTerms(t, r, sessionsPerWeek!.Value, weeks!.Value, visitCount!.Value,
            [.. goalList.Select(g => g with { Metric = OutcomeMetric.TryParse(g.Metric, out var m) ? m.Key : g.Metric })]);
    }
}

using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.ServiceDefaults;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults.Identity;

namespace MedMassage.ClinicalNotes.Api.Apis;

public sealed record UnitsPreviewRequest(IReadOnlyList<TimedService>? Services);

public sealed record TimedService([OneOf(typeof(CptCodes), nameof(CptCodes.Timed))] string? CptCode, int? Minutes);

public sealed record UnitsPreview(int TotalMinutes, int TotalUnits, IReadOnlyList<BillableUnits> Units);

public sealed record ScorePreviewRequest(OutcomeMeasure? Measure, IReadOnlyList<int?>? Answers);

public sealed record ScorePreview(OutcomeMeasure Measure, decimal Score, bool HigherIsBetter);

/// <summary>
/// What a form shows while it is filled in, decided by the same rules that decide it when the note or evaluation is
/// saved: billable units by the 8-minute rule, an outcome measure's score. Nothing is stored.
/// </summary>
public static class PreviewsApi
{
    public static RouteGroupBuilder MapPreviews(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/previews").WithTag("Previews", "What a note or an evaluation would compute, before it is written: billable units, outcome scores. Nothing is stored.").RequireAuthorization(Policies.Clinician);
        group.MapPost("/units", PreviewUnits).WithName("PreviewBillableUnits").WithRequestExample(ClinicalExamples.Units)
            .WithSummary("Billable units for timed minutes")
            .WithDescription("The 15-minute units the given CPT codes and minutes earn by the 8-minute rule, as a visit note would bill them. Therapists and clinic admins; nothing is stored.");
        group.MapPost("/outcome-score", PreviewScore).WithName("PreviewOutcomeScore").WithRequestExample(ClinicalExamples.Score)
            .WithSummary("Score of an outcome measure")
            .WithDescription("The score of a questionnaire's answers (null = not answered), as an evaluation would record it; 400 while the answers cannot be scored yet. Therapists and clinic admins; nothing is stored.");
        return api;
    }

    public static Results<Ok<UnitsPreview>, ValidationProblem> PreviewUnits(UnitsPreviewRequest request)
    {
        var services = request.Services ?? [];
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].CptCode is not { Length: > 0 and <= 10 })
            {
                errors[$"services[{i}].cptCode"] = ["A CPT code is required."];
            }

            if (services[i].Minutes is not (>= 0 and <= 480))
            {
                errors[$"services[{i}].minutes"] = ["Minutes must be between 0 and 480."];
            }
        }
        if (services.Count > 20)
        {
            errors["services"] = ["At most 20 services."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var timed = services.Select(s => (s.CptCode!, s.Minutes!.Value)).ToList();
        var total = timed.Sum(s => s.Item2);
        return TypedResults.Ok(new UnitsPreview(total, EightMinuteRule.TotalUnits(total), EightMinuteRule.Units(timed)));
    }

    public static Results<Ok<ScorePreview>, ValidationProblem> PreviewScore(ScorePreviewRequest request)
    {
        if (request.Measure is not { } measure || !Enum.IsDefined(measure))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["measure"] = [$"Must be one of: {string.Join(", ", ApiJson.WireNames<OutcomeMeasure>())}."],
            });
        }
        // An unscorable set of answers is refused by the scoring itself (FieldErrors), answered as 400 by the API's filter.
        var score = OutcomeScoring.Score(measure, request.Answers ?? []);
        return TypedResults.Ok(new ScorePreview(measure, score, OutcomeMeasureDefinition.For(measure).HigherIsBetter));
    }
}

using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

/// <summary>Outcomes for clinicians, always over the referrals of their own locations only.</summary>
public static class OutcomesApi
{
    public static RouteGroupBuilder MapOutcomes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTag("Outcomes", "How patients fare: pain and outcome-measure trends of a referral, and aggregates per therapist and location.");
        group.MapGet("/referrals/{referralId:guid}/outcomes", GetReferralOutcomes).WithName("GetReferralOutcomes").RequireAuthorization(Policies.Clinician)
            .WithSummary("A referral's outcomes")
            .WithDescription("Baseline and latest value of each measure for one referral, with whether its goals are reached. Therapists and clinic admins of the referral's location.");
        // Managers see the figures, never a patient's chart.
        var figures = group.MapGroup("/outcomes").RequireAuthorization(Policies.OutcomeReaders);
        figures.MapGet("/therapists/{therapistId:guid}", GetTherapistOutcomes).WithName("GetTherapistOutcomes")
            .WithSummary("Outcomes of a therapist's patients")
            .WithDescription("Aggregated outcomes of the referrals a therapist evaluated, at the caller's locations. Therapists, clinic admins and managers.");
        figures.MapGet("/locations", GetChainOutcomes).WithName("ListLocationOutcomes")
            .WithSummary("Outcomes per location")
            .WithDescription("Aggregated outcomes of each of the caller's locations. Therapists, clinic admins and managers.");
        figures.MapGet("/locations/{locationId:guid}", GetLocationOutcomes).WithName("GetLocationOutcomes")
            .WithSummary("Outcomes of a location")
            .WithDescription("Aggregated outcomes of one of the caller's locations. Therapists, clinic admins and managers.");
        return api;
    }

    /// <summary>Baseline and latest value of each measure for one referral, with its goals.</summary>
    public static async Task<Results<Ok<ReferralOutcomesResponse>, NotFound<ProblemDetails>>> GetReferralOutcomes(
        Guid referralId, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var referral = await s.Scope.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return ClinicalProblems.NotFound("No referral with this id is known.");
        }
        var care = await s.Records.SignedCourseAsync(referral, ct);
        await s.Audit.RecordReadAsync(RecordTypes.Outcomes, referralId, referralId, ct);
        var trends = care.Trends;
        return TypedResults.Ok(new ReferralOutcomesResponse(referralId, care.Notes.Count, OutcomeTrend.AllGoalsReached(trends), trends));
    }

    /// <summary>Outcomes of the referrals a therapist evaluated, at the caller's locations.</summary>
    public static async Task<Ok<OutcomeAggregateResponse>> GetTherapistOutcomes(Guid therapistId, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var referralIds = await s.Scope.Evaluations
            .Where(e => e.TherapistId == therapistId && e.Kind == EvaluationKind.Initial && e.SignedAt != null)
            .Select(e => e.ReferralId).ToListAsync(ct);
        return TypedResults.Ok(Response("therapist", therapistId, await OutcomesOfAsync(referralIds, s, ct)));
    }

    /// <summary>The chain's view: one aggregate per location of the caller, none of the others.</summary>
    public static async Task<Ok<List<OutcomeAggregateResponse>>> GetChainOutcomes([AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var perLocation = new List<OutcomeAggregateResponse>();
        foreach (var locationId in s.Scope.Locations)
        {
            perLocation.Add(await LocationOutcomesAsync(locationId, s, ct));
        }
        return TypedResults.Ok(perLocation);
    }

    /// <summary>Outcomes of the referrals evaluated at a location; another location is not known to the caller.</summary>
    public static async Task<Results<Ok<OutcomeAggregateResponse>, NotFound<ProblemDetails>>> GetLocationOutcomes(
        Guid locationId, [AsParameters] ClinicalServices s, CancellationToken ct) =>
        s.Scope.Covers(locationId)
            ? TypedResults.Ok(await LocationOutcomesAsync(locationId, s, ct))
            : ClinicalProblems.NotFound("No location with this id is known.");

    private static async Task<OutcomeAggregateResponse> LocationOutcomesAsync(Guid locationId, ClinicalServices s, CancellationToken ct)
    {
        var referralIds = await (
            from e in s.Scope.Evaluations
            join a in s.Db.Appointments on e.AppointmentId equals a.Id
            where a.LocationId == locationId && e.Kind == EvaluationKind.Initial && e.SignedAt != null
            select e.ReferralId).ToListAsync(ct);
        return Response("location", locationId, await OutcomesOfAsync(referralIds, s, ct));
    }

    private static async Task<List<CareOutcome>> OutcomesOfAsync(List<Guid> referralIds, ClinicalServices s, CancellationToken ct)
    {
        var outcomes = new List<CareOutcome>();
        var referrals = await s.Scope.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id)).ToListAsync(ct);
        await foreach (var care in s.Records.SignedCoursesAsync(referrals, ct))
        {
            outcomes.Add(new CareOutcome(care.Trends, care.Notes.Count));
        }
        return outcomes;
    }

    private static OutcomeAggregateResponse Response(string scope, Guid id, List<CareOutcome> outcomes)
    {
        var a = OutcomeAggregate.Of(outcomes);
        return new OutcomeAggregateResponse(scope, id, a.Referrals, a.ReferralsWithGoals, a.ShareReachingGoals, a.MeanPainChange, a.MeanVisitsUsed);
    }
}

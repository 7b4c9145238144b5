using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

public static class CareApi
{
    public static RouteGroupBuilder MapCare(this RouteGroupBuilder api)
    {
        // Clinical content: therapists and clinic admins only; the front desk and ops see none of it.
        var group = api.MapGroup("").WithTag("Care", "A referral as the clinicians see it: status, what may be given, clearances awaited, the records written and the reports issued.").RequireAuthorization(Policies.Clinician);
        group.MapGet("/referrals/{referralId:guid}", GetCare).WithName("GetCourseOfCare")
            .WithSummary("A referral's course of care: evaluations, plan, notes")
            .WithDescription("Whether treatment is blocked and why, signed visits, whether a re-evaluation is due, and the ids of its evaluations, plan, notes and documents. Therapists and clinic admins of the referral's location. 404 otherwise.");
        return api;
    }

    /// <summary>A referral's course of care: prescription, gates, due dates and the records written so far.</summary>
    public static async Task<Results<Ok<ReferralCareResponse>, NotFound<ProblemDetails>>> GetCare(Guid referralId, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var r = await s.Scope.Referrals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == referralId, ct);
        if (r is null)
        {
            return ClinicalProblems.NotFound("No referral with this id is known.");
        }
        var evaluations = await s.Db.Evaluations.Where(e => e.ReferralId == referralId).OrderBy(e => e.CreatedAt).Select(e => e.Id).ToListAsync(ct);
        var plan = await s.Records.ActivePlanAsync(referralId, ct);
        var notes = await s.Db.VisitNotes.Where(n => n.ReferralId == referralId).OrderBy(n => n.CreatedAt).Select(n => n.Id).ToListAsync(ct);
        var documents = await s.Db.Documents.Where(d => d.ReferralId == referralId).OrderBy(d => d.IssuedAt).ToListAsync(ct);
        var due = r.LatestEvaluationAt is { } last && ReEvaluationSchedule.IsDue(r.VisitsSinceEvaluation, last, s.Now);
        await s.Audit.RecordReadAsync(RecordTypes.Referral, referralId, referralId, ct);
        return TypedResults.Ok(new ReferralCareResponse(r.Id, r.Reference, r.PatientId, r.PatientName, r.PhysicianName, r.Status, r.Techniques, r.BodyRegions,
            r.TechniquesAwaitingClearance, r.TreatmentBlockedAt is not null, r.PendingClearances, r.SignedVisits, r.VisitsSinceEvaluation, due,
            r.LatestEvaluationAt is { } at ? ReEvaluationSchedule.DueBy(r.VisitsSinceEvaluation, at, s.Now) : null,
            r.DischargedAt, evaluations, plan?.Id, notes, [.. documents.Select(d => ReportsApi.Describe(d, s))]));
    }
}

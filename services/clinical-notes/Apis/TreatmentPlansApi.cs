using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.IntegrationEvents;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

public static class TreatmentPlansApi
{
    public static RouteGroupBuilder MapTreatmentPlans(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/treatment-plans").WithTag("Treatment plans", "The plan of care set from the signed initial evaluation: techniques, body regions, frequency, visits, goals. Versioned: a revision is a new version; the referring physician certifies each version.").RequireAuthorization(Policies.Clinician);
        group.MapPost("/", DraftPlan).WithName("DraftTreatmentPlan").WithRequestExample(ClinicalExamples.Plan)
            .WithSummary("Draft a treatment plan from a signed initial evaluation")
            .WithDescription("Version 1 of the referral's plan, within what the referral prescribes (techniques, frequency, visits). Therapists and clinic admins of the referral's location. 404 for an unknown evaluation, 409 when the referral already has a plan (revise it instead).");
        group.MapGet("/{id:guid}", GetPlan).WithName("GetTreatmentPlan")
            .WithSummary("The newest version of a treatment plan")
            .WithDescription("At the caller's locations; 404 otherwise. Therapists and clinic admins of the referral's location.");
        group.MapGet("/{id:guid}/versions/{version:int}", GetPlanVersion).WithName("GetTreatmentPlanVersion")
            .WithSummary("One version of a treatment plan")
            .WithDescription("Any earlier version stays readable, as certified. 404 for an unknown plan or version. Therapists and clinic admins of the referral's location.");
        group.MapPost("/{id:guid}/activate", ActivatePlan).WithName("ActivateTreatmentPlan")
            .WithSummary("Activate a drafted plan")
            .WithDescription("Care follows it from now on; scheduling and the referral learn it. Therapists and clinic admins of the referral's location. 409 when it is not a draft.");
        group.MapPost("/{id:guid}/certifications", CertifyPlan).WithName("RecordPlanCertification").WithRequestExample(ClinicalExamples.Certification)
            .WithSummary("Record the physician's certification of the plan")
            .WithDescription("The certification the physician gave on paper or by fax: who (`certifiedBy`) and when (default: now). Therapists and clinic admins of the referral's location. 409 when the version cannot be certified (not active, or already certified).");
        group.MapPost("/{id:guid}/revisions", RevisePlan).WithName("ReviseTreatmentPlan").WithRequestExample(ClinicalExamples.Revision)
            .WithSummary("Revise the plan as a new version")
            .WithDescription("New terms with a `reason`, saved as the next version (answered 201 with its address); the physician certifies it anew. Therapists and clinic admins of the referral's location. 409 when the plan cannot be revised.");
        return api;
    }

    public static async Task<Results<Created<TreatmentPlanResponse>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> DraftPlan(
        TreatmentPlanRequest request, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        if (request.EvaluationId is null)
        {
            return ClinicalProblems.Invalid("evaluationId", "The initial evaluation the plan is set from is required.");
        }
        var evaluation = await s.Scope.Evaluations.FirstOrDefaultAsync(e => e.Id == request.EvaluationId, ct);
        if (evaluation is null)
        {
            return ClinicalProblems.NotFound("No evaluation with this id.");
        }
        var referral = await s.Db.Referrals.SingleAsync(r => r.Id == evaluation.ReferralId, ct);
        var terms = PlanTerms.Create(referral, request.Techniques, request.BodyRegions, request.SessionsPerWeek, request.Weeks, request.VisitCount, request.Goals);
        if (await s.Db.TreatmentPlans.AnyAsync(p => p.ReferralId == referral.Id, ct))
        {
            return ClinicalProblems.Conflict(new Refusal("plan-exists", "The referral already has a treatment plan; revise it instead."));
        }
        var plan = TreatmentPlan.Draft(evaluation, terms, s.User.Id, s.Now);
        s.Db.TreatmentPlans.Add(plan);
        s.Audit.Record(RecordTypes.TreatmentPlan, plan.Id, plan.ReferralId, AuditActions.Create);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/clinical-notes/treatment-plans/{plan.Id}", TreatmentPlanResponse.From(plan));
    }

    public static async Task<Results<Ok<TreatmentPlanResponse>, NotFound<ProblemDetails>>> GetPlan(Guid id, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var plan = await s.Records.LatestVersionAsync(id, ct);
        if (plan is null)
        {
            return ClinicalProblems.NotFound("No treatment plan with this id.");
        }
        await s.Audit.RecordReadAsync(RecordTypes.TreatmentPlan, id, plan.ReferralId, ct);
        return TypedResults.Ok(TreatmentPlanResponse.From(plan));
    }

    public static async Task<Results<Ok<TreatmentPlanResponse>, NotFound<ProblemDetails>>> GetPlanVersion(Guid id, int version, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var plan = await s.Scope.TreatmentPlans.FirstOrDefaultAsync(p => p.Id == id && p.Version == version, ct);
        if (plan is null)
        {
            return ClinicalProblems.NotFound("No such version of the treatment plan.");
        }
        await s.Audit.RecordReadAsync(RecordTypes.TreatmentPlan, id, plan.ReferralId, ct);
        return TypedResults.Ok(TreatmentPlanResponse.From(plan));
    }

    public static async Task<Results<Ok<TreatmentPlanResponse>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> ActivatePlan(
        Guid id, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var plan = await s.Records.LatestVersionAsync(id, ct);
        if (plan is null)
        {
            return ClinicalProblems.NotFound("No treatment plan with this id.");
        }
        plan.Activate(s.Now);
        s.Outbox.Add(ClinicalEvents.Activated(plan));
        s.Audit.Record(RecordTypes.TreatmentPlan, id, plan.ReferralId, AuditActions.Activate);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(TreatmentPlanResponse.From(plan));
    }

    public static async Task<Results<Ok<TreatmentPlanResponse>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> CertifyPlan(
        Guid id, CertificationRequest request, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var plan = await s.Records.LatestVersionAsync(id, ct);
        if (plan is null)
        {
            return ClinicalProblems.NotFound("No treatment plan with this id.");
        }
        var certification = plan.Certify(request.CertifiedBy ?? "", request.CertifiedAt ?? s.Now, s.Now);
        s.Outbox.Add(ClinicalEvents.Certified(plan, certification));
        s.Audit.Record(RecordTypes.TreatmentPlan, id, plan.ReferralId, AuditActions.Certify);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(TreatmentPlanResponse.From(plan));
    }

    public static async Task<Results<Created<TreatmentPlanResponse>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> RevisePlan(
        Guid id, PlanRevisionRequest request, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var plan = await s.Records.LatestVersionAsync(id, ct);
        if (plan is null)
        {
            return ClinicalProblems.NotFound("No treatment plan with this id.");
        }
        var referral = await s.Db.Referrals.SingleAsync(r => r.Id == plan.ReferralId, ct);
        var terms = PlanTerms.Create(referral, request.Techniques, request.BodyRegions, request.SessionsPerWeek, request.Weeks, request.VisitCount, request.Goals);
        var revised = plan.Revise(terms, request.Reason ?? "", s.User.Id, s.Now);
        // The old version must leave the "one active plan" index before the new one enters it: two steps, one transaction.
        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        await s.Db.SaveChangesAsync(ct);
        s.Db.TreatmentPlans.Add(revised);
        s.Outbox.Add(ClinicalEvents.Revised(revised));
        s.Audit.Record(RecordTypes.TreatmentPlan, id, plan.ReferralId, AuditActions.Revise);
        await s.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/clinical-notes/treatment-plans/{id}/versions/{revised.Version}", TreatmentPlanResponse.From(revised));
    }
}

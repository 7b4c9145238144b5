using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.IntegrationEvents;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluations").WithTag("Evaluations", "The therapist's evaluations of a referral's patient (initial and re-evaluations): history, pain, range of motion, outcome measure, screening findings, goals. Drafts until signed; signed ones never change.").RequireAuthorization(Policies.Clinician);
        group.MapPost("/", WriteEvaluation).WithName("WriteEvaluation").WithRequestExample(ClinicalExamples.Evaluation)
            .WithSummary("Write the evaluation of an evaluation visit (a draft)")
            .WithDescription("A draft evaluation for the referral's evaluation visit (`appointmentId`), `kind` initial (the default, goals required) or re-evaluation. Therapists and clinic admins of the referral's location. A clinic admin writing for the treating therapist gives `onBehalfReason`. 404 for an unknown referral or appointment, 409 when the visit is already documented or the referral does not allow it.");
        group.MapGet("/{id:guid}", GetEvaluation).WithName("GetEvaluation")
            .WithSummary("One evaluation")
            .WithDescription("An evaluation, draft or signed, at the caller's locations; 404 otherwise. Therapists and clinic admins of the referral's location. The read is audited.");
        group.MapPut("/{id:guid}", ReviseEvaluation).WithName("ReviseEvaluation").WithRequestExample(ClinicalExamples.Evaluation)
            .WithSummary("Revise a draft evaluation")
            .WithDescription("Replaces the content of a draft (the whole body, as when written). The treating therapist, or a clinic admin with `onBehalfReason`. 409 once signed.");
        group.MapPost("/{id:guid}/sign", SignEvaluation).WithName("SignEvaluation").WithRequestExample(ClinicalExamples.Sign)
            .WithSummary("Sign an evaluation; signed evaluations never change")
            .WithDescription("Signing makes the findings count: the referral and scheduling learn them, findings that need the physician's clearance are sent for it and blocking ones stop treatment. The treating therapist, or a clinic admin with `onBehalfReason`. 409 when already signed.");
        return api;
    }

    public static async Task<Results<Created<EvaluationResponse>, NotFound<ProblemDetails>, ValidationProblem, ForbiddenProblem, Conflict<ProblemDetails>>> WriteEvaluation(
        EvaluationRequest request, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var kind = request.Kind ?? EvaluationKind.Initial;
        if (!Enum.IsDefined(kind))
        {
            return ClinicalProblems.Invalid("kind", "An evaluation is Initial or ReEvaluation.");
        }
        if (request.ReferralId is null || request.AppointmentId is null)
        {
            return TypedResults.ValidationProblem(Ids(request.ReferralId, request.AppointmentId));
        }
        var content = request.ToContent(kind);
        var referral = await s.Scope.Referrals.FirstOrDefaultAsync(r => r.Id == request.ReferralId, ct);
        var appointment = await s.Scope.Appointments.FirstOrDefaultAsync(a => a.Id == request.AppointmentId, ct);
        if (referral is null || appointment is null)
        {
            return ClinicalProblems.NotFound(referral is null ? "No accepted referral with this id is known." : "No appointment with this id is known.");
        }
        var author = s.AuthorOf(appointment, request.OnBehalfReason);
        var initial = await s.Db.Evaluations.FirstOrDefaultAsync(e => e.ReferralId == referral.Id && e.Kind == EvaluationKind.Initial && e.SignedAt != null, ct);
        var evaluation = Evaluation.Write(referral, appointment, kind, content, initial, author, s.Now);
        s.Db.Evaluations.Add(evaluation);
        s.Audit.Record(RecordTypes.Evaluation, evaluation.Id, referral.Id, AuditActions.Create, author.OnBehalfReason);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/clinical-notes/evaluations/{evaluation.Id}", EvaluationResponse.From(evaluation));
    }

    public static async Task<Results<Ok<EvaluationResponse>, NotFound<ProblemDetails>>> GetEvaluation(Guid id, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var evaluation = await s.Scope.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null)
        {
            return ClinicalProblems.NotFound("No evaluation with this id.");
        }
        await s.Audit.RecordReadAsync(RecordTypes.Evaluation, id, evaluation.ReferralId, ct);
        return TypedResults.Ok(EvaluationResponse.From(evaluation));
    }

    public static async Task<Results<Ok<EvaluationResponse>, NotFound<ProblemDetails>, ValidationProblem, ForbiddenProblem, Conflict<ProblemDetails>>> ReviseEvaluation(
        Guid id, EvaluationRequest request, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var evaluation = await s.Scope.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null)
        {
            return ClinicalProblems.NotFound("No evaluation with this id.");
        }
        var author = s.AuthorOf(await s.Db.Appointments.SingleAsync(a => a.Id == evaluation.AppointmentId, ct), request.OnBehalfReason);
        evaluation.Revise(request.ToContent(evaluation.Kind), author);
        s.Audit.Record(RecordTypes.Evaluation, id, evaluation.ReferralId, AuditActions.Update, author.OnBehalfReason);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(EvaluationResponse.From(evaluation));
    }

    /// <summary>Signing makes the findings count: other services learn them, blocking ones stop treatment.</summary>
    public static async Task<Results<Ok<EvaluationResponse>, NotFound<ProblemDetails>, ValidationProblem, ForbiddenProblem, Conflict<ProblemDetails>>> SignEvaluation(
        Guid id, SignRequest? request, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var evaluation = await s.Scope.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null)
        {
            return ClinicalProblems.NotFound("No evaluation with this id.");
        }
        var author = s.AuthorOf(await s.Db.Appointments.SingleAsync(a => a.Id == evaluation.AppointmentId, ct), request?.OnBehalfReason);
        var referral = await s.Db.Referrals.SingleAsync(r => r.Id == evaluation.ReferralId, ct);
        evaluation.Sign(referral, author, s.Now);
        s.Outbox.Add(ClinicalEvents.Completed(evaluation));
        if (evaluation.FindingsNeedingClearance.Any())
        {
            s.Outbox.Add(ClinicalEvents.ClearanceRequested(evaluation));
        }
        s.Audit.Record(RecordTypes.Evaluation, id, referral.Id, AuditActions.Sign, author.OnBehalfReason);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(EvaluationResponse.From(evaluation));
    }

    private static Dictionary<string, string[]> Ids(Guid? referralId, Guid? appointmentId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (referralId is null)
        {
            errors["referralId"] = ["The referral is required."];
        }
        if (appointmentId is null)
        {
            errors["appointmentId"] = ["The appointment is required."];
        }
        return errors;
    }
}

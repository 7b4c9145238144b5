using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Application.Access;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Documents;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var issuing = api.MapGroup("/referrals/{referralId:guid}").WithTag("Reports", "Progress reports and discharge summaries for the referring physician, issued from signed records only, and read as printable HTML.").RequireAuthorization(Policies.Clinician);
        issuing.MapPost("/progress-reports", IssueProgressReport).WithName("IssueProgressReport")
            .WithSummary("Issue a progress report to the physician from signed records")
            .WithDescription("Written from the signed evaluations and notes of the referral; the physician is notified with a link to it. Therapists and clinic admins of the referral's location. 404 for an unknown referral, 409 when nothing signed can be reported yet.");
        issuing.MapPost("/discharge", Discharge).WithName("DischargePatient").WithRequestExample(ClinicalExamples.Discharge)
            .WithSummary("Discharge the patient and issue the discharge summary")
            .WithDescription("Ends the course of care with a `reason` (required) and sends the physician the discharge summary. Therapists and clinic admins of the referral's location. 404 for an unknown referral, 409 when it is already discharged or nothing signed can be reported.");
        // The referring physician reads the reports written for them (the link in their notification leads here).
        var documents = api.MapGroup("/documents").WithTags("Reports").RequireAuthorization(ClinicalPolicies.ReportReader)
            .AcceptsSystemScope(SystemScopes.DiagnosticReportRead); // hospitals read the reports of the referrals they sent
        documents.MapGet("/{id:guid}", GetDocument).WithName("GetReport")
            .WithSummary("An issued report (progress report or discharge summary) as printable HTML")
            .WithDescription("Therapists and clinic admins of its location, the referring physician it was written for, and hospital systems with `system/DiagnosticReport.read` for the referrals they sent. 404 otherwise.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    /// <summary>A progress report for the referring physician, from the signed record only.</summary>
    public static async Task<Results<Created<DocumentResponse>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> IssueProgressReport(
        Guid referralId, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var referral = await s.Scope.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return ClinicalProblems.NotFound("No referral with this id is known.");
        }
        var care = await s.Records.SignedCourseAsync(referral, ct);
        care.EnsureDocumentable();
        var document = ClinicalDocument.Issue(Guid.CreateVersion7(s.Now), referralId, DocumentKind.ProgressReport, "Progress report",
            ReportRenderer.ProgressReport(care, s.Now), s.User.Id, s.Now);
        s.Db.Documents.Add(document);
        s.Outbox.Add(new ProgressReportIssued(document.Id, referralId, s.Links.For(document.Id)));
        s.Audit.Record(RecordTypes.Document, document.Id, referralId, AuditActions.Issue);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Created(s.Links.For(document.Id), Describe(document, s));
    }

    /// <summary>Ends care on the referral and sends the physician a discharge summary; no visit can be documented afterwards.</summary>
    public static async Task<Results<Created<DocumentResponse>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> Discharge(
        Guid referralId, DischargeRequest request, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        new FieldErrors().When(string.IsNullOrWhiteSpace(request.Reason), "reason", "The reason for discharge is required.").ThrowIfAny();
        var referral = await s.Scope.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return ClinicalProblems.NotFound("No referral with this id is known.");
        }
        var care = await s.Records.SignedCourseAsync(referral, ct);
        care.EnsureDocumentable();
        referral.Discharge(request.Reason!.Trim(), s.Now);
        var document = ClinicalDocument.Issue(Guid.CreateVersion7(s.Now), referralId, DocumentKind.DischargeSummary, "Discharge summary",
            ReportRenderer.DischargeSummary(care, referral.DischargeReason!, s.Now), s.User.Id, s.Now);
        s.Db.Documents.Add(document);
        s.Outbox.Add(new DischargeSummaryIssued(document.Id, referralId, s.Links.For(document.Id), referral.DischargeReason!));
        s.Audit.Record(RecordTypes.Document, document.Id, referralId, AuditActions.Issue);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Created(s.Links.For(document.Id), Describe(document, s));
    }

    /// <summary>The document itself, as printable HTML.</summary>
    public static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>>> GetDocument(Guid id, [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        var document = await s.Scope.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return ClinicalProblems.NotFound("No document with this id.");
        }
        await s.Audit.RecordReadAsync(RecordTypes.Document, id, document.ReferralId, ct);
        return TypedResults.Text(document.Html, "text/html; charset=utf-8");
    }

    internal static DocumentResponse Describe(ClinicalDocument d, ClinicalServices s) =>
        new(d.Id, d.ReferralId, d.Kind, d.Title, d.IssuedAt, s.Links.For(d.Id));
}

using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Domain.Documents;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.ClinicalNotes.Api.IntegrationEvents;
using MedMassage.Messaging.Outbox;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults.PhysicianLinks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

using Page = Results<ContentHttpResult, NotFound<ProblemDetails>, ProblemHttpResult>;

/// <summary>
/// What a referring physician opens from an e-mail, without signing in: the link's token is the credential, good for
/// one purpose on one record of one referral until it expires. Every opening and every certification is audited under
/// the physician's NPI.
/// </summary>
public static class PhysicianLinksApi
{
    public static RouteGroupBuilder MapPhysicianLinks(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/links").AllowAnonymous().ProducesHtmlPage().ProducesProblem(StatusCodes.Status410Gone)
            .WithTag("Physician links", "Pages the referring physician opens from an e-mail without signing in: the link's token is the credential, for one record of one referral, until it expires.");
        links.MapGet("/documents/{token}", ReadDocumentAsync).WithName("OpenReportLink").WithSummary("An issued report, opened from the physician's e-mail")
            .WithDescription("The report as a printable HTML page. Anonymous: the token is the credential. 404 for a token that is not genuine or a referral now with another physician, 410 once the link has expired. Audited under the physician's NPI.");
        links.MapGet("/evaluations/{token}", ReadEvaluationAsync).WithName("OpenEvaluationLink").WithSummary("The evaluation summary, opened from the physician's e-mail")
            .WithDescription("The signed evaluation as an HTML page. Anonymous: the token is the credential. 404 for a token that is not genuine, an unsigned evaluation or a referral now with another physician, 410 once the link has expired. Audited.");
        links.MapGet("/plans/{token}", ReadPlanAsync).WithName("OpenPlanLink").WithSummary("A treatment plan version to certify, opened from the physician's e-mail")
            .WithDescription("The plan version as an HTML page with a button to certify it. Anonymous: the token is the credential. 404 and 410 as for the other links. Audited.");
        // A form post from the page above; the token in the path is the credential and no cookie is involved, so no antiforgery token.
        links.MapPost("/plans/{token}/certify", CertifyPlanAsync).WithName("CertifyPlanByLink").DisableAntiforgery().WithSummary("The physician certifies the plan version the link names")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("The form post of the plan page: certified in the physician's name (with the NPI), now; answers the page again. 409 when the plan has a newer version than the link names (a new link is sent for it), 404 and 410 as for the page.");
        return api;
    }

    public static async Task<Page> ReadDocumentAsync(string token, PhysicianLinks links, ClinicalNotesDbContext db, ClinicalAudit audit, CancellationToken ct)
    {
        var (link, referral, refused) = await OpenAsync(PhysicianLinkPurposes.ReadDocument, token, links, db, ct);
        if (refused is not null)
        {
            return refused;
        }
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == link.Subject && d.ReferralId == referral.Id, ct);
        if (document is null)
        {
            return ClinicalProblems.NotFound("The document is not there.");
        }
        await audit.RecordByLinkAsync(link, RecordTypes.Document, document.Id, AuditActions.Read, ct);
        return TypedResults.Text(document.Html, "text/html; charset=utf-8");
    }

    public static async Task<Page> ReadEvaluationAsync(string token, PhysicianLinks links, ClinicalNotesDbContext db, ClinicalAudit audit, CancellationToken ct)
    {
        var (link, referral, refused) = await OpenAsync(PhysicianLinkPurposes.ReadEvaluation, token, links, db, ct);
        if (refused is not null)
        {
            return refused;
        }
        var evaluation = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == link.Subject && e.ReferralId == referral.Id && e.SignedAt != null, ct);
        if (evaluation is null)
        {
            return ClinicalProblems.NotFound("The evaluation is not there.");
        }
        await audit.RecordByLinkAsync(link, RecordTypes.Evaluation, evaluation.Id, AuditActions.Read, ct);
        return TypedResults.Text(PhysicianPages.Evaluation(evaluation, referral), "text/html; charset=utf-8");
    }

    public static async Task<Page> ReadPlanAsync(string token, PhysicianLinks links, ClinicalNotesDbContext db, ClinicalAudit audit, CancellationToken ct)
    {
        var (link, referral, refused) = await OpenAsync(PhysicianLinkPurposes.CertifyPlan, token, links, db, ct);
        if (refused is not null)
        {
            return refused;
        }
        var plan = await db.TreatmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == link.Subject && p.Version == link.Version && p.ReferralId == referral.Id, ct);
        if (plan is null)
        {
            return ClinicalProblems.NotFound("The plan is not there.");
        }
        await audit.RecordByLinkAsync(link, RecordTypes.TreatmentPlan, plan.Id, AuditActions.Read, ct);
        return TypedResults.Text(PhysicianPages.Plan(plan, referral, $"{token}/certify"), "text/html; charset=utf-8");
    }

    /// <summary>The plan version the link names is certified in the physician's name; a newer version needs its own link.</summary>
    public static async Task<Page> CertifyPlanAsync(string token, PhysicianLinks links, ClinicalNotesDbContext db, ClinicalAudit audit,
        IIntegrationEventOutbox outbox, TimeProvider time, CancellationToken ct)
    {
        var (link, referral, refused) = await OpenAsync(PhysicianLinkPurposes.CertifyPlan, token, links, db, ct);
        if (refused is not null)
        {
            return refused;
        }
        var plan = await db.TreatmentPlans.Where(p => p.Id == link.Subject && p.ReferralId == referral.Id).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        if (plan is null || plan.Version != link.Version)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The plan has changed",
                detail: "This link is for an earlier version of the plan; the clinic sends a new link for the current one.");
        }
        var now = time.GetUtcNow();
        var certification = plan.Certify($"{link.PhysicianName} (NPI {link.PhysicianNpi})", now, now);
        outbox.Add(ClinicalEvents.Certified(plan, certification));
        audit.RecordByLink(link, RecordTypes.TreatmentPlan, plan.Id, AuditActions.Certify);
        await db.SaveChangesAsync(ct);
        return TypedResults.Text(PhysicianPages.Plan(plan, referral, $"{token}/certify", "Thank you: the plan of care is certified."), "text/html; charset=utf-8");
    }

    // The link must be genuine and current, and the referral's physician must still be the one it was sent to.
    private static async Task<(PhysicianLink Link, CareReferral Referral, Page? Refused)> OpenAsync(
        string purpose, string token, PhysicianLinks links, ClinicalNotesDbContext db, CancellationToken ct)
    {
        var reading = links.Read(purpose, token);
        if (reading.Problem == LinkProblem.Expired)
        {
            return (null!, null!, TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "This link has expired",
                detail: "Links in e-mails work for a limited time; ask the clinic to send a new one."));
        }
        var referral = reading.Link is { } link ? await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == link.ReferralId, ct) : null;
        return referral is not null && referral.PhysicianNpi == reading.Link!.PhysicianNpi
            ? (reading.Link, referral, null)
            : (null!, null!, ClinicalProblems.NotFound("This link is not valid."));
    }
}

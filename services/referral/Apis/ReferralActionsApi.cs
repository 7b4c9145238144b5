using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Apis;

using ChangeResult = Results<Ok<ReferralDetails>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>;

/// <summary>
/// Intake decisions on one referral, by the front desk and clinic admins of its location. Each loads it (another
/// location's referral is 404), checks If-Match, asks the referral to change, and saves with the
/// row version as the concurrency check: a stale If-Match is 412, a transition the state forbids or a change that
/// lost a race is 409.
/// </summary>
internal static class ReferralActionsApi
{
    public static void MapReferralActions(this RouteGroupBuilder api)
    {
        api.ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/accept", (Guid id, ReferralServices s, HttpContext http, CancellationToken ct) =>
            ChangeAsync(id, s, http, null, ReferralAuditActions.Accept, (r, a, now) => r.Accept(a, now), ct)).WithName("AcceptReferral")
            .WithSummary("Accept a referral").WithDescription("The clinic takes the referral on. Front desk and clinic admins of its location (as every decision below); 404 for another location's referral. 409 when its status does not allow it, 412 on a stale If-Match.");

        api.MapPost("/reject", (Guid id, ReasonRequest? body, ReferralServices s, HttpContext http, CancellationToken ct) =>
            WithReason(body, reason => ChangeAsync(id, s, http, null, ReferralAuditActions.Reject, (r, a, now) => r.Reject(reason, a, now), ct))).WithName("RejectReferral").WithRequestExample(ReferralExamples.Reason)
            .WithSummary("Reject a referral").WithDescription("With a `reason` (required). 409 when its status does not allow it, 412 on a stale If-Match.");

        api.MapPost("/hold", (Guid id, ReasonRequest? body, ReferralServices s, HttpContext http, CancellationToken ct) =>
            WithReason(body, reason => ChangeAsync(id, s, http, null, ReferralAuditActions.Hold, (r, a, now) => r.PutOnHold(reason, a, now), ct))).WithName("HoldReferral").WithRequestExample(ReferralExamples.Reason)
            .WithSummary("Put a referral on hold").WithDescription("With a `reason` (required): no treatment is booked or given until it is resumed. 409 when its status does not allow it, 412 on a stale If-Match.");

        api.MapPost("/resume", (Guid id, ReferralServices s, HttpContext http, CancellationToken ct) =>
            ChangeAsync(id, s, http, null, ReferralAuditActions.Resume, (r, a, now) => r.Resume(a, now), ct)).WithName("ResumeReferral")
            .WithSummary("Resume a referral on hold").WithDescription("Care may go on again. 409 when it is not on hold, 412 on a stale If-Match.");

        api.MapPost("/cancel", (Guid id, ReasonRequest? body, ReferralServices s, HttpContext http, CancellationToken ct) =>
            WithReason(body, reason => ChangeAsync(id, s, http, null, ReferralAuditActions.Cancel, (r, a, now) => r.Cancel(reason, a, now), ct))).WithName("CancelReferral").WithRequestExample(ReferralExamples.Reason)
            .WithSummary("Cancel a referral").WithDescription("With a `reason` (required); scheduling cancels the visits still to come. 409 when its status does not allow it, 412 on a stale If-Match.");

        api.MapPost("/clearances", (Guid id, ClearanceRequest? body, ReferralServices s, HttpContext http, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var subject = Subject(body, errors);
            var clearedBy = errors.Required("clearedBy", body?.ClearedBy);
            var document = errors.Required("documentReference", body?.DocumentReference, 500);
            return ChangeAsync(id, s, http, errors, ReferralAuditActions.RecordClearance,
                (r, a, now) => r.RecordClearance(subject!, clearedBy!, body?.ClearedAt ?? now, document, a, now), ct);
        }).WithName("RecordClearance").WithRequestExample(ReferralExamples.Clearance)
            .WithSummary("Record the physician's clearance")
            .WithDescription("Of a technique (`technique`) or an evaluation finding (`finding`) awaiting it: who cleared it, when (default: now), and the document on file. Front desk and clinic admins of the referral's location. 409 when nothing of that name awaits clearance, 412 on a stale If-Match.");
    }

    // Exactly one of technique and finding names what is cleared.
    private static string? Subject(ClearanceRequest? body, FieldErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(body?.Technique) && !string.IsNullOrWhiteSpace(body?.Finding))
        {
            errors.Add("finding", "Give either a technique or a finding, not both; record each clearance on its own.");
            return null;
        }
        return string.IsNullOrWhiteSpace(body?.Finding) ? errors.Required("technique", body?.Technique, 100) : errors.Required("finding", body.Finding, 200);
    }

    private static async Task<ChangeResult> WithReason(ReasonRequest? body, Func<string, Task<ChangeResult>> change)
    {
        var errors = new FieldErrors();
        var reason = errors.Required("reason", body?.Reason, 1000);
        return reason is null ? TypedResults.ValidationProblem(errors.ToDictionary()) : await change(reason);
    }

    private static async Task<ChangeResult> ChangeAsync(
        Guid id, ReferralServices services, HttpContext http, FieldErrors? inputErrors, string auditAction,
        Action<Domain.Referral, Actor, DateTimeOffset> change, CancellationToken ct)
    {
        if (inputErrors is { Any: true })
        {
            return TypedResults.ValidationProblem(inputErrors.ToDictionary());
        }
        // Another location's referral looks exactly like an unknown one.
        var referral = await services.Access.Manageable(services.Db.Referrals).Include(r => r.History).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        if (!ETags.Matches(http.Request.Headers.IfMatch, referral.Version))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The referral has changed",
                detail: $"If-Match does not match the current version {ETags.For(referral.Version)}; reload it and try again.");
        }

        try
        {
            change(referral, services.Actor, services.Time.GetUtcNow());
            services.Audit.Record(referral, auditAction);
            await services.SaveAsync(referral, ct);
        }
        catch (RuleViolation violation)
        {
            return violation.Refusal.ToConflict("The referral cannot change that way");
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal("changed-concurrently", "Someone else changed this referral while this request was made; reload it and decide again.")
                .ToConflict("The referral was changed at the same time");
        }

        http.Response.Headers.ETag = ETags.For(referral.Version);
        return TypedResults.Ok(referral.ToDetails(await services.ReadableDuplicatesAsync([referral], ct)));
    }

}

using MedMassage.Referral.Api.Apis;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReferralModel = MedMassage.Referral.Api.Domain.Referral;

namespace Microsoft.AspNetCore.Builder;

public static class ReferralsApiExtensions
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    /// <summary>No page starts deeper than this many rows: a deeper offset makes the database walk them all, every time.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>The error for a page past <see cref="MaxOffset"/>, or null.</summary>
    public static string? TooDeep(int page, int pageSize) =>
        (long)(page - 1) * pageSize > MaxOffset ? $"Pages reach {MaxOffset:N0} rows at most; narrow the search (dates, status) instead." : null;
    private const int MaxAttentionCandidates = 5_000;

    private static (int Total, List<ReferralModel> Items) Page(List<ReferralModel> all, int page, int pageSize) =>
        (all.Count, [.. all.Skip((page - 1) * pageSize).Take(pageSize)]);

    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        // Each endpoint names its policy; which referrals it reaches is decided by ReferralAccess.
        var api = app.MapGroup("/api/referrals")
            .WithTag("Referrals", "Physicians' orders for medical massage: submitted by physician offices and hospital systems, decided on by the front desk of the clinic's location, read by staff as the care goes on.");
        api.MapPost("/", SubmitAsync).WithName("SubmitReferral").RequireAuthorization(Policies.ReferralSubmitter)
            .WithRequestExample(ReferralExamples.Submission)
            .WithSummary("Submit a referral")
            .WithDescription("A physician's order for medical massage: patient, physician (NPI), ICD-10 diagnoses, techniques, body regions, visits and validity. A retried submission with the same `Idempotency-Key` makes no second referral; a possible duplicate is flagged, not refused. Referring physicians, front desk, clinic admins, and systems with `system/ServiceRequest.write`; 400 names every field that is missing or wrong.");
        api.MapGet("/", ListAsync).WithName("ListReferrals").RequireAuthorization(Policies.ReferralReader)
            .WithSummary("The intake inbox")
            .WithDescription("Referrals the caller may read, newest first, paged (`page`, `pageSize` ≤ 100), filtered by `status`, `locationId`, `physicianNpi`, `diagnosis`, received dates, or `attention` (`awaiting-clearance`, `authorization-running-out`). Clinic staff see the referrals of their locations (and those sent without one), referring physicians those carrying their NPI, systems (`system/ServiceRequest.read`) those they submitted.");
        api.MapGet("/patients", PatientSearch.FindAsync).WithName("FindPatients").RequireAuthorization(Policies.FrontDesk)
            .WithSummary("Find a patient")
            .WithDescription("Patients of the referrals the caller may read whose name contains `q`, or whose date of birth (yyyy-mm-dd), phone or referral reference is `q`; at most 50, each with their referrals. `q` needs 2 characters at least. Front desk and clinic admins.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetReferral").RequireAuthorization(Policies.ReferralReader)
            .WithSummary("One referral with its history")
            .WithDescription("Everything staff see of a referral; 404 for one the caller may not read, exactly as for one that does not exist. Its `ETag` goes back as `If-Match` with a decision. Readable as in the inbox.");
        api.MapGroup("/{id:guid}").RequireAuthorization(Policies.FrontDesk).MapReferralActions();
        api.MapPhysicianLinks();
        api.MapGet("/audit", ReferralAuditApi.QueryAsync).WithName("QueryReferralAudit").RequireAuthorization(Policies.ClinicAdmin)
            .WithSummary("Who read or changed referrals")
            .WithDescription("The append-only audit trail of the referrals the clinic admin's locations see, filtered and paged. Clinic admins.");
        return app;
    }

    public static async Task<Results<Created<ReferralDetails>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        SubmitReferral request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ReferralServices services,
        ReferralSubmissions submissions,
        CancellationToken ct)
    {
        if (idempotencyKey is { Length: 0 or > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = ["Must be 1 to 200 characters."] });
        }
        return await submissions.SubmitAsync(request, idempotencyKey, services, ct);
    }

    public static async Task<Results<Ok<ReferralDetails>, NotFound>> GetAsync(Guid id, ReferralServices services, HttpContext http, CancellationToken ct)
    {
        var referral = await services.Access.Readable(services.Db.Referrals).AsNoTracking()
            .Include(r => r.History).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }
        await services.Audit.SaveReadsAsync([referral], ReferralAuditActions.Read, ct);
        http.Response.Headers.ETag = ETags.For(referral.Version);
        return TypedResults.Ok(referral.ToDetails(await services.ReadableDuplicatesAsync([referral], ct)));
    }

    /// <summary>The intake inbox: the referrals the caller may read, filtered, paged, newest first.</summary>
    public static async Task<Results<Ok<PagedList<ReferralSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] InboxQuery query, ReferralServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        if (page is < 1 or > MaxPage)
        {
            errors.Add("page", $"Must be between 1 and {MaxPage}.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Must be between 1 and {MaxPageSize}.");
        }

        if (!errors.Any && TooDeep(page, pageSize) is { } deep)
        {
            errors.Add("page", deep);
        }

        var status = default(ReferralStatus);
        if (query.Status is not null && !ReferralStatusNames.TryParse(query.Status, out status))
        {
            errors.Add("status", $"Must be one of: {string.Join(", ", ReferralStatusNames.All)}.");
        }
        if (query.Diagnosis is not null && !Icd10.IsValidFormat(query.Diagnosis))
        {
            errors.Add("diagnosis", "Not a valid ICD-10 code.");
        }

        if (query.ReceivedFrom > query.ReceivedTo)
        {
            errors.Add("receivedTo", "Must not be before receivedFrom.");
        }

        if (query.Attention is not null && !ReferralModel.AttentionNames.Contains(query.Attention))
        {
            errors.Add("attention", $"Must be one of: {string.Join(", ", ReferralModel.AttentionNames)}.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var referrals = services.Access.Readable(services.Db.Referrals).AsNoTracking();
        if (query.Status is not null)
        {
            referrals = referrals.Where(r => r.Status == status);
        }

        referrals = referrals.WhereGiven(query.LocationId, location => r => r.LocationId == location);
        referrals = referrals.WhereGiven(query.PhysicianNpi, npi => r => r.PhysicianNpi == npi.Trim());

        if (query.Diagnosis is { } diagnosis)
        {
            var code = Icd10.Normalize(diagnosis);
            referrals = referrals.Where(r => r.DiagnosisCodes.Contains(code));
        }
        if (query.ReceivedFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            referrals = referrals.Where(r => r.ReceivedAt >= start);
        }
        if (query.ReceivedTo is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            referrals = referrals.Where(r => r.ReceivedAt < end);
        }

        var ordered = referrals.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id);
        // A condition is decided by the referral itself, so those are judged in memory (a clinic's open referrals).
        var (total, items) = query.Attention is { } attention
            ? Page([.. (await ordered.Take(MaxAttentionCandidates).ToListAsync(ct)).Where(r => r.NeedsAttention(attention))], page, pageSize)
            : (await referrals.CountAsync(ct), await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct));
        await services.Audit.SaveReadsAsync(items, ReferralAuditActions.Listed, ct);
        var duplicates = await services.ReadableDuplicatesAsync(items, ct);
        return TypedResults.Ok(new PagedList<ReferralSummary>([.. items.Select(r => r.ToSummary(duplicates))], page, pageSize, total));
    }
}

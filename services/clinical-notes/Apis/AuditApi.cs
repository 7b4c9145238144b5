using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

public static class AuditApi
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        // Clinic admins review who touched the records of their locations.
        var group = api.MapGroup("/audit").WithTag("Audit", "The append-only trail of who read or changed which clinical record, for clinic admins.").RequireAuthorization(Policies.ClinicAdmin);
        group.MapGet("", QueryAudit).WithName("QueryClinicalAudit")
            .WithSummary("Who read or changed clinical records (clinic admins)")
            .WithDescription("Entries of the clinic admin's locations, oldest first, filtered by record, referral, user, action and time (`from` included, `to` excluded); `limit` 1 to 500 (default 100).");
        return api;
    }

    public static async Task<Results<Ok<List<AuditEntryResponse>>, ValidationProblem>> QueryAudit(
        Guid? recordId, Guid? referralId, string? userId, [OneOf(typeof(AuditActions))] string? action, DateTimeOffset? from, DateTimeOffset? to, int? limit,
        [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return ClinicalProblems.Invalid("limit", $"The limit ranges from 1 to {MaxPageSize}.");
        }
        var query = s.Scope.AuditEntries.AsNoTracking();
        if (recordId is not null) { query = query.Where(e => e.RecordId == recordId); }
        if (referralId is not null) { query = query.Where(e => e.ReferralId == referralId); }
        if (userId is not null) { query = query.Where(e => e.UserId == userId); }
        if (action is not null) { query = query.Where(e => e.Action == action); }
        if (from is not null) { query = query.Where(e => e.At >= from); }
        if (to is not null) { query = query.Where(e => e.At < to); }
        var entries = await query.OrderBy(e => e.Id).Take(limit ?? 100)
            .Select(e => new AuditEntryResponse(e.Id, e.At, e.UserId, e.UserName, e.Role, e.ClientId, e.ClientAddress,
                e.RecordType, e.RecordId, e.ReferralId, e.Action, e.Reason))
            .ToListAsync(ct);
        return TypedResults.Ok(entries);
    }
}

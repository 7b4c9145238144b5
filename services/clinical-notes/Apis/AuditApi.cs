using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Apis;

public static class AuditApi
{
    /// <summary>Roles that may read the audit log.</summary>
    public static readonly IReadOnlyList<string> AdminRoles = ["clinic-admin", "admin"];

    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", QueryAudit).WithTags("Audit");
        return api;
    }

    public static async Task<Results<Ok<List<AuditEntryResponse>>, ValidationProblem, ProblemHttpResult>> QueryAudit(
        Guid? recordId, Guid? referralId, string? userId, string? action, DateTimeOffset? from, DateTimeOffset? to, int? limit,
        [AsParameters] ClinicalServices s, CancellationToken ct)
    {
        if (s.User.Role is not { } role || !AdminRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only clinic admins read the audit log.");
        }
        if (limit is < 1 or > MaxPageSize)
        {
            return Problems.Invalid("limit", $"The limit ranges from 1 to {MaxPageSize}.");
        }
        var query = s.Db.AuditEntries.AsNoTracking();
        if (recordId is not null) { query = query.Where(e => e.RecordId == recordId); }
        if (referralId is not null) { query = query.Where(e => e.ReferralId == referralId); }
        if (userId is not null) { query = query.Where(e => e.UserId == userId); }
        if (action is not null) { query = query.Where(e => e.Action == action); }
        if (from is not null) { query = query.Where(e => e.At >= from); }
        if (to is not null) { query = query.Where(e => e.At < to); }
        var entries = await query.OrderBy(e => e.Id).Take(limit ?? 100)
            .Select(e => new AuditEntryResponse(e.Id, e.At, e.UserId, e.UserName, e.Role, e.ClientAddress, e.RecordType, e.RecordId, e.ReferralId, e.Action))
            .ToListAsync(ct);
        return TypedResults.Ok(entries);
    }
}

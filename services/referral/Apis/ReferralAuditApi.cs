using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Apis;

/// <summary>The audit trail of referral reads and changes, for clinic admins reviewing their locations.</summary>
internal static class ReferralAuditApi
{
    public static async Task<Results<Ok<PagedList<AuditEntryView>>, ValidationProblem>> QueryAsync(
        [AsParameters] AuditQuery query, ReferralServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 50;
        if (page is < 1 or > ReferralsApiExtensions.MaxPage)
        {
            errors.Add("page", $"Must be between 1 and {ReferralsApiExtensions.MaxPage}.");
        }

        if (pageSize is < 1 or > ReferralsApiExtensions.MaxPageSize)
        {
            errors.Add("pageSize", $"Must be between 1 and {ReferralsApiExtensions.MaxPageSize}.");
        }

        if (!errors.Any && ReferralsApiExtensions.TooDeep(page, pageSize) is { } deep)
        {
            errors.Add("page", deep);
        }

        if (query.From > query.To)
        {
            errors.Add("to", "Must not be before from.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var entries = services.Access.AuditTrail(services.Db.Audit).AsNoTracking();
        entries = entries.WhereGiven(query.ReferralId, referralId => e => e.ReferralId == referralId);
        entries = entries.WhereGiven(query.UserId, userId => e => e.UserId == userId);
        entries = entries.WhereGiven(query.Action, action => e => e.Action == action);

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }

        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditEntryView(e.Id, e.At, e.UserId, e.UserName, e.Role, e.ClientId, e.ClientAddress, e.ReferralId, e.LocationId, e.Action))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<AuditEntryView>(items, page, pageSize, total));
    }
}

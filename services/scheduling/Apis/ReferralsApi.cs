using MedMassage.Scheduling.Api.Apis.Contracts;
using MedMassage.Scheduling.Api.Application.Access;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Apis;

public static class ReferralsApi
{
    /// <summary>What scheduling knows of a referral (from events), for the front desk and for support.</summary>
    public static RouteGroupBuilder MapReferralsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/referrals/{id:guid}", async Task<Results<Ok<ReferralView>, NotFound>> (Guid id, SchedulingAccess scope, CancellationToken ct) =>
            await scope.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } referral
                ? TypedResults.Ok(ReferralView.From(referral))
                : TypedResults.NotFound()).WithName("GetSchedulingReferral")
            .WithTag("Referrals", "Scheduling's copy of the referrals, kept from the referral service's events: what may be booked and how many visits remain.").RequireAuthorization(Policies.ClinicStaff)
            .WithSummary("Scheduling's copy of a referral: what may be booked for it")
            .WithDescription("Status, validity dates, visits authorized, used and remaining, techniques and clearances awaited, evaluation and plan state. Front desk, therapists and clinic admins of its location; 404 otherwise.");
        return api;
    }
}

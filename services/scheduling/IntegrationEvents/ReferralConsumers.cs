using MedMassage.Contracts.Referrals;
using MedMassage.Messaging.Inbox;
using MedMassage.Scheduling.Api.Application.Referrals;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.IntegrationEvents;

/// <summary>Loads the local copy of a referral for an event that needs one; an unknown referral waits (see the rule).</summary>
public abstract class ReferralConsumer<TMessage>(SchedulingDbContext db) : IdempotentConsumer<SchedulingDbContext, TMessage>(db)
    where TMessage : MedMassage.Contracts.IntegrationEvent
{
    protected async Task<BookingReferral> ReferralAsync(Guid id, CancellationToken ct) =>
        NotYetKnownException.Require(await Db.Referrals.FirstOrDefaultAsync(r => r.Id == id, ct), "Referral", id);
}

/// <summary>
/// Keeps the local copy of a referral equal to the referral service's: the first state creates it, later ones apply
/// only when newer. When the referral closes, its visits still to happen are cancelled.
/// </summary>
public sealed class ReferralChangedConsumer(SchedulingDbContext db, ReferralClosure closure, TimeProvider time)
    : IdempotentConsumer<SchedulingDbContext, ReferralChanged>(db)
{
    protected override async Task HandleAsync(ReferralChanged m, CancellationToken ct)
    {
        var state = m.Referral;
        var referral = await Db.Referrals.FirstOrDefaultAsync(r => r.Id == state.ReferralId, ct);
        if (referral is null)
        {
            if (state.Status is ReferralStatuses.Received or ReferralStatuses.Rejected)
            {
                return; // scheduling has nothing to do with a referral that was never accepted
            }
            Db.Referrals.Add(referral = BookingReferral.From(state));
        }
        else if (!referral.Apply(state))
        {
            return;
        }
        if (!referral.IsOpen)
        {
            await closure.CancelPendingVisitsAsync(referral, time.GetUtcNow(), ct);
        }
    }

    protected override Task AfterCommitAsync(CancellationToken ct) => closure.AnnounceFreedTimeAsync(ct);
}

using MedMassage.Contracts.Referrals;
using MedMassage.Messaging.Inbox;
using MedMassage.Scheduling.Api.Domain.Referrals;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Consumers;

/// <summary>
/// Keeps the local referral read model. Each event type has its own queue, so a follow-up event can overtake
/// the acceptance; it then fails, is retried with back-off, and applies once the acceptance has landed.
/// </summary>
public abstract class ReferralConsumer<TMessage>(SchedulingDbContext db) : IdempotentConsumer<SchedulingDbContext, TMessage>(db)
    where TMessage : MedMassage.Contracts.IntegrationEvent
{
    protected async Task<Referral> ReferralAsync(Guid id, CancellationToken ct) =>
        await Db.Referrals.FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new ReferralNotYetKnownException(id);
}

public sealed class ReferralNotYetKnownException(Guid referralId)
    : Exception($"Referral {referralId} is not known here yet; its acceptance has not arrived.");

public sealed class ReferralAcceptedConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralAccepted>(db)
{
    protected override async Task HandleAsync(ReferralAccepted m, CancellationToken ct)
    {
        if (await Db.Referrals.AnyAsync(r => r.Id == m.ReferralId, ct))
        {
            return;
        }
        Db.Referrals.Add(Referral.Accept(m.ReferralId, m.LocationId, m.Patient, m.Techniques, m.TechniquesAwaitingClearance, m.ValidFrom, m.ValidUntil, m.Visits));
    }
}

public sealed class ReferralPutOnHoldConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralPutOnHold>(db)
{
    protected override async Task HandleAsync(ReferralPutOnHold m, CancellationToken ct) => (await ReferralAsync(m.ReferralId, ct)).PutOnHold(m.Reason);
}

public sealed class ReferralResumedConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralResumed>(db)
{
    protected override async Task HandleAsync(ReferralResumed m, CancellationToken ct) => (await ReferralAsync(m.ReferralId, ct)).Resume();
}

public sealed class ReferralClearanceRecordedConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralClearanceRecorded>(db)
{
    protected override async Task HandleAsync(ReferralClearanceRecorded m, CancellationToken ct) =>
        (await ReferralAsync(m.ReferralId, ct)).RecordClearance(m.TechniquesAwaitingClearance);
}

public sealed class ReferralCancelledConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralCancelled>(db)
{
    protected override async Task HandleAsync(ReferralCancelled m, CancellationToken ct) => (await ReferralAsync(m.ReferralId, ct)).Cancel(m.Reason);
}

public sealed class ReferralExpiredConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralExpired>(db)
{
    protected override async Task HandleAsync(ReferralExpired m, CancellationToken ct) => (await ReferralAsync(m.ReferralId, ct)).Expire();
}

public sealed class ReferralVisitsExhaustedConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralVisitsExhausted>(db)
{
    protected override async Task HandleAsync(ReferralVisitsExhausted m, CancellationToken ct) => (await ReferralAsync(m.ReferralId, ct)).Exhaust(m.Visits);
}

public sealed class ReferralCompletedConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralCompleted>(db)
{
    protected override async Task HandleAsync(ReferralCompleted m, CancellationToken ct) => (await ReferralAsync(m.ReferralId, ct)).Complete(m.Visits);
}

public sealed class ReferralVisitsCountedConsumer(SchedulingDbContext db) : ReferralConsumer<ReferralVisitsCounted>(db)
{
    protected override async Task HandleAsync(ReferralVisitsCounted m, CancellationToken ct) =>
        (await ReferralAsync(m.ReferralId, ct)).CountVisits(m.Visits, m.ValidUntil);
}

using MedMassage.Contracts;
using MedMassage.Messaging.Inbox;
using MedMassage.Messaging.Outbox;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.IntegrationEvents;

/// <summary>
/// Applies another service's event to one referral: load, let the referral decide, queue what it raised. The base
/// class commits once per event. A change the referral's state forbids is logged and dropped: retrying would not make
/// it valid. An unknown referral follows the suite's one rule (<see cref="NotYetKnownException"/>).
/// </summary>
public abstract class ReferralEventConsumer<TMessage>(
    ReferralDbContext db,
    IIntegrationEventOutbox outbox,
    TimeProvider time,
    ILogger logger) : IdempotentConsumer<ReferralDbContext, TMessage>(db)
    where TMessage : IntegrationEvent
{
    private readonly ReferralDbContext _db = db;

    protected abstract Actor Source { get; }

    protected async Task ApplyAsync(Guid referralId, Func<Domain.Referral, DateTimeOffset, bool> change, CancellationToken ct)
    {
        var referral = NotYetKnownException.Require(await _db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct), "Referral", referralId);

        try
        {
            if (!change(referral, time.GetUtcNow()))
            {
                logger.LogInformation("{Event} does not apply to referral {ReferralId} in status {Status}", typeof(TMessage).Name, referralId, referral.Status);
            }
        }
        catch (RuleViolation violation)
        {
            logger.LogWarning("{Event} cannot apply to referral {ReferralId}: {Reason}", typeof(TMessage).Name, referralId, violation.Message);
        }

        foreach (var integrationEvent in referral.DequeueEvents())
        {
            outbox.Add(integrationEvent);
        }
    }
}

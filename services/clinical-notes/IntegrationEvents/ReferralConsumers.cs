using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Contracts.Referrals;
using MedMassage.Messaging.Inbox;

namespace MedMassage.ClinicalNotes.Api.IntegrationEvents;

/// <summary>
/// Keeps the local copy of a referral equal to the referral service's: the first state of an accepted referral creates
/// it, later ones apply only when newer, so a repeat or an old state arriving late changes nothing.
/// </summary>
public sealed class ReferralChangedConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralChanged>(db)
{
    protected override async Task HandleAsync(ReferralChanged m, CancellationToken ct)
    {
        var state = m.Referral;
        if (await db.Referrals.FindAsync([state.ReferralId], ct) is { } referral)
        {
            referral.Apply(state);
        }
        else if (state.Status is not (ReferralStatuses.Received or ReferralStatuses.Rejected))
        {
            db.Referrals.Add(CareReferral.From(state)); // care is documented only for referrals that were accepted
        }
    }
}

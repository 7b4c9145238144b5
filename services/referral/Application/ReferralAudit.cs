using MedMassage.Referral.Api.Domain.Audit;
using MedMassage.Referral.Api.Infrastructure;
using MedMassage.ServiceDefaults.Audit;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.PhysicianLinks;

namespace MedMassage.Referral.Api.Application;

/// <summary>
/// Writes who read or changed which referral. Entries are added to the unit of work: a change's entry is saved in
/// the same transaction as the change; reads are saved (<see cref="SaveReadsAsync"/>) before the response is sent.
/// </summary>
public sealed class ReferralAudit(ReferralDbContext db, ICurrentUser user, TimeProvider time)
{
    public void Record(Domain.Referral referral, string action) => Record(referral.Id, referral.LocationId, action);

    public void Record(Guid referralId, Guid? locationId, string action) =>
        db.Audit.Add(ReferralAuditEntry.Of(time.GetUtcNow(), AuditActor.Of(user), referralId, locationId, action));

    /// <summary>A physician acting through an e-mail link.</summary>
    public void RecordByLink(PhysicianLink link, Domain.Referral referral, string action) =>
        db.Audit.Add(ReferralAuditEntry.Of(time.GetUtcNow(), AuditActor.ByLink(link, user.ClientAddress), referral.Id, referral.LocationId, action));

    /// <summary>Records what a response is about to show and saves it.</summary>
    public Task SaveReadsAsync(IEnumerable<Domain.Referral> shown, string action, CancellationToken ct)
    {
        foreach (var referral in shown)
        {
            Record(referral, action);
        }
        return db.SaveChangesAsync(ct);
    }
}

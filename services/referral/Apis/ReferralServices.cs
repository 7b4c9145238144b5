using MedMassage.Messaging.Outbox;
using MedMassage.Referral.Api.Application;
using MedMassage.Referral.Api.Application.Access;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Infrastructure;
using MedMassage.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Apis;

/// <summary>What every referral endpoint needs, injected as one.</summary>
public sealed class ReferralServices(
    ReferralDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, ICurrentUser user, ReferralAccess access, ReferralAudit audit)
{
    public ReferralDbContext Db => db;
    public TimeProvider Time => time;
    public Actor Actor => new(user.Id, user.Name);
    public ReferralAccess Access => access;
    public ReferralAudit Audit => audit;

    /// <summary>The referrals the caller may read whose patient has this id (inside the JSON column, so matched in SQL).</summary>
    public IQueryable<Domain.Referral> ReadableOfPatient(string patientId) =>
        access.Readable(db.Referrals.FromSql($"SELECT *, xmin FROM referrals WHERE patient->>'id' = {patientId}"));

    /// <summary>
    /// Which of these referrals' possible duplicates the caller may read. A duplicate is named only to those who may
    /// see both, so the flag never tells anyone of a referral outside their view.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> ReadableDuplicatesAsync(IEnumerable<Domain.Referral> referrals, CancellationToken ct)
    {
        var ids = referrals.Select(r => r.PossibleDuplicateOf).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? new HashSet<Guid>()
            : (await access.Readable(db.Referrals).Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Stores the referral's changes and the events they raised in one transaction.</summary>
    public Task SaveAsync(Domain.Referral referral, CancellationToken ct)
    {
        foreach (var integrationEvent in referral.DequeueEvents())
        {
            outbox.Add(integrationEvent);
        }
        return db.SaveChangesAsync(ct);
    }
}

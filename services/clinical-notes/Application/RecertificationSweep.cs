using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Application;

/// <summary>
/// Asks for the physician's (re)certification of each active plan some days before it is due
/// (<c>ClinicalNotes:RecertificationAlertDaysBefore</c>, default 7), so care does not stop at the deadline for want of a
/// signature. Once per plan and due date however often it runs and on however many replicas: a row of
/// <c>plan_certification_alerts</c> is claimed (insert, on conflict nothing) in the transaction that writes the event to
/// the outbox; a concurrent claim waits for the first to commit, then finds the row taken.
/// </summary>
internal sealed class RecertificationSweep(ClinicalNotesDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IConfiguration configuration)
{
    private int DaysBefore => configuration.GetValue("ClinicalNotes:RecertificationAlertDaysBefore", 7);

    /// <returns>How many plans were announced by this run.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Certifications are a jsonb list, so the deadline is computed here; active plans of open referrals are few.
        var plans = await db.TreatmentPlans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Active)
            .Join(db.Referrals.Where(r => (r.Status == ReferralStatuses.Accepted || r.Status == ReferralStatuses.InTreatment) && r.DischargedAt == null), p => p.ReferralId, r => r.Id,
                (p, r) => new { Plan = p, r.LocationId })
            .ToListAsync(ct);
        var due = plans
            .Where(x => x.Plan.CertificationDeadline is { } dueBy && CertificationRules.IsTimeToAsk(dueBy, today, DaysBefore))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var announced = 0;
        foreach (var (plan, locationId) in due.Select(x => (x.Plan, x.LocationId)))
        {
            var dueBy = plan.CertificationDeadline!.Value;
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO plan_certification_alerts (plan_id, due_by, version, alerted_at) VALUES ({plan.Id}, {dueBy}, {plan.Version}, {now}) ON CONFLICT DO NOTHING",
                ct);
            if (claimed == 1)
            {
                outbox.Add(new PlanRecertificationDue(plan.Id, plan.Version, plan.ReferralId, locationId, dueBy, plan.LatestCertification?.CertifiedAt));
                announced++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return announced;
    }
}

using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Application;

/// <summary>
/// Watches the deadlines nobody's action triggers: notes left unsigned for more than 24 hours and re-evaluations that
/// fall due by the 30-day rule. Each is announced once; the flags commit with the events (outbox), so a crash neither
/// loses nor repeats them.
/// </summary>
internal sealed class ClinicalDeadlineMonitor(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration,
    ILogger<ClinicalDeadlineMonitor> logger) : BackgroundService
{
    private TimeSpan Interval => configuration.GetValue("ClinicalNotes:DeadlineScanInterval", TimeSpan.FromMinutes(5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Clinical deadline scan failed; retrying at the next interval");
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task ScanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicalNotesDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        var now = time.GetUtcNow();

        var overdueSince = now - VisitNote.SignatureDueWithin;
        var unsigned = await db.VisitNotes.Where(n => n.SignedAt == null && n.FlaggedUnsignedAt == null && n.CreatedAt < overdueSince).ToListAsync(ct);
        foreach (var group in unsigned.Where(n => n.TryFlagUnsigned(now)).GroupBy(n => n.TherapistId))
        {
            outbox.Add(new UnsignedNotesFlagged(group.Key, [.. group.Select(n => n.Id)]));
        }

        var evaluatedBefore = now - ReEvaluationSchedule.TimeInterval;
        var referrals = await db.Referrals
            .Where(r => !r.ReEvaluationDueNotified && r.DischargedAt == null && r.LatestEvaluationAt != null && r.LatestEvaluationAt <= evaluatedBefore)
            .ToListAsync(ct);
        foreach (var referral in referrals.Where(r => r.TryMarkReEvaluationDue(now)))
        {
            var therapistId = await db.Evaluations.Where(e => e.Id == referral.LatestEvaluationId).Select(e => e.TherapistId).SingleAsync(ct);
            outbox.Add(new ReEvaluationDue(referral.Id, therapistId, referral.VisitsSinceEvaluation,
                ReEvaluationSchedule.DueBy(referral.VisitsSinceEvaluation, referral.LatestEvaluationAt!.Value, now)));
        }
        await db.SaveChangesAsync(ct);
    }
}

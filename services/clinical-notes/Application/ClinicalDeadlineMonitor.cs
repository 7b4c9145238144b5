using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Messaging.Outbox;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Application;

/// <summary>
/// Watches the deadlines nobody's action triggers: notes left unsigned for more than 24 hours and re-evaluations that
/// fall due by the 30-day rule. Each is announced once; the flags commit with the events (outbox), so a crash neither
/// loses nor repeats them. Once a day it also asks for plan certifications falling due (<see cref="RecertificationSweep"/>).
/// </summary>
internal sealed class ClinicalDeadlineMonitor(IServiceScopeFactory scopes, SingleReplica single, TimeProvider time, IConfiguration configuration,
    ILogger<ClinicalDeadlineMonitor> logger) : BackgroundService
{
    private TimeSpan Interval => configuration.GetValue("ClinicalNotes:DeadlineScanInterval", TimeSpan.FromMinutes(5));

    // The UTC day certifications were last swept on: due dates are days, so once a day is enough. A restart sweeps
    // again, which the sweep's own once-per-plan-and-date claim makes harmless.
    private DateOnly? _certificationsSweptOn;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Separately, so one failing never keeps the other from running.
            // One replica at a time: two scanning together would both flag the same note and announce it twice.
            await TryAsync(ct => single.TryRunAsync("clinical-deadlines", ScanAsync, ct), "Clinical deadline scan", stoppingToken);
            await TryAsync(ct => single.TryRunAsync("plan-certifications", SweepCertificationsDailyAsync, ct), "Plan certification sweep", stoppingToken);
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

    private async Task TryAsync(Func<CancellationToken, Task> work, string what, CancellationToken ct)
    {
        try
        {
            await work(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "{What} failed; retrying at the next interval", what);
        }
    }

    internal async Task SweepCertificationsDailyAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (_certificationsSweptOn == today)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecertificationSweep>().SweepAsync(ct);
        _certificationsSweptOn = today;
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

using MedMassage.Messaging.Outbox;
using MedMassage.Referral.Api.Domain;
using MedMassage.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedMassage.Referral.Api.Infrastructure.Sweeps;

/// <summary>
/// Looks at open referrals near their end date on a schedule, so they expire and staff hear the authorization is
/// running out even when nobody opens or visits them. Each referral is judged by its location's calendar and saved on
/// its own with the row-version check: a replica or a request that changed it first wins, and the referral itself
/// remembers which alerts it raised, so every effect happens once however many replicas sweep; one replica sweeps at a
/// time (<see cref="SingleReplica"/>), so they do not do the same work twice.
/// </summary>
internal sealed class ReferralSweep(
    IServiceScopeFactory scopes,
    SingleReplica single,
    TimeProvider time,
    IOptions<ReferralOptions> options,
    ILogger<ReferralSweep> logger) : BackgroundService
{
    private static readonly Actor Actor = Actor.Service("referral-sweep");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryCheckInterval, time);
        do
        {
            try
            {
                var changed = 0;
                await single.TryRunAsync("referral-sweep", async ct => changed = await SweepAsync(ct), stoppingToken);
                if (changed > 0)
                {
                    logger.LogInformation("The referral sweep changed {Count} referrals", changed);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Referral sweep failed; trying again at the next tick");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // A day of margin covers every zone's calendar; each referral is then judged by its own location's date.
        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(Domain.Referral.ExpiryWarningDays + 1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var due = await db.Referrals.AsNoTracking()
            .Where(r => r.ValidUntil <= horizon)
            .Where(r => r.Status == ReferralStatus.Received || r.Status == ReferralStatus.Accepted
                || r.Status == ReferralStatus.OnHold || r.Status == ReferralStatus.InTreatment)
            .Select(r => new { r.Id, r.LocationId })
            .ToListAsync(ct);
        var locationIds = due.Where(r => r.LocationId is not null).Select(r => r.LocationId!.Value).Distinct().ToList();
        var zones = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.TimeZone, ct);
        var changed = 0;
        foreach (var referral in due)
        {
            var zone = referral.LocationId is { } id ? zones.GetValueOrDefault(id) : null;
            changed += await SweepOneAsync(referral.Id, LocationCalendar.Today(zone, now), now, ct) ? 1 : 0;
        }
        return changed;
    }

    private async Task<bool> SweepOneAsync(Guid id, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        var referral = await db.Referrals.FirstAsync(r => r.Id == id, ct);
        if (!referral.ExpireIfDue(today, Actor, now))
        {
            referral.WatchAuthorization(today, Actor, now);
        }
        var events = referral.DequeueEvents();
        if (events.Count == 0)
        {
            return false;
        }
        foreach (var integrationEvent in events)
        {
            outbox.Add(integrationEvent);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // changed meanwhile; the next pass looks at it again
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

using MedMassage.Messaging.Outbox;
using MedMassage.Referral.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedMassage.Referral.Api.Infrastructure.Expiry;

/// <summary>
/// Finds open referrals past their valid-until date on a schedule, so they expire (and tell the other services)
/// even when nobody opens them. Each referral is saved on its own with the row-version check: a replica or a
/// request that changed it first wins, and the expiry is published once.
/// </summary>
internal sealed class ReferralExpiryCheck(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ReferralOptions> options,
    ILogger<ReferralExpiryCheck> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly Actor Actor = Actor.Service("referral-expiry-check");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryCheckInterval, time);
        do
        {
            try
            {
                var expired = await ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} referrals", expired);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Referral expiry check failed; trying again at the next tick");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var expired = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            var due = await db.Referrals
                .Where(r => r.ValidUntil < today)
                .Where(r => r.Status == ReferralStatus.Received || r.Status == ReferralStatus.Accepted
                    || r.Status == ReferralStatus.OnHold || r.Status == ReferralStatus.InTreatment)
                .OrderBy(r => r.ValidUntil)
                .Select(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            var expiredInBatch = 0;
            foreach (var id in due)
            {
                expiredInBatch += await ExpireAsync(id, now, ct) ? 1 : 0;
            }
            expired += expiredInBatch;
            if (due.Count < BatchSize || expiredInBatch == 0)
            {
                return expired;
            }
        }
    }

    private async Task<bool> ExpireAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        var referral = await db.Referrals.FirstAsync(r => r.Id == id, ct);
        if (!referral.ExpireIfDue(Actor, now))
        {
            return false;
        }
        foreach (var integrationEvent in referral.DequeueEvents())
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

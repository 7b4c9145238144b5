using System.Diagnostics;
using MedMassage.Contracts;
using MedMassage.Contracts.Referrals;
using MedMassage.Testing;
using Npgsql;

namespace MedMassage.LoadTest;

/// <summary>
/// Accepted referrals for scheduling's read model, published on the suite's own RabbitMQ exactly as the referral
/// service publishes <see cref="ReferralAccepted"/> (submitting and accepting thousands through the referral API
/// would take far longer than the measurements). Every consumer of the event gets it, notification included.
/// </summary>
public sealed class ReferralFeed(EventProbe bus, string schedulingDatabase, Guid locationId) : IAsyncDisposable
{
    public static readonly string[] Techniques = ["myofascial release", "lymphatic drainage"];

    public static async Task<ReferralFeed> StartAsync(Suite suite, Guid locationId) =>
        new(await EventProbe.StartAsync(suite.EventBus), suite.SchedulingDatabase, locationId);

    /// <summary>Publishes <paramref name="count"/> acceptances and returns once scheduling knows every one.</summary>
    public async Task<Guid[]> AcceptAsync(int count, DateOnly validUntil)
    {
        var clock = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var chunk in ids.Chunk(200))
        {
            // What the referral service publishes when it accepts a referral: its whole state (the copies apply only newer ones).
            await Task.WhenAll(chunk.Select(id => bus.PublishAsync(new ReferralChanged(new ReferralState(id, 1, $"R-{id.ToString()[..7]}",
                ReferralStatuses.Accepted, null, locationId,
                new PatientContact(Guid.NewGuid(), $"Patient {id.ToString()[..8]}", $"patient-{id:N}@example.org", "+15550101", "email", "en"),
                new PhysicianContact("Dr. Jane Doe", "1234567893", "Springfield Medical", null, null, null),
                ["M54.50"], Techniques, ["lower back"], [], [], today, validUntil, new VisitCounts(12, 0, 12), false, null, null)))));
        }
        var published = clock.Elapsed;

        await using var connection = new NpgsqlConnection(schedulingDatabase);
        await connection.OpenAsync();
        long known;
        var deadline = DateTime.UtcNow.AddMinutes(15);
        do
        {
            await Task.Delay(1000);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM referrals WHERE id = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", ids);
            known = (long)(await command.ExecuteScalarAsync())!;
        }
        while (known < count && DateTime.UtcNow < deadline);
        if (known < count)
        {
            throw new TimeoutException($"Scheduling knows {known} of {count} referrals after 15 minutes.");
        }
        Console.WriteLine($"  {count} referrals accepted: published in {published.TotalSeconds:0.0} s, all in scheduling's read model after {clock.Elapsed.TotalSeconds:0.0} s");
        return ids;
    }

    public ValueTask DisposeAsync() => bus.DisposeAsync();
}

using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace MedMassage.LoadTest;

/// <summary>
/// Evaluations booked through the gateway, each for its own newly accepted referral: back to back by many clients
/// (the most the suite sustains), at a fixed arrival rate, and raced for (many clients, the same slots).
/// </summary>
public sealed class BookingBenchmark(HttpClient gateway, Clinic clinic, ReferralFeed referrals, SlotPool slots, Meters meters)
{
    public const string Path = "/api/scheduling/appointments";

    private readonly ConcurrentDictionary<Guid, int> _answers = new();

    /// <summary>Each booking's referral and the status it got (0: no answer), for checking against the database.</summary>
    public IReadOnlyDictionary<Guid, int> Answers => _answers;

    private async Task<int> BookAsync(Guid referral, (Guid Therapist, DateTimeOffset StartsAt) slot)
    {
        _answers[referral] = 0;
        using var response = await gateway.PostAsJsonAsync(Path, new
        {
            referralId = referral,
            locationId = clinic.LocationId,
            therapistId = slot.Therapist,
            appointmentType = "evaluation",
            startsAt = slot.StartsAt,
        });
        return _answers[referral] = (int)response.StatusCode;
    }

    public async Task<RunResult> SustainedAsync(int clients, TimeSpan duration, int available)
    {
        var (ids, pool) = (await referrals.AcceptAsync(available, slots.LastDay), slots.Take(available));
        await Quiet.WaitAsync(meters.Cpu);
        return await meters.MeasureAsync(async () =>
        {
            var recorder = await Load.ClosedLoopAsync(clients, duration, available, i => BookAsync(ids[i], pool[i]));
            var result = recorder.Result($"Booking, {clients} clients back to back", 201);
            return result.Requests >= available ? result with { Note = $"stopped early: all {available} prepared referrals used" } : result;
        });
    }

    public async Task<RunResult> FixedRateAsync(double rate, TimeSpan duration, int maxInFlight, Func<Task> settle)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var (ids, pool) = (await referrals.AcceptAsync(count, slots.LastDay), slots.Take(count));
        await settle();
        return await meters.MeasureAsync(async () =>
            (await Load.OpenLoopAsync(rate, duration, maxInFlight, i => BookAsync(ids[i], pool[i]))).Result($"Booking at a fixed {rate:0}/s", 201));
    }

    /// <summary>
    /// <paramref name="racers"/> clients (each with its own referral) race for each of <paramref name="slotCount"/>
    /// slots, ten slots at a time. Exactly one may win each slot; everyone else must get 409.
    /// </summary>
    public async Task<(RunResult Result, RaceOutcome Races)> ContendedAsync(int slotCount, int racers)
    {
        var ids = await referrals.AcceptAsync(slotCount * racers, slots.LastDay);
        var raced = slots.Take(slotCount);
        await Quiet.WaitAsync(meters.Cpu);
        var wins = new ConcurrentDictionary<int, int>();
        var result = await meters.MeasureAsync(async () =>
        {
            var recorder = new Recorder(ids.Length);
            const int slotsAtOnce = 10;
            for (var first = 0; first < slotCount; first += slotsAtOnce)
            {
                var batch = Math.Min(slotsAtOnce, slotCount - first);
                var offset = first;
                await Load.RaceAsync(recorder, batch * racers, async i =>
                {
                    var slot = offset + i % batch;
                    var status = await BookAsync(ids[offset * racers + i], raced[slot]);
                    if (status == 201)
                    {
                        wins.AddOrUpdate(slot, 1, (_, n) => n + 1);
                    }
                    return status;
                });
            }
            return recorder.Result($"Booking raced: {racers} clients per slot, {slotCount} slots", 201);
        });
        var races = new RaceOutcome(slotCount, Enumerable.Range(0, slotCount).Count(s => wins.GetValueOrDefault(s) == 1),
            wins.Values.Count(n => n > 1), slotCount - wins.Count);
        return (result, races);
    }
}

/// <summary>How the races ended, from the answers: one 201 per slot is right; more would be a double booking.</summary>
public sealed record RaceOutcome(int Slots, int ExactlyOneWinner, int MoreThanOneWinner, int NoWinner);

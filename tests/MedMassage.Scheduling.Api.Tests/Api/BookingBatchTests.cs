using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using MedMassage.Contracts.Scheduling;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MedMassage.Scheduling.Api.Tests.Api;

/// <summary>
/// Bookings that arrive together are written in one transaction; each must still get the answer it would have
/// got alone, and a batch that meets a writer outside it must neither fail nor double-book.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BookingBatchTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Bookings_arriving_together_share_a_transaction_yet_each_gets_its_own_answer()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        using var meters = BookingMeters.Of(service);
        var location = await service.CreateLocationAsync(rooms: 4);
        var (ana, ben, cy, dee) = (await service.CreateTherapistAsync(location, "Ana"), await service.CreateTherapistAsync(location, "Ben"),
            await service.CreateTherapistAsync(location, "Cy"), await service.CreateTherapistAsync(location, "Dee"));
        var referrals = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => service.AcceptReferralAsync()));
        var (first, second, clean, early, past, twice) = (referrals[0], referrals[1], referrals[2], referrals[3], referrals[4], referrals[5]);

        var requests = new (Guid Referral, Guid Therapist, string Type, DateTimeOffset At)[]
        {
            (first, ana, "evaluation", NewYork.At(2, 10)),
            (second, ana, "evaluation", NewYork.At(2, 10, 30)), // overlaps the one before for Ana
            (clean, ben, "evaluation", NewYork.At(2, 10)),
            (early, cy, "treatment-45", NewYork.At(2, 10)),
            (past, dee, "evaluation", NewYork.At(1, 7)),
            (twice, cy, "evaluation", NewYork.At(2, 12)),
            (twice, dee, "evaluation", NewYork.At(2, 12)),
            (Guid.NewGuid(), dee, "evaluation", NewYork.At(3, 10)),
        };
        using var start = new SemaphoreSlim(0);
        var attempts = requests.Select(async r =>
        {
            await start.WaitAsync();
            return await service.BookAsync(r.Referral, location, r.Therapist, r.Type, r.At);
        }).ToList();
        start.Release(attempts.Count);
        var responses = await Task.WhenAll(attempts);

        Assert.True(meters.LargestBatch > 1, $"no two bookings shared a transaction (largest batch {meters.LargestBatch})");
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses.Take(2), HttpStatusCode.Created);
        Assert.Equal("therapist-double-booked", await SchedulingService.RuleOf(responses.Take(2).Single(r => r.StatusCode != HttpStatusCode.Created)));
        Assert.Equal(HttpStatusCode.Created, statuses[2]);
        Assert.Equal("evaluation-first", await SchedulingService.RuleOf(responses[3]));
        Assert.Equal("in-the-past", await SchedulingService.RuleOf(responses[4]));
        Assert.Single(statuses.Skip(5).Take(2), HttpStatusCode.Created);
        Assert.Equal("evaluation-exists", await SchedulingService.RuleOf(responses.Skip(5).Take(2).Single(r => r.StatusCode != HttpStatusCode.Created)));
        Assert.Equal(HttpStatusCode.NotFound, statuses[7]);

        // Every 201 describes its own request's visit, not a neighbour's in the batch.
        for (var i = 0; i < requests.Length; i++)
        {
            if (statuses[i] != HttpStatusCode.Created)
            {
                continue;
            }
            var view = JsonDocument.Parse(await responses[i].Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(requests[i].Referral, view.GetProperty("referralId").GetGuid());
            Assert.Equal(requests[i].Therapist, view.GetProperty("therapistId").GetGuid());
            Assert.Equal(requests[i].At, view.GetProperty("startsAt").GetDateTimeOffset());
        }
        var booked = statuses.Count(s => s == HttpStatusCode.Created);
        Assert.Equal(3, booked);
        Assert.Equal((long)booked, await ScalarAsync(service, $"SELECT count(*) FROM appointments WHERE location_id = '{location}'"));
        await service.Probe.WaitForAsync<AppointmentBooked>(e => e.Appointment.ReferralId == twice);
        await Task.Delay(500);
        Assert.Equal(booked, service.Probe.Count<AppointmentBooked>(e => referrals.Contains(e.Appointment.ReferralId)));
    }

    [Fact]
    public async Task A_batch_that_meets_a_booking_written_outside_it_is_decided_again_refusing_the_clash_and_booking_the_rest()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        using var meters = BookingMeters.Of(service);
        var location = await service.CreateLocationAsync(rooms: 4);
        var ana = await service.CreateTherapistAsync(location, "Ana");
        var ben = await service.CreateTherapistAsync(location, "Ben");
        var (outside, clashing, innocent) = (await service.AcceptReferralAsync(), await service.AcceptReferralAsync(), await service.AcceptReferralAsync());

        // Another writer has Ana at 10:00 in a transaction not yet committed: the batch cannot see it, and its
        // insert waits on the exclusion constraint until that writer is done.
        await using var writer = new NpgsqlConnection(service.DatabaseConnectionString);
        await writer.OpenAsync();
        await using var tx = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO appointments (id, referral_id, location_id, therapist_id, room_id, type_code, kind, starts_at, ends_at, status, techniques, booked_at, updated_at)
            VALUES ('{Guid.NewGuid()}', '{outside}', '{location}', '{ana}', '{Guid.NewGuid()}', 'evaluation', 'Evaluation',
                '{NewYork.At(2, 10).UtcDateTime:O}', '{NewYork.At(2, 11).UtcDateTime:O}', 'Booked', ARRAY[]::text[], now(), now())
            """, writer, tx))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var attempts = new[]
        {
            service.BookAsync(clashing, location, ana, "evaluation", NewYork.At(2, 10)),
            service.BookAsync(innocent, location, ben, "evaluation", NewYork.At(2, 10)),
        };
        await Eventually.WaitAsync(() => ScalarAsync(service,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"),
            waiting => waiting is long n && n > 0, what: "a booking waiting on the outside writer");
        await tx.CommitAsync();
        var responses = await Task.WhenAll(attempts);

        Assert.Equal("therapist-double-booked", await SchedulingService.RuleOf(responses[0]));
        Assert.Equal(HttpStatusCode.Created, responses[1].StatusCode);
        Assert.Equal(1L, await ScalarAsync(service, $"SELECT count(*) FROM appointments WHERE therapist_id = '{ana}'"));
        Assert.Equal(1L, await ScalarAsync(service, $"SELECT count(*) FROM appointments WHERE referral_id = '{innocent}'"));
        await service.Probe.WaitForAsync<AppointmentBooked>(e => e.Appointment.ReferralId == innocent);
        await Task.Delay(500);
        Assert.Equal(1, service.Probe.Count<AppointmentBooked>(e => e.Appointment.ReferralId == innocent));
        Assert.Equal(0, service.Probe.Count<AppointmentBooked>(e => e.Appointment.ReferralId == clashing));
        // Decided again with fresh reads, not taken apart into single bookings.
        Assert.Equal(1, meters.Total(BookingBatchMetrics.MetAnotherWriterInstrument));
        Assert.Equal(0, meters.Total(BookingBatchMetrics.OneByOneInstrument));
    }

    private static async Task<object?> ScalarAsync(SchedulingService service, string sql)
    {
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>What one service instance's booking meters record (its own meter factory tells it from others in the process).</summary>
    private sealed class BookingMeters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, long Value)> _measured = [];

        public int LargestBatch => (int)_measured.Where(m => m.Instrument == BookingQueue.BatchSizeInstrument).Select(m => m.Value).DefaultIfEmpty(0).Max();

        public long Total(string instrument) => _measured.Where(m => m.Instrument == instrument).Sum(m => m.Value);

        public static BookingMeters Of(SchedulingService service)
        {
            var factory = service.Services.GetRequiredService<IMeterFactory>();
            var meters = new BookingMeters();
            meters._listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BookingQueue.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            meters._listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => meters._measured.Enqueue((instrument.Name, value)));
            meters._listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => meters._measured.Enqueue((instrument.Name, value)));
            meters._listener.Start();
            return meters;
        }

        public void Dispose() => _listener.Dispose();
    }
}

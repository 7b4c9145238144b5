using System.Net;
using MedMassage.Contracts.Scheduling;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;
using Npgsql;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ConcurrencyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Fifty_concurrent_bookings_of_one_therapist_time_let_exactly_one_win_and_the_rest_get_409()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync(rooms: 3);
        var dana = await service.CreateTherapistAsync(location);
        var referrals = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => service.AcceptReferralAsync()));

        using var start = new SemaphoreSlim(0);
        var attempts = referrals.Select(async referral =>
        {
            await start.WaitAsync();
            return await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(2, 10));
        }).ToList();
        start.Release(attempts.Count);
        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1L, await ScalarAsync(service, $"SELECT count(*) FROM appointments WHERE therapist_id = '{dana}'"));
        await service.Probe.WaitForAsync<AppointmentBooked>(e => e.Appointment.TherapistId == dana);
        await Task.Delay(500);
        Assert.Equal(1, service.Probe.Count<AppointmentBooked>(e => e.Appointment.TherapistId == dana));
    }

    [Fact]
    public async Task Concurrent_evaluations_for_one_referral_at_different_times_book_exactly_one()
    {
        // Nothing in the database forbids two evaluations of one referral: the referral's row lock makes the
        // second booking wait for the first and then see it.
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync(rooms: 10);
        var therapists = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            therapists.Add(await service.CreateTherapistAsync(location, $"Therapist {i}"));
        }
        var referral = await service.AcceptReferralAsync();

        using var start = new SemaphoreSlim(0);
        var attempts = therapists.Select(async (therapist, i) =>
        {
            await start.WaitAsync();
            return await service.BookAsync(referral, location, therapist, "evaluation", NewYork.At(2, 9 + i % 7));
        }).ToList();
        start.Release(attempts.Count);
        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("evaluation-exists", await SchedulingService.RuleOf(refused));
        }
        Assert.Equal(1L, await ScalarAsync(service, $"SELECT count(*) FROM appointments WHERE referral_id = '{referral}'"));
    }

    [Fact]
    public async Task Many_therapists_racing_for_the_last_rooms_get_201_or_409_and_never_an_error()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync(rooms: 2);
        var therapists = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            therapists.Add(await service.CreateTherapistAsync(location, $"Therapist {i}"));
        }

        var statuses = new List<HttpStatusCode>();
        foreach (var hour in new[] { 9, 11, 13, 15 })
        {
            var referrals = await Task.WhenAll(therapists.Select(_ => service.AcceptReferralAsync()));
            using var start = new SemaphoreSlim(0);
            var attempts = therapists.Select(async (therapist, i) =>
            {
                await start.WaitAsync();
                return await service.BookAsync(referrals[i], location, therapist, "evaluation", NewYork.At(3, hour));
            }).ToList();
            start.Release(attempts.Count);
            var round = (await Task.WhenAll(attempts)).Select(r => r.StatusCode).ToList();

            // Two rooms: two visits fit at that hour, whoever wins them; every other answer is a clean refusal.
            Assert.Equal(2, round.Count(s => s == HttpStatusCode.Created));
            statuses.AddRange(round);
        }

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, s.ToString()));
    }

    [Fact]
    public async Task The_database_itself_refuses_overlapping_live_appointments_for_a_therapist_or_a_room_but_not_cancelled_ones()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();
        var room = Guid.NewGuid();
        string Insert(Guid therapist, Guid roomId, string status, string from, string to) => $"""
            INSERT INTO appointments (id, referral_id, location_id, therapist_id, room_id, type_code, kind, starts_at, ends_at, status, techniques, booked_at, updated_at)
            VALUES ('{Guid.NewGuid()}', '{referral}', '{location}', '{therapist}', '{roomId}', 'evaluation', 'Evaluation', '{from}', '{to}', '{status}', ARRAY[]::text[], now(), now())
            """;

        await ScalarAsync(service, Insert(dana, room, "Booked", "2026-06-02 14:00Z", "2026-06-02 15:00Z"));
        var therapistClash = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(service, Insert(dana, Guid.NewGuid(), "Booked", "2026-06-02 14:30Z", "2026-06-02 15:30Z")));
        var other = await service.CreateTherapistAsync(location, "Max Roth");
        var roomClash = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(service, Insert(other, room, "Booked", "2026-06-02 14:59Z", "2026-06-02 16:00Z")));
        await ScalarAsync(service, Insert(dana, room, "Cancelled", "2026-06-02 14:00Z", "2026-06-02 15:00Z"));
        await ScalarAsync(service, Insert(dana, room, "Booked", "2026-06-02 15:00Z", "2026-06-02 16:00Z")); // back to back is fine

        Assert.Equal("appointments_therapist_no_overlap", therapistClash.ConstraintName);
        Assert.Equal("appointments_room_no_overlap", roomClash.ConstraintName);
    }

    private static async Task<object?> ScalarAsync(SchedulingService service, string sql)
    {
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

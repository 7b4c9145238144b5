using System.Text.RegularExpressions;
using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;
using Npgsql;

namespace MedMassage.Scheduling.Api.Tests.Api;

/// <summary>
/// What a booking batch reads must not grow with the location's history: a clinic's book only gets longer, and the
/// batch read runs for every few bookings. Checked on the plan PostgreSQL chooses, not by timing it.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BatchReadPlanTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_booking_batch_reads_a_busy_location_and_therapist_by_index_never_by_scanning_their_history()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync(rooms: 4);
        var therapist = await service.CreateTherapistAsync(location, "Ana");
        var referral = await service.AcceptReferralAsync();
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        await connection.OpenAsync();
        // Two busy years of one therapist at one location: 6,000 visits, three hours apart.
        await using (var history = new NpgsqlCommand($"""
            INSERT INTO appointments (id, referral_id, location_id, therapist_id, room_id, type_code, kind, starts_at, ends_at, status, techniques, booked_at, updated_at)
            SELECT gen_random_uuid(), '{referral}', '{location}', '{therapist}', gen_random_uuid(), 'evaluation', 'Evaluation',
                timestamptz '2024-01-01 14:00Z' + n * interval '3 hours', timestamptz '2024-01-01 15:00Z' + n * interval '3 hours',
                'Booked', ARRAY[]::text[], now(), now()
            FROM generate_series(1, 6000) n;
            ANALYZE appointments;
            """, connection))
        {
            await history.ExecuteNonQueryAsync();
        }
        var visits = Enumerable.Range(0, 10)
            .Select(i => (location, therapist, new Interval(new DateTimeOffset(2025, 3, 3, 14 + i % 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 3, 15 + i % 6, 0, 0, TimeSpan.Zero))))
            .ToList();

        var plan = await ExplainAsync(connection, BatchReads.AppointmentsConcerned([Guid.NewGuid()], visits));

        Assert.False(plan.Contains("Seq Scan on appointments", StringComparison.Ordinal), plan);
        Assert.Contains("appointments_location_time", plan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, FormattableString query)
    {
        // The query's {0}, {1}… become $1, $2…, bound to the same values EF Core would send.
        var sql = Regex.Replace(query.Format, @"\{(\d+)\}", m => "$" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1));
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var argument in query.GetArguments())
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = argument });
        }
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }
}

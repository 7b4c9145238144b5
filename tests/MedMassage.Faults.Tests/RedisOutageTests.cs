using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MedMassage.Hosting;
using MedMassage.Testing;
using Xunit.Abstractions;

namespace MedMassage.Faults.Tests;

/// <summary>
/// Redis away (saved, stopped, started again with its data, as after a network outage): slot search works uncached,
/// booking stays correct (one booking of a contested slot, no double booking), slot holds answer 503 with Retry-After
/// and the gateway lets traffic through; once Redis is back, holds work again and no search shows time booked during the
/// outage as free (the schedule changes made meanwhile are counted as soon as Redis answers).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RedisOutageTests(FaultSuite faults, ITestOutputHelper output)
{
    private const int Contenders = 8;

    [Fact]
    public async Task Without_Redis_search_and_booking_stay_correct_holds_wait_and_nothing_is_stale_after_it_returns()
    {
        var suite = faults.Suite;
        using var admin = await faults.AdminAsync();
        using var office = await faults.OfficeAsync();
        var therapist = (await faults.ClinicAsync(admin, 4))[3];
        var run = Guid.NewGuid().ToString("N")[..8];
        var referrals = new List<Guid>();
        for (var i = 0; i <= Contenders; i++)
        {
            using var submitted = await FaultSuite.SubmitAsync(office, $"r{i}-{run}@patients.example", i, lastName: $"Redis{run}");
            var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await admin.PostAsync($"/api/referrals/{id}/accept", null)).EnsureSuccessStatusCode();
            referrals.Add(id);
        }
        // A day no other fault test books, and its 10:00 with the fourth therapist: the contested slot.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60 + Random.Shared.Next(30));
        var contested = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var before = await Eventually.WaitAsync(() => StartsAsync(admin, referrals[0], day, therapist), s => s.Contains(contested),
            TimeSpan.FromMinutes(1), "the referral known to scheduling"); // cached from here on

        var clock = Stopwatch.StartNew();
        await SaveAndStopAsync(suite);
        var down = clock.Elapsed;

        var uncached = await StartsAsync(admin, referrals[0], day, therapist);
        var searched = clock.Elapsed;
        var bookings = await Task.WhenAll(referrals.Skip(1).Select(referral => admin.PostAsJsonAsync("/api/scheduling/appointments", new
        {
            referralId = referral, locationId = FaultSuite.Riverside, therapistId = therapist, appointmentType = "evaluation", startsAt = contested,
        })));
        var booked = clock.Elapsed;
        var afterBooking = await StartsAsync(admin, referrals[0], day, therapist);
        using var holdWhileDown = await HoldAsync(admin, referrals[0], therapist, contested.AddHours(2));

        var start = await suite.App.ResourceCommands.ExecuteCommandAsync("redis", "start");
        Assert.True(start.Success, start.Message);
        await suite.App.ResourceNotifications.WaitForResourceHealthyAsync("redis");
        var up = clock.Elapsed;
        using var holdAfter = await Eventually.WaitAsync(() => HoldAsync(admin, referrals[0], therapist, contested.AddHours(3)),
            r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromMinutes(1), "a hold once Redis is back");
        var holdsBack = clock.Elapsed;
        var afterwards = await StartsAsync(admin, referrals[0], day, therapist);

        output.WriteLine($"Redis down {down.TotalSeconds:0.0} → {up.TotalSeconds:0.0} s. While down: search {uncached.Count} starts (before: {before.Count}) in {(searched - down).TotalSeconds:0.0} s; "
            + $"{Contenders} bookings of one slot: {string.Join(", ", bookings.GroupBy(b => (int)b.StatusCode).Select(g => $"{g.Key}: {g.Count()}"))} in {(booked - searched).TotalSeconds:0.0} s; "
            + $"hold {(int)holdWhileDown.StatusCode} (Retry-After {holdWhileDown.Headers.RetryAfter}). Holds back at {holdsBack.TotalSeconds:0.0} s; "
            + $"the booked slot offered afterwards: {afterwards.Contains(contested)}");
        Assert.Equal(before, uncached);
        Assert.Equal(1, bookings.Count(b => b.StatusCode == HttpStatusCode.Created));
        Assert.All(bookings.Where(b => b.StatusCode != HttpStatusCode.Created), b => Assert.Equal(HttpStatusCode.Conflict, b.StatusCode));
        Assert.DoesNotContain(contested, afterBooking);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, holdWhileDown.StatusCode);
        Assert.NotNull(holdWhileDown.Headers.RetryAfter);
        Assert.DoesNotContain(contested, afterwards); // not the answer cached before the outage
        Assert.Equal(afterBooking, afterwards); // the same as the uncached answer right after the booking
    }

    private static async Task<List<DateTimeOffset>> StartsAsync(HttpClient admin, Guid referral, DateOnly day, Guid therapist)
    {
        var answer = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/scheduling/slots?referralId={referral}&locationId={FaultSuite.Riverside}&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&type=evaluation&therapistId={therapist}");
        return [.. answer.GetProperty("therapists").EnumerateArray().SelectMany(t => t.GetProperty("starts").EnumerateArray()).Select(s => s.GetDateTimeOffset().ToUniversalTime())];
    }

    private static Task<HttpResponseMessage> HoldAsync(HttpClient admin, Guid referral, Guid therapist, DateTimeOffset startsAt) =>
        admin.PostAsJsonAsync("/api/scheduling/holds", new { referralId = referral, therapistId = therapist, appointmentType = "evaluation", startsAt, locationId = FaultSuite.Riverside });

    /// <summary>Redis writes its data to disk (so it comes back with it, as after a network outage), then stops.</summary>
    private static async Task SaveAndStopAsync(RunningSuite suite)
    {
        var port = int.Parse((await suite.ConnectionStringAsync("redis")).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync("SAVE\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            Assert.StartsWith("+OK", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        }
        var stop = await suite.App.ResourceCommands.ExecuteCommandAsync("redis", "stop");
        Assert.True(stop.Success, stop.Message);
        await Eventually.WaitAsync(() => FreePort.IsAcceptingAsync(port, CancellationToken.None), accepting => !accepting,
            TimeSpan.FromSeconds(30), "Redis to stop listening");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class SlotSearchTests(InfrastructureFixture infrastructure)
{
    /// <summary>One found slot: whose it is, where, and its start exactly as the answer writes it.</summary>
    private sealed record Found(Guid LocationId, string TimeZone, Guid TherapistId, string TherapistName, string Start);

    private static async Task<List<Found>> SlotsAsync(SchedulingService service, Guid referral, Guid location, string type, string day = "2026-06-02",
        Guid? therapist = null, string? to = null, Guid? alsoLocation = null)
    {
        var url = $"/api/scheduling/slots?referralId={referral}&locationId={location}&from={day}&to={to ?? day}&type={type}"
            + (therapist is null ? "" : $"&therapistId={therapist}") + (alsoLocation is null ? "" : $"&locationId={alsoLocation}");
        var response = await service.Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var found = answer.GetProperty("therapists").EnumerateArray()
            .SelectMany(t => t.GetProperty("starts").EnumerateArray().Select(start => new Found(
                t.GetProperty("locationId").GetGuid(), t.GetProperty("timeZone").GetString()!, t.GetProperty("therapistId").GetGuid(),
                t.GetProperty("therapistName").GetString()!, start.GetString()!)))
            .ToList();
        Assert.Equal(found.Count, answer.GetProperty("count").GetInt32());
        return found;
    }

    private static string Local(Found slot) => slot.Start;

    [Fact]
    public async Task Slots_are_offered_in_the_locations_time_zone_only_with_therapists_certified_for_the_referral()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var certified = await service.CreateTherapistAsync(location, "Dana Reyes", ["Lymphatic Drainage"]);
        await service.CreateTherapistAsync(location, "Max Roth");
        await service.CreateTherapistAsync(location, "Lee Park", ["lymphatic drainage"], licenceExpiresOn: "2026-06-01");
        var referral = await service.AcceptReferralAsync(["lymphatic drainage"]);

        var slots = await SlotsAsync(service, referral, location, "evaluation");

        Assert.All(slots, s => Assert.Equal(certified, s.TherapistId));
        Assert.Equal(29, slots.Count); // 09:00 … 16:00 every quarter hour
        Assert.Equal("2026-06-02T09:00:00-04:00", Local(slots[0]));
        Assert.Equal("2026-06-02T13:00:00+00:00", DateTimeOffset.Parse(slots[0].Start).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:sszzz", null));
        Assert.Equal("America/New_York", slots[0].TimeZone);
        Assert.Equal(("Dana Reyes", location), (slots[0].TherapistName, slots[0].LocationId));
    }

    [Fact]
    public async Task A_week_of_a_busy_clinic_arrives_whole_with_its_length()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        for (var i = 0; i < 6; i++)
        {
            await service.CreateTherapistAsync(location, $"Therapist {i}");
        }
        var referral = await service.AcceptReferralAsync();

        var response = await service.Client.GetAsync($"/api/scheduling/slots?referralId={referral}&locationId={location}&from=2026-06-08&to=2026-06-14&type=evaluation");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length > 16 * 1024, $"the answer ({body.Length} bytes) should outgrow the first buffer it is written into");
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var answer = JsonDocument.Parse(body).RootElement;
        const int slots = 6 * 5 * 29; // six therapists, Monday to Friday, 09:00 … 16:00 every quarter hour
        Assert.Equal(slots, answer.GetProperty("count").GetInt32());
        Assert.Equal(slots, answer.GetProperty("therapists").EnumerateArray().Sum(t => t.GetProperty("starts").GetArrayLength()));
    }

    [Fact]
    public async Task A_booking_removes_its_time_from_the_next_search_and_a_cancellation_brings_it_back()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();
        var other = await service.AcceptReferralAsync();
        var before = await SlotsAsync(service, other, location, "evaluation");

        var id = await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(2, 10)));
        var after = await SlotsAsync(service, other, location, "evaluation");
        await service.Client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { reason = "moved away" });
        var afterCancel = await SlotsAsync(service, other, location, "evaluation");

        Assert.Contains(before, s => Local(s) == "2026-06-02T10:00:00-04:00");
        // 09:15 … 10:45 overlap the 10:00–11:00 evaluation; 09:00 and 11:00 still fit.
        Assert.Equal(before.Count - 7, after.Count);
        Assert.Contains(after, s => Local(s) == "2026-06-02T09:00:00-04:00");
        Assert.Contains(after, s => Local(s) == "2026-06-02T11:00:00-04:00");
        Assert.DoesNotContain(after, s => Local(s) == "2026-06-02T10:30:00-04:00");
        Assert.Equal(before.Count, afterCancel.Count);
    }

    [Fact]
    public async Task A_therapist_booked_at_one_location_is_no_longer_offered_at_that_instant_at_another()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var newYork = await service.CreateLocationAsync();
        var losAngeles = await service.CreateLocationAsync("America/Los_Angeles");
        var dana = await SchedulingService.IdOf(await service.Client.PostAsJsonAsync("/api/scheduling/therapists", new
        {
            name = "Dana Reyes", licenceNumber = "MT-1234", licenceState = "NY", licenceExpiresOn = "2030-01-01",
            certifications = Array.Empty<string>(), specialties = Array.Empty<string>(), locationIds = new[] { newYork, losAngeles },
        }));
        // 12:00–17:00 in New York and 09:00–12:00 in Los Angeles (12:00–15:00 New York time): Dana sees patients
        // remotely from either clinic, so the same instants are offered at both.
        var windows = new[] { new { locationId = newYork, day = "Tuesday", starts = "12:00", ends = "17:00" }, new { locationId = losAngeles, day = "Tuesday", starts = "09:00", ends = "12:00" } };
        (await service.Client.PutAsJsonAsync($"/api/scheduling/therapists/{dana}/availability", new { windows })).EnsureSuccessStatusCode();
        var referral = await service.AcceptReferralAsync();
        var other = await service.AcceptReferralAsync();

        var before = await SlotsAsync(service, other, newYork, "evaluation");
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(referral, losAngeles, dana, "evaluation", NewYork.At(2, 13))).StatusCode);
        var after = await SlotsAsync(service, other, newYork, "evaluation");

        Assert.Contains(before, s => Local(s) == "2026-06-02T13:00:00-04:00");
        // New York's cached answer must not outlive a booking made in Los Angeles: Dana cannot be in two places.
        Assert.DoesNotContain(after, s => Local(s) == "2026-06-02T13:00:00-04:00");
        Assert.Equal(before.Count - 7, after.Count);
    }

    [Fact]
    public async Task A_search_stays_true_to_the_bookings_after_Redis_loses_the_schedule_counters()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var other = await service.AcceptReferralAsync();
        var redis = service.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        // As after a Redis restart without persistence: the location's generation counter is gone.
        async Task LoseCounterAsync() => Assert.True(await redis.KeyDeleteAsync($"scheduling:slots-generation:{location}"));

        await LoseCounterAsync();
        var before = await SlotsAsync(service, other, location, "evaluation");
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(await service.AcceptReferralAsync(), location, dana, "evaluation", NewYork.At(2, 10))).StatusCode);
        await LoseCounterAsync();
        // A counter that restarted from the same number would make the answer cached before the booking current again.
        var after = await SlotsAsync(service, other, location, "evaluation");

        Assert.Contains(before, s => Local(s) == "2026-06-02T10:00:00-04:00");
        Assert.DoesNotContain(after, s => Local(s) == "2026-06-02T10:00:00-04:00");
        Assert.Equal(before.Count - 7, after.Count);
    }

    [Fact]
    public async Task A_held_slot_is_hidden_from_others_refused_to_them_and_freed_when_the_hold_expires()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var holder = await service.AcceptReferralAsync();
        var other = await service.AcceptReferralAsync();

        var hold = await service.Client.PostAsJsonAsync("/api/scheduling/holds",
            new { referralId = holder, therapistId = dana, appointmentType = "evaluation", startsAt = NewYork.At(2, 10) });
        var second = await service.Client.PostAsJsonAsync("/api/scheduling/holds",
            new { referralId = other, therapistId = dana, appointmentType = "evaluation", startsAt = NewYork.At(2, 10, 30) });

        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        Assert.Equal("slot-held", await SchedulingService.RuleOf(second));
        Assert.DoesNotContain(await SlotsAsync(service, other, location, "evaluation"), s => Local(s) == "2026-06-02T10:00:00-04:00");
        Assert.Contains(await SlotsAsync(service, holder, location, "evaluation"), s => Local(s) == "2026-06-02T10:00:00-04:00");
        Assert.Equal("slot-held", await SchedulingService.RuleOf(await service.BookAsync(other, location, dana, "evaluation", NewYork.At(2, 10))));

        service.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Contains(await SlotsAsync(service, other, location, "evaluation"), s => Local(s) == "2026-06-02T10:00:00-04:00");
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(other, location, dana, "evaluation", NewYork.At(2, 10))).StatusCode);
    }

    [Fact]
    public async Task A_search_for_a_referral_that_cannot_book_says_why_and_bad_queries_name_their_fields()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();

        var treatment = await service.Client.GetAsync($"/api/scheduling/slots?referralId={referral}&locationId={location}&from=2026-06-02&to=2026-06-03&type=treatment-45");
        var bad = await service.Client.GetAsync($"/api/scheduling/slots?referralId={referral}&from=2026-06-09&to=2026-06-02");

        Assert.Equal("evaluation-first", await SchedulingService.RuleOf(treatment));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["locationId", "to", "type"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }
}

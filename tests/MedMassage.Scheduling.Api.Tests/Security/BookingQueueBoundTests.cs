using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Security;

/// <summary>
/// The booking queue had no bound: a flood queued without end. Now a full queue refuses at once with the busy answer
/// (409 schedule-busy), never a 500, and what it accepted is booked.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BookingQueueBoundTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_full_booking_queue_refuses_at_once_as_busy_and_books_what_it_took()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure, new Dictionary<string, string?> { ["Scheduling:BookingQueueCapacity"] = "1" });
        var location = await service.CreateLocationAsync(rooms: 8);
        var therapist = await service.CreateTherapistAsync(location);
        var referrals = new List<Guid>();
        for (var i = 0; i < 32; i++)
        {
            referrals.Add(await service.AcceptReferralAsync(locationId: location));
        }

        // One therapist (one writer), thirty-two evaluations on different days and hours, all at once.
        var answers = await Task.WhenAll(referrals.Select((referral, i) =>
            service.BookAsync(referral, location, therapist, "evaluation", NewYork.At(2 + i / 8, 9 + i % 8))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.NotEmpty(busy);
        foreach (var refused in busy)
        {
            Assert.Equal("schedule-busy", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("rule").GetString());
        }
        var booked = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        var stored = await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?locationId={location}&from=2026-06-01&to=2026-06-30");
        Assert.Equal(booked, stored.GetArrayLength());
    }
}

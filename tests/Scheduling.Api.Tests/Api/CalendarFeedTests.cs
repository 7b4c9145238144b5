using System.Net;
using System.Net.Http.Json;
using MedMassage.Testing;

namespace Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class CalendarFeedTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_therapists_feed_lists_their_live_appointments_in_utc_without_patient_names()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes");
        var kept = await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), location, dana, "evaluation", NewYork.At(2, 9)));
        var dropped = await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), location, dana, "evaluation", NewYork.At(3, 9)));
        await service.Client.PostAsJsonAsync($"/api/scheduling/appointments/{dropped}/cancel", new { reason = "no longer needed" });

        var response = await service.Client.GetAsync($"/api/scheduling/therapists/{dana}/calendar.ics");
        var feed = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", feed, StringComparison.Ordinal);
        Assert.Equal(1, feed.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains($"UID:{kept}@scheduling.medmassage", feed, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260602T130000Z", feed, StringComparison.Ordinal);
        Assert.Contains("DTEND:20260602T140000Z", feed, StringComparison.Ordinal);
        Assert.DoesNotContain(dropped.ToString(), feed, StringComparison.Ordinal);
        Assert.DoesNotContain("Pat Lee", feed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/scheduling/therapists/{Guid.NewGuid()}/calendar.ics")).StatusCode);
    }
}

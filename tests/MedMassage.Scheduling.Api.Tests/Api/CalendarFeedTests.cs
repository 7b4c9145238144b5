using System.Net;
using System.Net.Http.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

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

        var url = await FeedUrlAsync(service, dana);
        var response = await service.CreateAnonymousClient().GetAsync(url);
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
        var key = url.Split('/')[^1];
        Assert.Equal(HttpStatusCode.NotFound, (await service.CreateAnonymousClient().GetAsync($"/api/scheduling/calendar-feeds/{Guid.NewGuid()}/{key}")).StatusCode);
    }

    [Fact]
    public async Task The_feed_opens_only_with_its_current_secret_and_only_staff_of_the_therapists_location_issue_one()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes");
        var first = await FeedUrlAsync(service, dana);
        var anonymous = service.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/scheduling/calendar-feeds/{dana}/not-the-secret.ics")).StatusCode);
        var tampered = first[..^5] + (first[^5] == 'A' ? 'B' : 'A') + ".ics";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(tampered)).StatusCode);

        var second = await FeedUrlAsync(service, dana);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);

        // The secret itself is never stored, only its hash.
        await using var connection = new Npgsql.NpgsqlConnection(service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand($"SELECT calendar_feed_key_hash FROM therapists WHERE id = '{dana}'", connection);
        var stored = (byte[])(await query.ExecuteScalarAsync())!;
        var secret = second.Split('/')[^1][..^4];
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)), stored);

        var issue = $"/api/scheduling/therapists/{dana}/calendar-feed";
        Assert.Equal(HttpStatusCode.OK, (await service.CreateClientAs(TestCaller.Therapist(location) with { Subject = dana.ToString() }).PostAsync(issue, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.CreateClientAs(TestCaller.Therapist(Guid.NewGuid()) with { Subject = dana.ToString() }).PostAsync(issue, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(issue, null)).StatusCode);
    }

    [Fact]
    public async Task A_feed_shows_only_the_appointments_at_the_locations_of_whoever_issued_it()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var (a, b) = (await service.CreateLocationAsync(), await service.CreateLocationAsync());
        var sam = await SchedulingService.IdOf(await service.Client.PostAsJsonAsync("/api/scheduling/therapists",
            new { name = "Sam Ortiz", licenceNumber = "MT-77", licenceState = "NY", licenceExpiresOn = "2030-01-01", locationIds = new[] { a, b } }));
        var windows = new[] { new { locationId = a, day = "Tuesday", starts = "09:00", ends = "17:00" }, new { locationId = b, day = "Wednesday", starts = "09:00", ends = "17:00" } };
        (await service.Client.PutAsJsonAsync($"/api/scheduling/therapists/{sam}/availability", new { windows })).EnsureSuccessStatusCode();
        var atA = await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), a, sam, "evaluation", NewYork.At(2, 9)));
        var atB = await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), b, sam, "evaluation", NewYork.At(3, 9)));

        var issuedByDeskOfA = await service.CreateClientAs(TestCaller.ClinicAdmin(a)).PostAsync($"/api/scheduling/therapists/{sam}/calendar-feed", null);
        var url = (await issuedByDeskOfA.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("url").GetString()!;
        var feedOfA = await service.CreateAnonymousClient().GetStringAsync(url);
        var feedOfBoth = await service.CreateAnonymousClient().GetStringAsync(await FeedUrlAsync(service, sam));

        Assert.Contains($"UID:{atA}@", feedOfA, StringComparison.Ordinal);
        Assert.DoesNotContain(atB.ToString(), feedOfA, StringComparison.Ordinal);
        Assert.Contains($"UID:{atA}@", feedOfBoth, StringComparison.Ordinal);
        Assert.Contains($"UID:{atB}@", feedOfBoth, StringComparison.Ordinal);
    }

    private static async Task<string> FeedUrlAsync(SchedulingService service, Guid therapist)
    {
        var response = await service.Client.PostAsync($"/api/scheduling/therapists/{therapist}/calendar-feed", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("url").GetString()!;
        Assert.StartsWith($"/api/scheduling/calendar-feeds/{therapist}/", url, StringComparison.Ordinal);
        return url;
    }
}

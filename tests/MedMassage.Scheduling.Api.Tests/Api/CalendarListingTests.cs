using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

/// <summary>What the staff app's calendars, day lists, therapist lists and waitlist read: only the caller's locations.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CalendarListingTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_location_calendar_lists_the_visits_of_its_local_days_with_the_patient_and_reference()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes");
        var sam = await service.CreateTherapistAsync(location, "Sam Ortiz");
        var referral = await service.AcceptReferralAsync();
        var tuesday = await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(2, 9)));
        var samsTuesday = await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), location, sam, "evaluation", NewYork.At(2, 15)));
        await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), location, dana, "evaluation", NewYork.At(3, 9)));

        var day = await ListAsync(service.Client, $"locationId={location}&from=2026-06-02&to=2026-06-02");
        Assert.Equal([tuesday, samsTuesday], day.Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal("Pat Lee", day[0].GetProperty("patientName").GetString());
        Assert.Equal("R-TST-001", day[0].GetProperty("referralReference").GetString());

        var danasWeek = await ListAsync(service.Client, $"therapistId={dana}&from=2026-06-01&to=2026-06-07");
        Assert.Equal(2, danasWeek.Count);
        Assert.All(danasWeek, a => Assert.Equal(dana, a.GetProperty("therapistId").GetGuid()));
    }

    [Fact]
    public async Task Staff_of_another_location_see_none_of_its_visits_therapists_or_waitlist()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes");
        var referral = await service.AcceptReferralAsync(locationId: location);
        await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(2, 9)));
        (await service.Client.PostAsJsonAsync("/api/scheduling/waitlist", new { referralId = referral, locationId = location, appointmentType = "evaluation" })).EnsureSuccessStatusCode();

        using var own = service.CreateClientAs(TestCaller.FrontDesk(location));
        Assert.Single(await ListAsync(own, $"locationId={location}&from=2026-06-01&to=2026-06-07"));
        Assert.Contains(await ReadAsync(own, "/api/scheduling/therapists"), t => t.GetProperty("id").GetGuid() == dana);
        Assert.Single(await ReadAsync(own, $"/api/scheduling/waitlist?locationId={location}"));

        using var other = service.CreateClientAs(TestCaller.FrontDesk(Guid.NewGuid()));
        Assert.Empty(await ListAsync(other, $"locationId={location}&from=2026-06-01&to=2026-06-07"));
        Assert.Empty(await ListAsync(other, $"therapistId={dana}&from=2026-06-01&to=2026-06-07"));
        Assert.Empty(await ReadAsync(other, "/api/scheduling/therapists"));
        Assert.Empty(await ReadAsync(other, "/api/scheduling/waitlist"));
    }

    [Theory]
    [InlineData("from=2026-06-01&to=2026-06-07", "locationId")]
    [InlineData("locationId=6c1f8a5e-7d39-4c55-9f0b-0a3a7d2e9a11&from=2026-06-07&to=2026-06-01", "to")]
    [InlineData("locationId=6c1f8a5e-7d39-4c55-9f0b-0a3a7d2e9a11&from=2026-06-01&to=2026-08-01", "to")]
    [InlineData("locationId=6c1f8a5e-7d39-4c55-9f0b-0a3a7d2e9a11&to=2026-06-01", "from")]
    public async Task A_calendar_without_whom_or_with_a_bad_range_is_refused(string query, string field)
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        using var response = await service.Client.GetAsync($"/api/scheduling/appointments?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query) =>
        await ReadAsync(client, $"/api/scheduling/appointments?{query}");

    private static async Task<List<JsonElement>> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}

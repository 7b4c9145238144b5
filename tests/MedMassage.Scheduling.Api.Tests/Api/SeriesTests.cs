using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class SeriesTests(InfrastructureFixture infrastructure)
{
    private static string Local(JsonElement e) => e.GetProperty("localStartsAt").GetString()!;

    [Fact]
    public async Task A_series_books_every_occurrence_it_can_reports_the_conflicting_one_and_changes_one_or_the_following()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync(visits: 12);
        await service.MakeReadyForTreatmentAsync(referral);
        var busy = await service.AcceptReferralAsync();
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(busy, location, dana, "evaluation", NewYork.At(11, 9, 30))).StatusCode);

        var response = await service.Client.PostAsJsonAsync("/api/scheduling/series", new
        {
            referralId = referral, locationId = location, therapistId = dana, appointmentType = "treatment-45",
            startDate = "2026-06-01", weeks = 6, times = new[] { new { day = "Tuesday", time = "09:00" }, new { day = "Thursday", time = "09:00" } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(11, body.GetProperty("succeeded").GetInt32());
        var refused = Assert.Single(body.GetProperty("occurrences").EnumerateArray(), o => !o.GetProperty("succeeded").GetBoolean());
        Assert.Equal("2026-06-11T09:00:00-04:00", Local(refused));
        Assert.Equal("therapist-double-booked", refused.GetProperty("rule").GetString());

        var seriesId = body.GetProperty("seriesId").GetGuid();
        var occurrences = body.GetProperty("occurrences").EnumerateArray().Where(o => o.GetProperty("succeeded").GetBoolean()).ToList();
        var june16 = occurrences.Single(o => Local(o).StartsWith("2026-06-16", StringComparison.Ordinal)).GetProperty("appointmentId").GetGuid();
        var june23 = occurrences.Single(o => Local(o).StartsWith("2026-06-23", StringComparison.Ordinal)).GetProperty("appointmentId").GetGuid();

        var one = await service.Client.PostAsJsonAsync($"/api/scheduling/series/{seriesId}/change", new { fromAppointmentId = june16, scope = "this", time = "11:00" });
        var following = await service.Client.PostAsJsonAsync($"/api/scheduling/series/{seriesId}/change", new { fromAppointmentId = june23, scope = "following", time = "14:00" });
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(6, (await following.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("succeeded").GetInt32());

        var all = await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?seriesId={seriesId}");
        var times = all.EnumerateArray().Select(a => Local(a)[..16]).ToList();
        Assert.Equal(
        [
            "2026-06-02T09:00", "2026-06-04T09:00", "2026-06-09T09:00", "2026-06-16T11:00", "2026-06-18T09:00",
            "2026-06-23T14:00", "2026-06-25T14:00", "2026-06-30T14:00", "2026-07-02T14:00", "2026-07-07T14:00", "2026-07-09T14:00",
        ], times);
        Assert.All(all.EnumerateArray(), a => Assert.Equal("booked", a.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Cancelling_this_and_following_leaves_earlier_occurrences_booked()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync(visits: 4);
        await service.MakeReadyForTreatmentAsync(referral);

        var booked = await (await service.Client.PostAsJsonAsync("/api/scheduling/series", new
        {
            referralId = referral, locationId = location, therapistId = dana, appointmentType = "treatment-30",
            startDate = "2026-06-01", weeks = 3, times = new[] { new { day = "Wednesday", time = "15:00" } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var seriesId = booked.GetProperty("seriesId").GetGuid();
        var second = booked.GetProperty("occurrences")[1].GetProperty("appointmentId").GetGuid();

        var cancelled = await service.Client.PostAsJsonAsync($"/api/scheduling/series/{seriesId}/cancel", new { fromAppointmentId = second, reason = "plan changed" });
        var all = await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?seriesId={seriesId}");

        Assert.Equal(2, (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("succeeded").GetInt32());
        Assert.Equal(["booked", "cancelled", "cancelled"], all.EnumerateArray().Select(a => a.GetProperty("status").GetString()));
    }
}

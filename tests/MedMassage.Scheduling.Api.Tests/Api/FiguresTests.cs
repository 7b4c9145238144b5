using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

/// <summary>Managers read attendance and utilization of their locations; nobody else's, and clinicians not at all.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class FiguresTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_manager_reads_each_therapists_visits_no_shows_late_cancellations_and_utilization()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes");
        var kept = await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), location, dana, "evaluation", NewYork.At(2, 9)));
        var missed = await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), location, dana, "evaluation", NewYork.At(2, 11)));
        var cancelled = await SchedulingService.IdOf(await service.BookAsync(await service.AcceptReferralAsync(), location, dana, "evaluation", NewYork.At(2, 13)));
        service.Time.SetUtcNow(NewYork.At(2, 10, 30).ToUniversalTime()); // the 13:00 visit is cancelled late, the 11:00 one missed
        Assert.Equal(HttpStatusCode.OK, (await service.Client.PostAsJsonAsync($"/api/scheduling/appointments/{cancelled}/cancel", new { reason = "sick" })).StatusCode);
        service.Time.SetUtcNow(NewYork.At(2, 12, 30).ToUniversalTime());
        Assert.Equal(HttpStatusCode.OK, (await service.Client.PostAsync($"/api/scheduling/appointments/{missed}/no-show", null)).StatusCode);

        using var manager = service.CreateClientAs(new TestCaller("manager", [location], "Max Manager"));
        var figures = await ReadAsync(manager, $"/api/scheduling/figures?locationId={location}&from=2026-06-01&to=2026-06-07");
        var dayOfDana = Assert.Single(figures).GetProperty("therapists").EnumerateArray().Single(t => t.GetProperty("therapistId").GetGuid() == dana).GetProperty("attendance");
        Assert.Equal(2, dayOfDana.GetProperty("booked").GetInt32());
        Assert.Equal(1, dayOfDana.GetProperty("noShows").GetInt32());
        Assert.Equal(1, dayOfDana.GetProperty("lateCancellations").GetInt32());
        Assert.Equal(0.5m, dayOfDana.GetProperty("noShowRate").GetDecimal());
        Assert.Equal(120, dayOfDana.GetProperty("bookedMinutes").GetInt32());
        Assert.Equal(5 * 480, dayOfDana.GetProperty("availableMinutes").GetInt32());
        Assert.Equal(0.05m, dayOfDana.GetProperty("utilization").GetDecimal());
        _ = kept;

        using var elsewhere = service.CreateClientAs(new TestCaller("manager", [Guid.NewGuid()], "Other Manager"));
        Assert.Empty(await ReadAsync(elsewhere, $"/api/scheduling/figures?locationId={location}&from=2026-06-01&to=2026-06-07"));
        using var therapist = service.CreateClientAs(TestCaller.Therapist(location));
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"/api/scheduling/figures?from=2026-06-01&to=2026-06-07")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/scheduling/figures?from=2026-06-01&to=2026-12-01")).StatusCode);
    }

    private static async Task<List<JsonElement>> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}

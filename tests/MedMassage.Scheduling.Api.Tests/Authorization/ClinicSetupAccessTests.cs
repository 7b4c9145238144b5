using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Authorization;

/// <summary>Clinic admins set up the locations they work at, and nothing of another clinic's set-up.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ClinicSetupAccessTests(InfrastructureFixture infrastructure)
{
    private static object Details(Guid? id) => new
    {
        id,
        name = "Riverside clinic",
        address = "2 River Rd, Springfield",
        phone = "555-0111",
        timeZone = "America/Chicago",
        openingHours = new[] { new { day = "Monday", opens = "08:00", closes = "18:00" } },
        rooms = new[] { new { name = "Room 1" } },
    };

    [Fact]
    public async Task An_admin_sets_up_a_location_they_work_at_once_and_no_other()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var mine = service.NewLocationId();
        var notMine = Guid.NewGuid();

        var created = await service.Client.PostAsJsonAsync("/api/scheduling/locations", Details(mine));
        var again = await service.Client.PostAsJsonAsync("/api/scheduling/locations", Details(mine));
        var foreign = await service.Client.PostAsJsonAsync("/api/scheduling/locations", Details(notMine));
        var byDesk = await service.CreateClientAs(TestCaller.FrontDesk(notMine)).PostAsJsonAsync("/api/scheduling/locations", Details(notMine));
        var withoutId = await service.Client.PostAsJsonAsync("/api/scheduling/locations", Details(null));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(mine, await SchedulingService.IdOf(created));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, byDesk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutId.StatusCode);
        Assert.Equal(["id"], (await withoutId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        // Nothing of the refused attempts was stored, even for an admin who does work there.
        var adminThere = service.CreateClientAs(TestCaller.ClinicAdmin(notMine));
        Assert.Equal(HttpStatusCode.NotFound, (await adminThere.GetAsync($"/api/scheduling/locations/{notMine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await adminThere.PostAsJsonAsync("/api/scheduling/locations", Details(notMine))).StatusCode);
    }

    [Fact]
    public async Task An_admin_changes_a_shared_therapists_set_up_at_their_own_location_only()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var (a, b) = (await service.CreateLocationAsync(), await service.CreateLocationAsync());
        var profile = new { name = "Sam Ortiz", licenceNumber = "MT-77", licenceState = "NY", licenceExpiresOn = "2030-01-01", locationIds = new[] { a, b } };
        var sam = await SchedulingService.IdOf(await service.Client.PostAsJsonAsync("/api/scheduling/therapists", profile));
        var week = new[] { new { locationId = a, day = "Monday", starts = "09:00", ends = "17:00" }, new { locationId = b, day = "Thursday", starts = "09:00", ends = "17:00" } };
        (await service.Client.PutAsJsonAsync($"/api/scheduling/therapists/{sam}/availability", new { windows = week })).EnsureSuccessStatusCode();
        using var adminOfA = service.CreateClientAs(TestCaller.ClinicAdmin(a));

        var onlyA = await adminOfA.PutAsJsonAsync($"/api/scheduling/therapists/{sam}", profile with { name = "Sam Ortiz-Lee", locationIds = new[] { a } });
        var hireAtB = await adminOfA.PostAsJsonAsync("/api/scheduling/therapists", profile with { locationIds = new[] { b } });
        var kim = await SchedulingService.IdOf(await adminOfA.PostAsJsonAsync("/api/scheduling/therapists", profile with { name = "Kim Ito", locationIds = new[] { a } }));
        var addB = await adminOfA.PutAsJsonAsync($"/api/scheduling/therapists/{kim}", profile with { name = "Kim Ito" });
        var windowAtB = await adminOfA.PutAsJsonAsync($"/api/scheduling/therapists/{sam}/availability",
            new { windows = new[] { new { locationId = b, day = "Friday", starts = "09:00", ends = "12:00" } } });
        var clashWithB = await adminOfA.PutAsJsonAsync($"/api/scheduling/therapists/{sam}/availability",
            new { windows = new[] { new { locationId = a, day = "Thursday", starts = "08:00", ends = "10:00" } } });
        var newWeekAtA = await adminOfA.PutAsJsonAsync($"/api/scheduling/therapists/{sam}/availability",
            new { windows = new[] { new { locationId = a, day = "Tuesday", starts = "10:00", ends = "14:00" } } });

        Assert.Equal(HttpStatusCode.OK, onlyA.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, hireAtB.StatusCode);
        Assert.Equal(["locationIds"], (await addB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["windows[0].locationId"], (await windowAtB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["windows[0]"], (await clashWithB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.OK, newWeekAtA.StatusCode);
        // B keeps Sam and Sam's Thursday there as B's admin left them; A's Monday is replaced by the new Tuesday.
        static IEnumerable<string> Week(JsonElement view) =>
            view.GetProperty("availability").EnumerateArray().Select(w => $"{w.GetProperty("day").GetString()}@{w.GetProperty("locationId").GetGuid()}");
        var seenByBoth = await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/therapists/{sam}");
        Assert.Equal("Sam Ortiz-Lee", seenByBoth.GetProperty("name").GetString());
        Assert.Equal([a, b], seenByBoth.GetProperty("locationIds").EnumerateArray().Select(l => l.GetGuid()));
        Assert.Equal(["thursday@" + b, "tuesday@" + a], Week(seenByBoth));
        // A's admin is shown Sam at A only.
        var seenByA = await adminOfA.GetFromJsonAsync<JsonElement>($"/api/scheduling/therapists/{sam}");
        Assert.Equal([a], seenByA.GetProperty("locationIds").EnumerateArray().Select(l => l.GetGuid()));
        Assert.Equal(["tuesday@" + a], Week(seenByA));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ClinicSetupTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_clinic_is_set_up_with_a_location_a_therapist_their_week_and_time_off()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync("Europe/Berlin", rooms: 3);
        var therapist = await service.CreateTherapistAsync(location, certifications: ["Lymphatic drainage"]);

        var timeOff = await service.Client.PostAsJsonAsync($"/api/scheduling/therapists/{therapist}/time-off",
            new { startsAt = "2026-06-10T00:00:00+02:00", endsAt = "2026-06-11T00:00:00+02:00", reason = "training" });
        var view = await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/therapists/{therapist}");
        var site = await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/locations/{location}");

        Assert.Equal(HttpStatusCode.Created, timeOff.StatusCode);
        Assert.Equal("Europe/Berlin", site.GetProperty("timeZone").GetString());
        Assert.Equal(3, site.GetProperty("rooms").GetArrayLength());
        Assert.Equal(24, site.GetProperty("lateCancellationWindowHours").GetDouble());
        Assert.Equal(5, view.GetProperty("availability").GetArrayLength());
        Assert.Equal("09:00", view.GetProperty("availability")[0].GetProperty("starts").GetString());
        Assert.Equal("training", view.GetProperty("timeOff")[0].GetProperty("reason").GetString());
        Assert.Equal("2030-01-01", view.GetProperty("licenceExpiresOn").GetString());
    }

    [Fact]
    public async Task The_standard_appointment_types_exist_and_new_ones_can_be_added()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);

        var added = await service.Client.PutAsJsonAsync("/api/scheduling/appointment-types/treatment-90", new { name = "Long treatment", kind = "Treatment", durationMinutes = 90 });
        var types = await service.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/appointment-types");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var durations = types.EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!, t => t.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(new Dictionary<string, int>
        {
            ["evaluation"] = 60, ["re-evaluation"] = 45, ["treatment-30"] = 30, ["treatment-45"] = 45, ["treatment-60"] = 60, ["treatment-90"] = 90,
        }, durations);
    }

    [Fact]
    public async Task A_location_with_bad_fields_is_refused_naming_every_one_and_nothing_is_stored()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);

        var response = await service.Client.PostAsJsonAsync("/api/scheduling/locations", new
        {
            id = service.NewLocationId(),
            name = "",
            address = "1 Main St",
            phone = "555",
            timeZone = "EST",
            openingHours = new[] { new { day = "Funday", opens = "25:00", closes = "17:00" } },
            rooms = Array.Empty<object>(),
        });
        var all = await service.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/locations");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["name", "openingHours[0].day", "openingHours[0].opens", "rooms", "timeZone"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, all.GetArrayLength());
    }

    [Fact]
    public async Task Availability_must_be_at_the_therapists_locations_and_cannot_overlap()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var therapist = await service.CreateTherapistAsync(location);

        var response = await service.Client.PutAsJsonAsync($"/api/scheduling/therapists/{therapist}/availability", new
        {
            windows = new object[]
            {
                new { locationId = location, day = "Monday", starts = "09:00", ends = "13:00" },
                new { locationId = location, day = "Monday", starts = "12:00", ends = "17:00" },
                new { locationId = Guid.NewGuid(), day = "Tuesday", starts = "17:00", ends = "09:00" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["windows[1]", "windows[2]", "windows[2].locationId"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_therapist_at_an_unknown_location_or_without_a_licence_is_refused()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);

        var response = await service.Client.PostAsJsonAsync("/api/scheduling/therapists", new { name = "Sam", locationIds = new[] { Guid.NewGuid() } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["licenceExpiresOn", "licenceNumber", "licenceState", "locationIds"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_licence_state_that_issues_no_licences_is_refused_with_the_codes_that_do()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();

        var response = await service.Client.PostAsJsonAsync("/api/scheduling/therapists", new
        {
            name = "Sam", licenceNumber = "MT-9", licenceState = "ZZ", licenceExpiresOn = "2030-01-01", locationIds = new[] { location },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("licenceState")[0].GetString();
        Assert.Contains("NY", error, StringComparison.Ordinal);
        Assert.Empty(await service.Client.GetFromJsonAsync<JsonElement[]>($"/api/scheduling/therapists?locationId={location}") ?? []);
    }

    [Fact]
    public async Task A_certification_in_no_known_technique_is_refused_with_the_techniques_there_are()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();

        var response = await service.Client.PostAsJsonAsync("/api/scheduling/therapists", new
        {
            name = "Sam", licenceNumber = "MT-9", licenceState = "NY", licenceExpiresOn = "2030-01-01", locationIds = new[] { location },
            certifications = new[] { "Lymphatic drainage", "zzz" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("certifications")[0].GetString();
        Assert.Contains("'zzz'", error, StringComparison.Ordinal);
        Assert.Contains("craniosacral", error, StringComparison.Ordinal);
        Assert.Empty(await service.Client.GetFromJsonAsync<JsonElement[]>($"/api/scheduling/therapists?locationId={location}") ?? []);
    }

    [Fact]
    public async Task Unknown_ids_answer_404()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);

        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/scheduling/locations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/scheduling/therapists/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.PostAsync($"/api/scheduling/appointments/{Guid.NewGuid()}/check-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/scheduling/referrals/{Guid.NewGuid()}")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Authorization;

/// <summary>Staff of clinic A see nothing of clinic B: B's records are absent from lists and answer 404 one by one.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CrossLocationTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    private static IEnumerable<Guid> Ids(JsonElement list, string property = "id") => list.EnumerateArray().Select(e => e.GetProperty(property).GetGuid());

    [Fact]
    public async Task A_therapist_of_A_sees_A_but_nothing_of_B()
    {
        var world = await clinics.StartAsync(infrastructure);
        using var therapist = world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location));

        var locations = await therapist.GetFromJsonAsync<JsonElement>("/api/scheduling/locations");
        var ofA = await therapist.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?referralId={world.A.Referral}");
        var ofB = await therapist.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?referralId={world.B.Referral}");

        Assert.Equal([world.A.Location], Ids(locations));
        Assert.Contains(world.A.Appointment, Ids(ofA));
        Assert.Empty(Ids(ofB));
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"/api/scheduling/appointments/{world.A.Appointment}")).StatusCode);
        foreach (var url in new[]
        {
            $"/api/scheduling/appointments/{world.B.Appointment}", $"/api/scheduling/locations/{world.B.Location}",
            $"/api/scheduling/therapists/{world.B.Therapist}", $"/api/scheduling/referrals/{world.B.Referral}",
        })
        {
            var response = await therapist.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        // The admin of both clinics sees B's appointment, so it is there: it is only hidden from A's staff.
        var all = await world.Service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?referralId={world.B.Referral}");
        Assert.Contains(world.B.Appointment, Ids(all));
    }

    [Fact]
    public async Task A_series_listed_by_id_shows_only_the_callers_clinic()
    {
        var world = await clinics.StartAsync(infrastructure);
        var referral = await world.FreshReferralAsync(world.B);
        var series = await world.Service.Client.PostAsJsonAsync("/api/scheduling/series", new
        {
            referralId = referral, locationId = world.B.Location, therapistId = world.B.Therapist, appointmentType = "evaluation",
            startDate = "2026-06-22", weeks = 1, times = new[] { new { day = "Monday", time = "10:00" } },
        });
        var seriesId = (await series.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seriesId").GetGuid();

        var asAdminOfBoth = await world.Service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?seriesId={seriesId}");
        var asDeskOfA = await world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location))
            .GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?seriesId={seriesId}");
        var change = await world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location)).PostAsJsonAsync($"/api/scheduling/series/{seriesId}/cancel",
            new { fromAppointmentId = Ids(asAdminOfBoth).Single(), reason = "not ours" });

        Assert.Equal(HttpStatusCode.Created, series.StatusCode);
        Assert.Equal(1, asAdminOfBoth.GetArrayLength());
        Assert.Equal(0, asDeskOfA.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal("booked", await world.StatusOfAsync(Ids(asAdminOfBoth).Single()));
    }

    [Fact]
    public async Task The_front_desk_of_A_cannot_book_search_hold_or_queue_at_B_and_B_is_unchanged()
    {
        var world = await clinics.StartAsync(infrastructure);
        var referral = await world.FreshReferralAsync(world.B);
        using var desk = world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location));
        using var therapist = world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location));
        var booking = new { referralId = referral, locationId = world.B.Location, therapistId = world.B.Therapist, appointmentType = "evaluation", startsAt = world.FreshTime() };

        var book = await desk.PostAsJsonAsync("/api/scheduling/appointments", booking);
        // B's referral booked at A's location is refused too: the referral itself is B's.
        var bookAtA = await desk.PostAsJsonAsync("/api/scheduling/appointments", booking with { locationId = world.A.Location, therapistId = world.A.Therapist });
        var search = await desk.GetAsync($"/api/scheduling/slots?referralId={referral}&locationId={world.B.Location}&from=2026-06-03&to=2026-06-03&type=evaluation");
        var hold = await desk.PostAsJsonAsync("/api/scheduling/holds", new { referralId = referral, therapistId = world.B.Therapist, appointmentType = "evaluation", startsAt = world.FreshTime() });
        var queue = await desk.PostAsJsonAsync("/api/scheduling/waitlist", new { referralId = referral, locationId = world.B.Location, appointmentType = "evaluation" });
        var entry = await desk.GetAsync($"/api/scheduling/waitlist/{world.B.WaitlistEntry}");
        var accept = await desk.PostAsync($"/api/scheduling/waitlist/{world.B.WaitlistEntry}/accept", null);
        var therapistBooks = await therapist.PostAsJsonAsync("/api/scheduling/appointments", booking);

        Assert.All(new[] { book, bookAtA, search, hold, queue, entry, accept }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, therapistBooks.StatusCode);
        var booked = await world.Service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?referralId={referral}");
        Assert.Equal(0, booked.GetArrayLength());
    }

    [Fact]
    public async Task A_referral_sent_without_a_location_is_open_to_every_clinic_of_the_chain()
    {
        var world = await clinics.StartAsync(infrastructure);
        var unassigned = await world.Service.AcceptReferralAsync();

        foreach (var location in new[] { world.A.Location, world.B.Location })
        {
            var response = await world.Service.CreateClientAs(TestCaller.FrontDesk(location)).GetAsync($"/api/scheduling/referrals/{unassigned}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var book = await world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location)).PostAsJsonAsync("/api/scheduling/appointments",
            new { referralId = unassigned, locationId = world.A.Location, therapistId = world.A.Therapist, appointmentType = "evaluation", startsAt = world.FreshTime() });
        Assert.Equal(HttpStatusCode.Created, book.StatusCode);
    }
}

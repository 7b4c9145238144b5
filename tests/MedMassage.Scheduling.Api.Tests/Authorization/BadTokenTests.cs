using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Authorization;

/// <summary>A token the service cannot trust is no token: 401 as ProblemDetails, and nothing changes.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BadTokenTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    [Theory]
    [MemberData(nameof(BadTokens.Kinds), MemberType = typeof(BadTokens))]
    public async Task A_bad_token_gets_401_problem_details_and_changes_nothing(string kind)
    {
        var world = await clinics.StartAsync(infrastructure);
        var appointment = await world.FreshAppointmentAsync(world.A);
        // Everything else about the caller would be allowed: an admin of the appointment's own clinic.
        var token = BadTokens.For(kind, TestCaller.ClinicAdmin(world.A.Location));
        using var http = world.Service.CreateClientWithToken(token); // none at all for "no token"

        var cancel = await http.PostAsJsonAsync($"/api/scheduling/appointments/{appointment}/cancel", new { reason = "not me" });
        var read = await http.GetAsync($"/api/scheduling/appointments/{appointment}");

        foreach (var response in new[] { cancel, read })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
        Assert.Equal("booked", await world.StatusOfAsync(appointment));
    }

    [Fact]
    public async Task The_same_token_properly_signed_is_accepted()
    {
        var world = await clinics.StartAsync(infrastructure);
        var appointment = await world.FreshAppointmentAsync(world.A);
        using var http = world.Service.CreateClientWithToken(TestTokens.For(TestCaller.ClinicAdmin(world.A.Location)));

        var cancel = await http.PostAsJsonAsync($"/api/scheduling/appointments/{appointment}/cancel", new { reason = "patient called" });

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", await world.StatusOfAsync(appointment));
    }

    [Fact]
    public async Task Forged_identity_headers_change_nothing()
    {
        var world = await clinics.StartAsync(infrastructure);
        var appointment = await world.FreshAppointmentAsync(world.A);
        using var therapist = world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location));
        foreach (var (name, value) in new[]
        {
            ("X-User-Role", "clinic-admin"), ("X-Role", "clinic-admin"), ("X-User-Id", "someone-else"),
            ("X-Location-Id", world.B.Location.ToString()), ("X-Locations", world.B.Location.ToString()),
            ("X-Forwarded-User", "admin"), ("X-Client-Id", "st-marys-ehr"),
        })
        {
            therapist.DefaultRequestHeaders.Add(name, value);
        }

        // A therapist may not cancel, whatever the headers claim…
        var cancel = await therapist.PostAsJsonAsync($"/api/scheduling/appointments/{appointment}/cancel", new { reason = "forged" });
        // …nor see clinic B's records…
        var other = await therapist.GetAsync($"/api/scheduling/appointments/{world.B.Appointment}");
        var otherList = await therapist.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?referralId={world.B.Referral}");
        // …nor change set-up.
        var setUp = await therapist.PutAsJsonAsync($"/api/scheduling/appointment-types/evaluation", new { name = "Forged", kind = "Evaluation", durationMinutes = 15 });

        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal("booked", await world.StatusOfAsync(appointment));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(0, otherList.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, setUp.StatusCode);
        var types = await world.Service.Client.GetFromJsonAsync<JsonElement>("/api/scheduling/appointment-types");
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("code").GetString() == "evaluation" && t.GetProperty("durationMinutes").GetInt32() == 60);
    }

    [Fact]
    public async Task A_location_header_does_not_let_the_front_desk_book_at_another_clinic()
    {
        var world = await clinics.StartAsync(infrastructure);
        var referral = await world.FreshReferralAsync(world.B);
        using var desk = world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location));
        desk.DefaultRequestHeaders.Add("X-Location-Id", world.B.Location.ToString());

        var book = await desk.PostAsJsonAsync("/api/scheduling/appointments", new
        {
            referralId = referral, locationId = world.B.Location, therapistId = world.B.Therapist, appointmentType = "evaluation", startsAt = world.FreshTime(),
        });
        var booked = await world.Service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?referralId={referral}");

        Assert.Equal(HttpStatusCode.NotFound, book.StatusCode);
        Assert.Equal(0, booked.GetArrayLength());
    }
}

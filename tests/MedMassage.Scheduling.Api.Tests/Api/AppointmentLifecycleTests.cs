using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Contracts.Scheduling;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class AppointmentLifecycleTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_evaluation_is_booked_checked_in_and_completed_and_each_step_is_published_with_what_notifications_need()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes");
        var referral = await service.AcceptReferralAsync();

        var response = await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(2, 9));
        var id = await SchedulingService.IdOf(response);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>(SchedulingService.Json);

        Assert.Equal("2026-06-02T13:00:00+00:00", view.GetProperty("startsAt").GetDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:sszzz", null));
        Assert.Equal("2026-06-02T09:00:00-04:00", view.GetProperty("localStartsAt").GetString());
        Assert.Equal("2026-06-02T10:00:00-04:00", view.GetProperty("localEndsAt").GetString());
        var booked = await service.Probe.WaitForAsync<AppointmentBooked>(e => e.Appointment.AppointmentId == id);
        Assert.Equal("America/New_York", booked.Appointment.Location.TimeZone);
        Assert.Equal("Dana Reyes", booked.Appointment.TherapistName);
        Assert.Equal("pat@example.org", booked.Appointment.Patient.Email);
        Assert.Equal(NewYork.At(2, 9), booked.Appointment.StartsAt);

        // The patient arrives a few minutes early; the visit is completed after it has started.
        service.Time.SetUtcNow(NewYork.At(2, 8, 50).ToUniversalTime());
        Assert.Equal(HttpStatusCode.OK, (await service.Client.PostAsync($"/api/scheduling/appointments/{id}/check-in", null)).StatusCode);
        await service.Probe.WaitForAsync<AppointmentCheckedIn>(e => e.Appointment.AppointmentId == id);
        service.Time.SetUtcNow(NewYork.At(2, 9, 55).ToUniversalTime());
        Assert.Equal(HttpStatusCode.OK, (await service.Client.PostAsync($"/api/scheduling/appointments/{id}/complete", null)).StatusCode);
        await service.Probe.WaitForAsync<AppointmentCompleted>(e => e.Appointment.AppointmentId == id);

        var again = await service.Client.PostAsync($"/api/scheduling/appointments/{id}/complete", null);
        Assert.Equal("appointment-status", await SchedulingService.RuleOf(again));
        Assert.Equal(1, service.Probe.Count<AppointmentCompleted>(e => e.Appointment.AppointmentId == id));
    }

    [Fact]
    public async Task Checking_in_or_completing_a_visit_before_its_time_is_refused_and_changes_nothing()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();
        // 17 days after the service's clock.
        var startsAt = NewYork.At(18, 9);
        var id = await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "evaluation", startsAt));

        var early = await service.Client.PostAsync($"/api/scheduling/appointments/{id}/check-in", null);
        Assert.Equal("check-in-too-early", await SchedulingService.RuleOf(early));
        Assert.Equal("appointment-status", await SchedulingService.RuleOf(await service.Client.PostAsync($"/api/scheduling/appointments/{id}/complete", null)));
        Assert.Equal("booked", await StatusOfAsync(service, id));

        // Two hours ahead (the default lead time) the patient may check in, but the visit is not over before it starts.
        service.Time.SetUtcNow(startsAt.ToUniversalTime() - TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.OK, (await service.Client.PostAsync($"/api/scheduling/appointments/{id}/check-in", null)).StatusCode);
        var tooSoon = await service.Client.PostAsync($"/api/scheduling/appointments/{id}/complete", null);
        Assert.Equal("complete-too-early", await SchedulingService.RuleOf(tooSoon));
        Assert.Equal("checked-in", await StatusOfAsync(service, id));

        service.Time.SetUtcNow(startsAt.ToUniversalTime() + TimeSpan.FromMinutes(50));
        Assert.Equal(HttpStatusCode.OK, (await service.Client.PostAsync($"/api/scheduling/appointments/{id}/complete", null)).StatusCode);
        await service.Probe.WaitForAsync<AppointmentCheckedIn>(e => e.Appointment.AppointmentId == id);
        await service.Probe.WaitForAsync<AppointmentCompleted>(e => e.Appointment.AppointmentId == id);
        // The refusals published nothing: one event per step that happened.
        Assert.Equal(1, service.Probe.Count<AppointmentCheckedIn>(e => e.Appointment.AppointmentId == id));
        Assert.Equal(1, service.Probe.Count<AppointmentCompleted>(e => e.Appointment.AppointmentId == id));
    }

    private static async Task<string?> StatusOfAsync(SchedulingService service, Guid id) =>
        (await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments/{id}", SchedulingService.Json)).GetProperty("status").GetString();

    [Fact]
    public async Task A_treatment_is_rescheduled_then_cancelled_late_and_the_freed_time_is_bookable_again()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();
        await service.MakeReadyForTreatmentAsync(referral);
        var id = await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "treatment-45", NewYork.At(3, 9)));

        var moved = await service.Client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/reschedule", new { startsAt = NewYork.At(2, 14) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var rescheduled = await service.Probe.WaitForAsync<AppointmentRescheduled>(e => e.Appointment.AppointmentId == id);
        Assert.Equal(NewYork.At(3, 9), rescheduled.PreviousStartsAt);
        Assert.Equal(NewYork.At(2, 14), rescheduled.Appointment.StartsAt);

        // 2026-06-02 14:00 New York is 18:00 UTC; at 09:00 UTC that morning it is nine hours away, inside the 24 h window.
        service.Time.SetUtcNow(new DateTimeOffset(2026, 6, 2, 9, 0, 0, TimeSpan.Zero));
        var cancelled = await service.Client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/cancel", new { reason = "car broke down" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var cancellation = await service.Probe.WaitForAsync<AppointmentCancelled>(e => e.Appointment.AppointmentId == id);
        Assert.True(cancellation.IsLate);
        Assert.Equal("car broke down", cancellation.Reason);

        var other = await service.AcceptReferralAsync();
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(other, location, dana, "evaluation", NewYork.At(2, 14))).StatusCode);
    }

    [Fact]
    public async Task A_no_show_is_recorded_only_once_the_visit_has_started()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();
        var id = await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(2, 9)));

        Assert.Equal("no-show-too-early", await SchedulingService.RuleOf(await service.Client.PostAsync($"/api/scheduling/appointments/{id}/no-show", null)));

        service.Time.SetUtcNow(NewYork.At(2, 9, 20).ToUniversalTime());
        Assert.Equal(HttpStatusCode.OK, (await service.Client.PostAsync($"/api/scheduling/appointments/{id}/no-show", null)).StatusCode);
        await service.Probe.WaitForAsync<AppointmentNoShow>(e => e.Appointment.AppointmentId == id);
        // A no-show spends no authorization in advance; the patient can book a new evaluation.
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(3, 9))).StatusCode);
    }
}

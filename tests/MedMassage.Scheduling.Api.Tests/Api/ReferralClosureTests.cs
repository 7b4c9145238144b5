using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Contracts.Scheduling;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class ReferralClosureTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [InlineData("completed", "discharged: goals met")]
    [InlineData("cancelled", "patient moved away")]
    [InlineData("expired", "valid until 2026-06-02")]
    [InlineData("exhausted", "all 10 authorized visits used")]
    public async Task A_referral_that_closes_cancels_its_visits_still_to_happen_without_using_a_visit(string status, string reason)
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();
        await service.MakeReadyForTreatmentAsync(referral);
        var first = await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "treatment-45", NewYork.At(3, 9)));
        var second = await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "treatment-45", NewYork.At(4, 9)));

        await service.ChangeReferralAsync(referral, s => s with { Status = status, StatusReason = reason });

        foreach (var id in new[] { first, second })
        {
            var cancelled = await service.Probe.WaitForAsync<AppointmentCancelled>(e => e.Appointment.AppointmentId == id);
            Assert.False(cancelled.IsLate);
            Assert.Contains(reason, cancelled.Reason, StringComparison.Ordinal);
        }
        var appointments = await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?referralId={referral}");
        Assert.All(appointments.EnumerateArray(), a => Assert.Equal("cancelled", a.GetProperty("status").GetString()));

        // The freed time can be booked for another referral at once.
        var other = await service.AcceptReferralAsync();
        await service.MakeReadyForTreatmentAsync(other);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await service.BookAsync(other, location, dana, "treatment-45", NewYork.At(3, 9))).StatusCode);
    }

    [Fact]
    public async Task A_visit_of_a_referral_on_hold_cannot_be_checked_in()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();
        var evaluation = await SchedulingService.IdOf(await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(2, 9)));

        await service.ChangeReferralAsync(referral, s => s with { Status = "on-hold", StatusReason = "insurance re-check" });
        await service.ReferralAsync(referral, r => r.GetProperty("status").GetString() == "on-hold");
        service.Time.SetUtcNow(NewYork.At(2, 8, 55));

        var checkIn = await service.Client.PostAsync($"/api/scheduling/appointments/{evaluation}/check-in", null);
        Assert.Equal("referral-status", await SchedulingService.RuleOf(checkIn));
        Assert.Equal(0, service.Probe.Count<AppointmentCheckedIn>(e => e.Appointment.AppointmentId == evaluation));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Contracts.Scheduling;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class WaitlistTests(InfrastructureFixture infrastructure)
{
    private static async Task<Guid> JoinAsync(SchedulingService service, Guid referral, Guid location) =>
        await SchedulingService.IdOf(await service.Client.PostAsJsonAsync("/api/scheduling/waitlist",
            new { referralId = referral, locationId = location, appointmentType = "evaluation" }));

    [Fact]
    public async Task A_freed_slot_is_offered_to_the_first_waiting_patient_and_when_the_offer_expires_to_the_next()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes");
        var booked = await service.AcceptReferralAsync();
        var appointment = await SchedulingService.IdOf(await service.BookAsync(booked, location, dana, "evaluation", NewYork.At(2, 10)));
        var first = await service.AcceptReferralAsync();
        var second = await service.AcceptReferralAsync();
        var firstEntry = await JoinAsync(service, first, location);
        var secondEntry = await JoinAsync(service, second, location);

        await service.Client.PostAsJsonAsync($"/api/scheduling/appointments/{appointment}/cancel", new { reason = "feeling better" });

        var offer = await service.Probe.WaitForAsync<WaitlistSlotOffered>(e => e.WaitlistEntryId == firstEntry);
        Assert.Equal(first, offer.ReferralId);
        Assert.Equal(NewYork.At(2, 10), offer.SlotStartsAt);
        Assert.Equal("Dana Reyes", offer.TherapistName);
        Assert.Equal("America/New_York", offer.Location.TimeZone);
        Assert.Equal(SchedulingService.Start + TimeSpan.FromMinutes(15), offer.OfferExpiresAt);
        // While it is offered, nobody else can take it.
        Assert.Equal("slot-held", await SchedulingService.RuleOf(await service.BookAsync(second, location, dana, "evaluation", NewYork.At(2, 10))));

        service.Time.Advance(TimeSpan.FromMinutes(16));

        var next = await service.Probe.WaitForAsync<WaitlistSlotOffered>(e => e.WaitlistEntryId == secondEntry);
        Assert.Equal(NewYork.At(2, 10), next.SlotStartsAt);
        // The first patient's offer is gone; they are waiting again, with nothing to accept.
        Assert.Equal("no-open-offer", await SchedulingService.RuleOf(await service.Client.PostAsync($"/api/scheduling/waitlist/{firstEntry}/accept", null)));

        var accepted = await service.Client.PostAsync($"/api/scheduling/waitlist/{secondEntry}/accept", null);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var view = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(second, view.GetProperty("referralId").GetGuid());
        Assert.Equal("2026-06-02T10:00:00-04:00", view.GetProperty("localStartsAt").GetString());
        await service.Probe.WaitForAsync<AppointmentBooked>(e => e.Appointment.ReferralId == second);
        Assert.Equal(1, service.Probe.Count<WaitlistSlotOffered>(e => e.WaitlistEntryId == firstEntry));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

/// <summary>Each booking rule refuses through the real API with its own reason, and a refused booking stores nothing.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BookingRuleApiTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_booking_is_refused_for_each_rule_with_a_clear_reason()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes", ["lymphatic drainage"]);
        var lapsed = await service.CreateTherapistAsync(location, "Lee Park", ["lymphatic drainage"], licenceExpiresOn: "2026-06-01");
        var uncertified = await service.CreateTherapistAsync(location, "Max Roth");
        var referral = await service.AcceptReferralAsync(["lymphatic drainage"], validUntil: new DateOnly(2026, 6, 30));

        async Task<string> Refused(Guid therapist, string type, DateTimeOffset at, Guid? forReferral = null) =>
            await SchedulingService.RuleOf(await service.BookAsync(forReferral ?? referral, location, therapist, type, at));

        Assert.Equal("evaluation-first", await Refused(dana, "treatment-45", NewYork.At(2, 10)));
        Assert.Equal("after-valid-until", await Refused(dana, "evaluation", new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(-4))));
        Assert.Equal("in-the-past", await Refused(dana, "evaluation", NewYork.At(1, 7)));
        Assert.Equal("therapist-licence", await Refused(lapsed, "evaluation", NewYork.At(2, 10)));
        Assert.Equal("therapist-certification", await Refused(uncertified, "evaluation", NewYork.At(2, 10)));
        Assert.Equal("therapist-unavailable", await Refused(dana, "evaluation", NewYork.At(2, 16, 30)));
        Assert.Equal("therapist-unavailable", await Refused(dana, "evaluation", NewYork.At(6, 10)));

        var evaluation = await service.BookAsync(referral, location, dana, "evaluation", NewYork.At(2, 10));
        Assert.Equal(HttpStatusCode.Created, evaluation.StatusCode);
        Assert.Equal("evaluation-exists", await Refused(dana, "evaluation", NewYork.At(3, 10)));
        Assert.Equal("evaluation-not-completed", await Refused(dana, "treatment-45", NewYork.At(3, 10)));

        var other = await service.AcceptReferralAsync(["myofascial release"]);
        Assert.Equal("therapist-double-booked", await Refused(dana, "evaluation", NewYork.At(2, 10, 30), other));

        await service.ChangeReferralAsync(other, s => s with { Status = "on-hold", StatusReason = "insurance re-check" });
        await service.ReferralAsync(other, r => r.GetProperty("status").GetString() == "on-hold");
        var onHold = await service.BookAsync(other, location, dana, "evaluation", NewYork.At(4, 10));
        Assert.Equal("referral-status", await SchedulingService.RuleOf(onHold));
        Assert.Contains("insurance re-check", await onHold.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var appointments = await service.Client.GetFromJsonAsync<JsonElement>($"/api/scheduling/appointments?referralId={referral}");
        Assert.Equal(1, appointments.GetArrayLength());
    }

    [Fact]
    public async Task Treatment_is_refused_without_a_plan_for_techniques_awaiting_clearance_and_beyond_the_authorized_visits()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location, "Dana Reyes", ["lymphatic drainage"]);

        var noPlan = await service.AcceptReferralAsync();
        await service.ChangeReferralAsync(noPlan, s => s with { Status = "in-treatment", EvaluationCompleted = true });
        await service.ReferralAsync(noPlan, r => r.GetProperty("evaluationCompleted").GetBoolean());
        Assert.Equal("no-active-plan", await SchedulingService.RuleOf(await service.BookAsync(noPlan, location, dana, "treatment-45", NewYork.At(2, 9))));

        var clearance = await service.AcceptReferralAsync(["lymphatic drainage", "myofascial release"], awaitingClearance: ["lymphatic drainage"]);
        await service.MakeReadyForTreatmentAsync(clearance, ["lymphatic drainage", "myofascial release"]);
        var awaiting = await service.BookAsync(clearance, location, dana, "treatment-45", NewYork.At(2, 9));
        Assert.Equal("awaiting-clearance", await SchedulingService.RuleOf(awaiting));
        Assert.Contains("lymphatic drainage", await awaiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withoutIt = await service.Client.PostAsJsonAsync("/api/scheduling/appointments", new
        {
            referralId = clearance, locationId = location, therapistId = dana, appointmentType = "treatment-45",
            startsAt = NewYork.At(2, 9), techniques = new[] { "myofascial release" },
        });
        Assert.Equal(HttpStatusCode.Created, withoutIt.StatusCode);

        var twoVisits = await service.AcceptReferralAsync(visits: 2);
        await service.MakeReadyForTreatmentAsync(twoVisits);
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(twoVisits, location, dana, "treatment-30", NewYork.At(3, 9))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(twoVisits, location, dana, "treatment-30", NewYork.At(4, 9))).StatusCode);
        var third = await service.BookAsync(twoVisits, location, dana, "treatment-30", NewYork.At(5, 9));
        Assert.Equal("visits-exhausted", await SchedulingService.RuleOf(third));
        Assert.Contains("2 already booked", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await service.ChangeReferralAsync(twoVisits, s => s with { Status = "expired", ValidUntil = new DateOnly(2026, 6, 1) });
        await service.ReferralAsync(twoVisits, r => r.GetProperty("status").GetString() == "expired");
        Assert.Equal("referral-status", await SchedulingService.RuleOf(await service.BookAsync(twoVisits, location, dana, "re-evaluation", NewYork.At(5, 9))));
    }

    [Fact]
    public async Task Bad_booking_requests_name_every_bad_field_and_unknown_references_answer_404()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);

        var empty = await service.Client.PostAsJsonAsync("/api/scheduling/appointments", new { });
        var unknownReferral = await service.BookAsync(Guid.NewGuid(), location, dana, "evaluation", NewYork.At(2, 10));
        var farFuture = await service.Client.PostAsJsonAsync("/api/scheduling/appointments", new
        {
            referralId = Guid.NewGuid(), locationId = location, therapistId = dana, appointmentType = "evaluation", startsAt = DateTimeOffset.MaxValue,
        });
        var malformed = await service.Client.PostAsync("/api/scheduling/appointments", new StringContent("{\"startsAt\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["appointmentType", "locationId", "referralId", "startsAt", "therapistId"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknownReferral.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, farFuture.StatusCode);
        Assert.Contains("startsAt", await farFuture.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }
}

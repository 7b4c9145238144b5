using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Scheduling.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Api;

/// <summary>Treatment is booked only for days the plan of care is certified for, as clinical notes are only written for them.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PlanCertificationApiTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Treatment_after_the_plan_certification_due_date_is_not_booked_held_or_offered_until_the_physician_certifies()
    {
        await using var service = await SchedulingService.StartAsync(infrastructure);
        var location = await service.CreateLocationAsync();
        var dana = await service.CreateTherapistAsync(location);
        var referral = await service.AcceptReferralAsync();
        var plan = Guid.NewGuid();
        await service.ChangeReferralAsync(referral, s => s with { Status = "in-treatment", EvaluationCompleted = true });
        await service.Probe.PublishAsync(new TreatmentPlanActivated(plan, 1, referral, ["myofascial release"], ["lower back"], 2, 6, 12, new DateOnly(2026, 6, 10)));
        await service.ReferralAsync(referral, r => r.GetProperty("evaluationCompleted").GetBoolean() && r.GetProperty("hasActivePlan").GetBoolean());

        // Wednesday the 10th is the last day the uncertified plan covers.
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(referral, location, dana, "treatment-45", NewYork.At(10, 10))).StatusCode);
        var lapsed = await service.BookAsync(referral, location, dana, "treatment-45", NewYork.At(11, 10));
        Assert.Equal("plan-certification-lapsed", await SchedulingService.RuleOf(lapsed));
        Assert.Contains("2026-06-10", await lapsed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("plan-certification-lapsed", await SchedulingService.RuleOf(await HoldAsync(service, referral, dana, NewYork.At(11, 10))));
        Assert.NotEqual(0, await SlotCountAsync(service, referral, location, "2026-06-10"));
        Assert.Equal(0, await SlotCountAsync(service, referral, location, "2026-06-11"));
        // Evaluation-type visits are not treatment: a re-evaluation may still be booked.
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(referral, location, dana, "re-evaluation", NewYork.At(11, 14))).StatusCode);

        await service.Probe.PublishAsync(new TreatmentPlanCertified(plan, 1, referral, "Dr. Jane Doe", SchedulingService.Start, new DateOnly(2026, 8, 29)));
        await service.ReferralAsync(referral, r => r.GetProperty("planCertifiedThrough").GetString() == "2026-08-29");
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(referral, location, dana, "treatment-45", NewYork.At(11, 10))).StatusCode);
        Assert.NotEqual(0, await SlotCountAsync(service, referral, location, "2026-06-12"));

        // A revision needs the physician's certification again, by its own date.
        await service.Probe.PublishAsync(new TreatmentPlanRevised(plan, 2, referral, ["myofascial release"], ["lower back"], 2, 6, 12, new DateOnly(2026, 6, 15)));
        await service.ReferralAsync(referral, r => r.GetProperty("planVersion").GetInt32() == 2);
        Assert.Equal("plan-certification-lapsed", await SchedulingService.RuleOf(await service.BookAsync(referral, location, dana, "treatment-45", NewYork.At(16, 10))));
        Assert.Equal(HttpStatusCode.Created, (await service.BookAsync(referral, location, dana, "treatment-45", NewYork.At(15, 10))).StatusCode);
    }

    private static Task<HttpResponseMessage> HoldAsync(SchedulingService service, Guid referralId, Guid therapistId, DateTimeOffset startsAt) =>
        service.Client.PostAsJsonAsync("/api/scheduling/holds", new { referralId, therapistId, appointmentType = "treatment-45", startsAt });

    private static async Task<int> SlotCountAsync(SchedulingService service, Guid referral, Guid location, string day)
    {
        var response = await service.Client.GetAsync($"/api/scheduling/slots?referralId={referral}&locationId={location}&from={day}&to={day}&type=treatment-45");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32();
    }
}

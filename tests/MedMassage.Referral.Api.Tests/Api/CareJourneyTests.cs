using System.Net;
using System.Net.Http.Json;
using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class CareJourneyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Referrals_submitted_one_after_another_get_different_references_that_every_event_carries()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralReceived));
        await using var app = await ReferralService.StartAsync(infrastructure);

        var referrals = new List<ReferralDetails>();
        for (var i = 0; i < 5; i++)
        {
            referrals.Add(await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today())));
        }

        Assert.Equal(5, referrals.Select(r => r.Reference).Distinct().Count());
        Assert.All(referrals, r => Assert.Matches("^R-[0-9A-Z]{3}-[0-9A-Z]{3}$", r.Reference));
        var received = await probe.WaitForAsync<ReferralReceived>(e => e.ReferralId == referrals[^1].Id);
        Assert.Equal(referrals[^1].Reference, received.Reference);
        Assert.Equal(referrals[0].Reference, (await app.GetAsync(referrals[0].Id)).Reference);
    }

    [Fact]
    public async Task A_clearance_an_evaluation_finding_asked_for_can_be_recorded_and_every_copy_hears_of_it()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralChanged));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        await app.AcceptAsync(referral.Id);

        await probe.PublishAsync(new EvaluationCompleted(Guid.NewGuid(), referral.Id, Guid.NewGuid(), Guid.NewGuid(), 6,
            [new ContraindicationFinding("Unhealed scar", ContraindicationEffect.NeedsPhysicianClearance, "neck")]));
        var awaiting = await Eventually.WaitAsync(() => app.GetAsync(referral.Id), r => r.AwaitingClearance.Count == 1, what: "finding awaiting clearance");
        Assert.Equal(new ClearanceNeeded("Unhealed scar", ClearanceNeeded.Finding, "neck"), awaiting.AwaitingClearance[0]);

        var both = await app.ActAsync(referral.Id, "clearances", new ClearanceRequest("stretching", "Dr. Ruth Lee", null, "doc://c/1", "Unhealed scar"));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        var cleared = await app.ActAsync(referral.Id, "clearances", new ClearanceRequest(null, "Dr. Ruth Lee", DateTimeOffset.UtcNow.AddHours(-2), "doc://c/1", "unhealed scar"));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Empty((await cleared.Content.ReadFromJsonAsync<ReferralDetails>())!.AwaitingClearance);

        var state = await probe.WaitForAsync<ReferralChanged>(e => e.Referral.ReferralId == referral.Id && e.Referral.Cleared.Contains("Unhealed scar"));
        Assert.Empty(state.Referral.AwaitingClearance);
        var again = await app.ActAsync(referral.Id, "clearances", new ClearanceRequest(null, "Dr. Ruth Lee", null, "doc://c/1", "Unhealed scar"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Three_clearances_in_quick_succession_all_land_and_the_last_state_has_nothing_awaiting()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralChanged));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var request = TestReferrals.Valid(TestReferrals.Today()) with
        {
            Techniques = ["scar-tissue-release", "stretching", "lymphatic-drainage"],
            Precautions = [new MedMassage.Referral.Api.Apis.Contracts.PrecautionInput("Anticoagulants", "needs-physician-clearance", null)],
        };
        var referral = await app.SubmitValidAsync(request);
        await app.AcceptAsync(referral.Id);
        Assert.Equal(3, (await app.GetAsync(referral.Id)).AwaitingClearance.Count);

        var answers = await Task.WhenAll(request.Techniques!.Select(t =>
            app.ActAsync(referral.Id, "clearances", new ClearanceRequest(t, "Dr. Ruth Lee", null, "doc://c/2"))));
        // Racing writers: each one either lands or is told to retry; a retry then lands.
        foreach (var (answer, technique) in answers.Zip(request.Techniques!))
        {
            if (answer.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal(HttpStatusCode.OK, (await app.ActAsync(referral.Id, "clearances", new ClearanceRequest(technique, "Dr. Ruth Lee", null, "doc://c/2"))).StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }
        }

        var newest = await Eventually.WaitAsync(() => Task.FromResult(probe.Received.OfType<ReferralChanged>().Select(e => e.Referral)
            .Where(s => s.ReferralId == referral.Id).MaxBy(s => s.Version)), s => s?.AwaitingClearance.Count == 0, what: "newest state");
        Assert.Equal(3, newest!.Cleared.Count);
        Assert.Empty((await app.GetAsync(referral.Id)).AwaitingClearance);
    }
}

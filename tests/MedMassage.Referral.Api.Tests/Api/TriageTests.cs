using System.Net;
using System.Net.Http.Json;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class TriageTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Intake_can_hold_clear_resume_and_cancel_a_referral_and_every_step_is_in_its_history()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString,
            typeof(ReferralChanged));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var request = TestReferrals.Valid(TestReferrals.Today()) with { Techniques = ["scar-tissue-release", "stretching"] };
        var referral = await app.SubmitValidAsync(request);
        Assert.Equal(["scar-tissue-release"], referral.TechniquesAwaitingClearance);
        await app.AcceptAsync(referral.Id);

        Assert.Equal(HttpStatusCode.OK, (await app.ActAsync(referral.Id, "hold", new ReasonRequest("waiting for surgeon's clearance"))).StatusCode);
        var cleared = await app.ActAsync(referral.Id, "clearances",
            new ClearanceRequest("scar-tissue-release", "Dr. Amy Surgeon", DateTimeOffset.UtcNow.AddHours(-1), "doc://clearances/981"));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var afterClearance = (await cleared.Content.ReadFromJsonAsync<ReferralDetails>())!;
        Assert.Empty(afterClearance.TechniquesAwaitingClearance);
        Assert.Equal("doc://clearances/981", afterClearance.Clearances.Single().DocumentReference);
        Assert.Equal("accepted", (await (await app.ActAsync(referral.Id, "resume")).Content.ReadFromJsonAsync<ReferralDetails>())!.Status);
        var cancelled = await app.ActAsync(referral.Id, "cancel", new ReasonRequest("patient moved away"));

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var details = await app.GetAsync(referral.Id);
        Assert.Equal("cancelled", details.Status);
        Assert.Equal("patient moved away", details.StatusReason);
        Assert.Equal(["received", "accepted", "put-on-hold", "clearance-recorded", "resumed", "cancelled"], details.History.Select(h => h.Action));
        Assert.Contains("Dr. Amy Surgeon", details.History[3].Detail, StringComparison.Ordinal);
        // Every step published the referral's whole state, each with a higher version.
        await probe.WaitForAsync<ReferralChanged>(e => e.Referral.ReferralId == referral.Id && e.Referral.Status == "cancelled");
        var states = probe.Received.OfType<ReferralChanged>().Select(e => e.Referral).Where(s => s.ReferralId == referral.Id).OrderBy(s => s.Version).ToList();
        Assert.Equal(["received", "accepted", "on-hold", "on-hold", "accepted", "cancelled"], states.Select(s => s.Status));
        Assert.Equal(["scar-tissue-release"], states[3].Cleared);
        Assert.Empty(states[3].AwaitingClearance);
        Assert.Equal(states.Count, states.Select(s => s.Version).Distinct().Count());
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_announces_it()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralRejected));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));

        var withoutReason = await app.ActAsync(referral.Id, "reject", new ReasonRequest("  "));
        var rejected = await app.ActAsync(referral.Id, "reject", new ReasonRequest("diagnosis outside our scope"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("reason", (await withoutReason.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var announced = await probe.WaitForAsync<ReferralRejected>(e => e.ReferralId == referral.Id);
        Assert.Equal("diagnosis outside our scope", announced.Reason);
        Assert.Equal("maria@example.org", announced.Patient.Email);
    }

    [Fact]
    public async Task Illegal_transitions_are_409_with_the_reason_and_unknown_referrals_404()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var today = TestReferrals.Today();
        var expired = await app.SubmitValidAsync(TestReferrals.Valid(today) with { ValidFrom = today.AddDays(-90), ValidUntil = today.AddDays(-1) });
        var blocked = await app.SubmitValidAsync(TestReferrals.Valid(today) with
        {
            Precautions = [new PrecautionInput("Deep vein thrombosis", "blocks-all-treatment", null)],
        });
        var received = await app.SubmitValidAsync(TestReferrals.Valid(today));

        var acceptExpired = await app.ActAsync(expired.Id, "accept");
        var acceptBlocked = await app.ActAsync(blocked.Id, "accept");
        var resumeReceived = await app.ActAsync(received.Id, "resume");
        var clearNothing = await app.ActAsync(received.Id, "clearances", new ClearanceRequest("stretching", "Dr. X", null, "doc-1"));
        var unknown = await app.ActAsync(Guid.NewGuid(), "accept");

        Assert.Equal(HttpStatusCode.Conflict, acceptExpired.StatusCode);
        Assert.Contains("expired", (await acceptExpired.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, acceptBlocked.StatusCode);
        Assert.Contains("Deep vein thrombosis", (await acceptBlocked.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, resumeReceived.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clearNothing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/referrals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal("received", (await app.GetAsync(expired.Id)).Status);
        Assert.Single((await app.GetAsync(blocked.Id)).History);
    }

    [Fact]
    public async Task An_update_with_a_stale_if_match_is_refused_and_the_current_etag_is_accepted()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        var read = await app.Client.GetAsync($"/api/referrals/{referral.Id}");
        var etag = read.Headers.ETag!.Tag;
        var held = await app.ActAsync(referral.Id, "hold", new ReasonRequest("missing insurance card"), ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.NotEqual(etag, held.Headers.ETag!.Tag);

        var stale = await app.ActAsync(referral.Id, "resume", ifMatch: etag);
        var fresh = await app.ActAsync(referral.Id, "resume", ifMatch: held.Headers.ETag.Tag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("received", (await fresh.Content.ReadFromJsonAsync<ReferralDetails>())!.Status);
    }

    [Fact]
    public async Task Concurrent_accept_and_reject_of_one_referral_has_exactly_one_winner_and_the_other_gets_409()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        for (var round = 0; round < 5; round++)
        {
            var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));

            var responses = await Task.WhenAll(
                app.ActAsync(referral.Id, "accept"),
                app.ActAsync(referral.Id, "reject", new ReasonRequest("duplicate of a faxed referral")));

            var codes = responses.Select(r => r.StatusCode).ToList();
            Assert.Single(codes, HttpStatusCode.OK);
            Assert.Single(codes, HttpStatusCode.Conflict);
            var winner = responses[codes.IndexOf(HttpStatusCode.OK)] == responses[0] ? "accepted" : "rejected";
            var details = await app.GetAsync(referral.Id);
            Assert.Equal(winner, details.Status);
            Assert.Equal(2, details.History.Count);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using MedMassage.Messaging.Outbox;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Authorization;

/// <summary>
/// Who may send a referral in, and for whom: intake staff for their own locations, physicians under their own NPI,
/// hospital systems anywhere; and whose it is afterwards.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SubmissionAccessTests(InfrastructureFixture infrastructure)
{
    private static readonly Guid Downtown = Guid.NewGuid();
    private static readonly Guid Uptown = Guid.NewGuid();

    [Fact]
    public async Task The_front_desk_cannot_submit_for_a_location_it_does_not_work_at_and_nothing_is_stored()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.FrontDesk(Downtown));

        var response = await app.SubmitAsync(TestReferrals.Valid(TestReferrals.Today(), Uptown), idempotencyKey: "fax-7");
        var unplaced = await app.SubmitAsync(TestReferrals.Valid(TestReferrals.Today()) with { LocationId = null });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unplaced.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Contains("location", problem.Detail, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await StoredAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await app.SubmitAsync(TestReferrals.Valid(TestReferrals.Today(), Downtown))).StatusCode);
    }

    [Fact]
    public async Task A_physician_submits_for_any_clinic_under_their_own_npi_only_and_reads_back_their_referrals()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.Physician(TestReferrals.Npi));
        var request = TestReferrals.Valid(TestReferrals.Today(), Uptown);

        var impersonating = await app.SubmitAsync(request with { Physician = request.Physician! with { Npi = TestReferrals.OtherNpi } });
        Assert.Equal(HttpStatusCode.Forbidden, impersonating.StatusCode);
        Assert.Equal((0, 0, 0, 0), await StoredAsync(app));

        var own = await app.SubmitValidAsync(request);
        Assert.Equal(Uptown, (await app.GetAsync(own.Id)).LocationId);
        using var colleague = app.CreateClientAs(TestCaller.Physician(TestReferrals.OtherNpi));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/referrals/{own.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_submitting_system_is_recorded_and_only_it_reads_the_referral_back()
    {
        var hospital = TestCaller.Integration("st-mary-ehr", "system/ServiceRequest.write", "system/ServiceRequest.read");
        await using var app = await ReferralService.StartAsync(infrastructure, caller: hospital);

        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today(), Uptown));

        var stored = await app.QueryAsync(db => db.Referrals.SingleAsync(r => r.Id == referral.Id));
        Assert.Equal(("st-mary-ehr", Roles.IntegrationClient, "st-mary-ehr"), (stored.SubmitterId, stored.SubmitterRole, stored.SubmitterClientId));
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        using var otherSystem = app.CreateClientAs(TestCaller.Integration("county-his", "system/ServiceRequest.read"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherSystem.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
        Assert.Empty((await otherSystem.GetFromJsonAsync<PagedList<ReferralSummary>>("/api/referrals"))!.Items);
        using var submitOnly = app.CreateClientAs(TestCaller.Integration("st-mary-ehr", "system/ServiceRequest.write"));
        Assert.Equal(HttpStatusCode.Forbidden, (await submitOnly.GetAsync($"/api/referrals/{referral.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_belongs_to_its_caller_and_never_replays_someone_elses_referral()
    {
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.Integration("st-mary-ehr", "system/ServiceRequest.write"));
        var request = TestReferrals.Valid(TestReferrals.Today(), Uptown);
        var first = await app.SubmitAsync(request, "order-1");
        using var other = app.CreateClientAs(TestCaller.Integration("county-his", "system/ServiceRequest.write"));
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(request) };
        message.Headers.Add("Idempotency-Key", "order-1");

        var second = await other.SendAsync(message);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2, await app.QueryAsync(db => db.Referrals.CountAsync()));
    }

    private static Task<(int Referrals, int Keys, int Events, int Audit)> StoredAsync(ReferralService app) =>
        app.QueryAsync(async db => (await db.Referrals.CountAsync(), await db.IdempotencyRecords.CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(), await db.Audit.CountAsync()));
}

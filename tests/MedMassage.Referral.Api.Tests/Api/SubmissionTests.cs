using System.Net;
using System.Net.Http.Json;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class SubmissionTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_submitted_and_accepted_referral_is_announced_to_the_other_services()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralReceived), typeof(ReferralAccepted));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var request = TestReferrals.Valid(TestReferrals.Today());

        var submitted = await app.SubmitAsync(request);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var created = (await submitted.Content.ReadFromJsonAsync<ReferralDetails>())!;
        Assert.Equal($"/api/referrals/{created.Id}", submitted.Headers.Location?.OriginalString);
        Assert.Equal("received", created.Status);
        Assert.Equal("Low back pain, unspecified", created.Diagnoses.Single(d => d.Code == "M54.50").Description);

        var received = await probe.WaitForAsync<ReferralReceived>(e => e.ReferralId == created.Id);
        Assert.Equal("maria@example.org", received.Patient.Email);
        Assert.Equal(TestReferrals.Npi, received.Physician.Npi);
        Assert.False(received.PossibleDuplicate);

        var accepted = await app.AcceptAsync(created.Id);
        Assert.Equal("accepted", accepted.Status);
        var announced = await probe.WaitForAsync<ReferralAccepted>(e => e.ReferralId == created.Id);
        Assert.Equal(request.LocationId, announced.LocationId);
        Assert.Equal(new MedMassage.Contracts.VisitCounts(12, 0, 12), announced.Visits);
        Assert.Equal(["myofascial-release", "trigger-point"], announced.Techniques);

        var details = await app.GetAsync(created.Id);
        Assert.Equal(["received", "accepted"], details.History.Select(h => h.Action));
        Assert.All(details.History, h => Assert.Equal(app.Caller.Subject, h.ActorId));
    }

    [Fact]
    public async Task Invalid_input_is_a_400_naming_every_bad_field_and_stores_nothing()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var valid = TestReferrals.Valid(TestReferrals.Today());
        var invalid = valid with
        {
            Patient = valid.Patient! with { FirstName = " ", DateOfBirth = null },
            Physician = valid.Physician! with { Npi = "1234567890" },
            Diagnoses = ["M54.50", "not-a-code"],
            AuthorizedVisits = 0,
            ValidUntil = valid.ValidFrom!.Value.AddDays(-3),
            Precautions = [new PrecautionInput("Open wound", "excludes-local-area", null)],
        };

        var response = await app.SubmitAsync(invalid, idempotencyKey: "bad-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(
            ["authorizedVisits", "diagnoses[1]", "patient.dateOfBirth", "patient.firstName", "physician.npi", "precautions[0].bodyRegion", "validUntil"],
            problem!.Errors.Keys.Order(StringComparer.Ordinal));
        var stored = await app.QueryAsync(async db => (
            await db.Referrals.CountAsync(), await db.IdempotencyRecords.CountAsync(),
            await db.Set<MedMassage.Messaging.Outbox.OutboxMessage>().CountAsync()));
        Assert.Equal((0, 0, 0), stored);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);

        var response = await app.Client.PostAsync("/api/referrals", new StringContent("{\"patient\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_original_referral()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralReceived));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var request = TestReferrals.Valid(TestReferrals.Today());

        var first = await app.SubmitAsync(request, "office-42-attempt");
        var retry = await app.SubmitAsync(request, "office-42-attempt");
        var reused = await app.SubmitAsync(request with { Notes = "something else" }, "office-42-attempt");

        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var original = (await first.Content.ReadFromJsonAsync<ReferralDetails>())!;
        var replayed = (await retry.Content.ReadFromJsonAsync<ReferralDetails>())!;
        Assert.Equal(original.Id, replayed.Id);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Referrals.CountAsync()));
        await probe.WaitForAsync<ReferralReceived>(e => e.ReferralId == original.Id);
        Assert.Equal(1, probe.Count<ReferralReceived>(e => e.Patient.FullName == "Maria Lopez" && e.LocationId == request.LocationId));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_create_one_referral()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var request = TestReferrals.Valid(TestReferrals.Today());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SubmitAsync(request, "burst-key")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<ReferralDetails>())!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await app.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task The_same_patient_physician_and_diagnosis_within_14_days_is_flagged_as_a_possible_duplicate()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var request = TestReferrals.Valid(TestReferrals.Today());
        var first = await app.SubmitValidAsync(request);

        var again = await app.SubmitValidAsync(request with { Diagnoses = ["M54.50"], Notes = "resent by fax" });
        var otherPhysician = await app.SubmitValidAsync(request with { Physician = request.Physician! with { Npi = TestReferrals.OtherNpi } });

        Assert.Null(first.PossibleDuplicateOf);
        Assert.Equal(first.Id, again.PossibleDuplicateOf);
        Assert.Null(otherPhysician.PossibleDuplicateOf);
    }
}

using System.Net;
using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Security;

/// <summary>
/// A front desk could attach itself to another location's patient by sending that patient's id with a referral (and
/// then manage their notification preferences). Patients are now identified by the system: a named id must be one
/// the caller already sees; otherwise the same name and birth date among its own referrals decide.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PatientIdentityTests(InfrastructureFixture infrastructure)
{
    private static readonly Guid Uptown = Guid.NewGuid();

    [Fact]
    public async Task Another_locations_patient_id_is_refused_and_nothing_is_stored()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var theirs = (await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()))).Patient.Id;
        using var uptownDesk = app.CreateClientAs(TestCaller.FrontDesk(Uptown));
        var valid = TestReferrals.Valid(TestReferrals.Today(), Uptown);

        var response = await uptownDesk.PostAsJsonAsync("/api/referrals", valid with { Patient = valid.Patient! with { Id = theirs } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(PatientIdentity.UnknownPatient, problem.Errors["patient.id"][0]);
        Assert.Equal(1, await app.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task The_same_person_is_one_patient_within_what_the_caller_sees_and_a_new_one_elsewhere()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var first = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        var again = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()) with { Diagnoses = ["G56.01"] });
        using var uptownDesk = app.CreateClientAs(TestCaller.FrontDesk(Uptown));

        var elsewhere = (await (await uptownDesk.PostAsJsonAsync("/api/referrals", TestReferrals.Valid(TestReferrals.Today(), Uptown)))
            .Content.ReadFromJsonAsync<ReferralDetails>())!;
        var named = TestReferrals.Valid(TestReferrals.Today());
        var byOwnId = await app.SubmitValidAsync(named with { Patient = named.Patient! with { Id = first.Patient.Id } });

        Assert.Equal(first.Patient.Id, again.Patient.Id);
        Assert.Equal(first.Patient.Id, byOwnId.Patient.Id);
        Assert.NotEqual(first.Patient.Id, elsewhere.Patient.Id);
    }
}

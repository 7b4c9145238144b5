using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Referral.Api.Tests.Security;

/// <summary>
/// The duplicate check once answered a submitter with the id of a referral it could not read: a front desk learned of
/// another location's referral, an office system that a named person was a patient. Now a possible duplicate is named
/// only to those who may read both referrals.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DuplicateDisclosureTests(InfrastructureFixture infrastructure)
{
    private static readonly Guid Uptown = Guid.NewGuid();

    [Fact]
    public async Task A_duplicate_at_another_location_is_named_to_staff_of_both_and_to_no_one_else()
    {
        await using var app = await ReferralService.StartAsync(infrastructure); // a clinic admin of TestReferrals.Clinic
        var first = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        using var uptownDesk = app.CreateClientAs(TestCaller.FrontDesk(Uptown));

        var again = (await (await uptownDesk.PostAsJsonAsync("/api/referrals", TestReferrals.Valid(TestReferrals.Today(), Uptown)))
            .Content.ReadFromJsonAsync<ReferralDetails>())!;

        Assert.Null(again.PossibleDuplicateOf);
        Assert.DoesNotContain(first.Id.ToString(), await uptownDesk.GetStringAsync($"/api/referrals/{again.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"possibleDuplicate\":true", await uptownDesk.GetStringAsync("/api/referrals"), StringComparison.Ordinal);
        using var both = app.CreateClientAs(TestCaller.ClinicAdmin(TestReferrals.Clinic, Uptown));
        Assert.Equal(first.Id, (await both.GetFromJsonAsync<ReferralDetails>($"/api/referrals/{again.Id}"))!.PossibleDuplicateOf);
        Assert.Contains("\"possibleDuplicate\":true", await both.GetStringAsync("/api/referrals"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_system_is_not_told_that_someone_else_referred_its_patient()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        using var office = app.CreateClientAs(TestCaller.Integration("office-ehr", "system/ServiceRequest.write", "system/ServiceRequest.read"));

        var response = await office.PostAsJsonAsync("/api/referrals", TestReferrals.Valid(TestReferrals.Today()));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"possibleDuplicateOf\":null", body, StringComparison.Ordinal);
        Assert.DoesNotContain("possible duplicate", body, StringComparison.Ordinal);
    }
}

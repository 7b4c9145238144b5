using System.Net;
using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Authorization;

/// <summary>
/// Clinic A's people see nothing of clinic B: B's referrals are left out of their lists, whatever the filter,
/// and answer 404 one by one. The same holds for a physician (their NPI) and a hospital system (what it submitted).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CrossLocationTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    public static TheoryData<string> Readers() =>
        [Roles.FrontDesk, Roles.Therapist, Roles.ClinicAdmin, Roles.ReferringPhysician, Roles.IntegrationClient];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_reader_of_clinic_A_lists_only_As_referrals_and_gets_404_for_Bs(string role)
    {
        var world = await clinics.StartAsync(infrastructure);
        var ofA = new[] { await world.NewReferralAsync(world.A), await world.NewReferralAsync(world.A) };
        var ofB = new[] { await world.NewReferralAsync(world.B), await world.NewReferralAsync(world.B) };
        using var http = world.Client(role);

        var inbox = await ListAsync(http, "pageSize=100");
        var askedForB = await ListAsync(http, $"locationId={world.B.Location}");
        var byBsPhysician = await ListAsync(http, $"physicianNpi={world.B.Npi}");

        Assert.Superset(ofA.ToHashSet(), inbox.Items.Select(r => r.Id).ToHashSet());
        Assert.All(inbox.Items, r => Assert.NotEqual(world.B.Location, r.LocationId));
        Assert.DoesNotContain(inbox.Items, r => ofB.Contains(r.Id));
        Assert.Equal(inbox.Items.Count, inbox.Total);
        Assert.Equal((0, 0), (askedForB.Total, byBsPhysician.Total));
        Assert.Empty(askedForB.Items);
        foreach (var id in ofB)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/referrals/{id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/referrals/{ofA[0]}")).StatusCode);
    }

    [Fact]
    public async Task Clinic_As_front_desk_decides_nothing_on_Bs_referrals()
    {
        var world = await clinics.StartAsync(infrastructure);
        var ofB = await world.NewReferralAsync(world.B);
        using var http = world.Client(Roles.FrontDesk);

        var answers = new[]
        {
            await http.PostAsync($"/api/referrals/{ofB}/accept", null),
            await http.PostAsJsonAsync($"/api/referrals/{ofB}/reject", new ReasonRequest("not ours")),
            await http.PostAsJsonAsync($"/api/referrals/{ofB}/hold", new ReasonRequest("not ours")),
            await http.PostAsJsonAsync($"/api/referrals/{ofB}/cancel", new ReasonRequest("not ours")),
            await http.PostAsJsonAsync($"/api/referrals/{ofB}/clearances", new ClearanceRequest("scar-tissue-release", "Dr. X", null, "doc-1")),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        var stored = await world.Service.QueryAsync(db => db.Referrals.Include(r => r.History).SingleAsync(r => r.Id == ofB));
        Assert.Equal(MedMassage.Referral.Api.Domain.ReferralStatus.Received, stored.Status);
        Assert.Single(stored.History);
        Assert.Empty(stored.Clearances);
    }

    [Fact]
    public async Task A_referral_sent_without_a_location_is_open_to_every_clinics_intake()
    {
        var world = await clinics.StartAsync(infrastructure);
        var unplaced = await world.NewReferralAsync(world.A, placeNowhere: true);
        using var frontDeskOfB = world.Service.CreateClientAs(TestCaller.FrontDesk(world.B.Location));
        using var therapistOfA = world.Client(Roles.Therapist);

        Assert.Contains(unplaced, (await ListAsync(therapistOfA, "pageSize=100")).Items.Select(r => r.Id));
        Assert.Equal(HttpStatusCode.OK, (await frontDeskOfB.PostAsync($"/api/referrals/{unplaced}/accept", null)).StatusCode);
    }

    private static async Task<PagedList<ReferralSummary>> ListAsync(HttpClient http, string query) =>
        (await http.GetFromJsonAsync<PagedList<ReferralSummary>>($"/api/referrals?{query}"))!;
}

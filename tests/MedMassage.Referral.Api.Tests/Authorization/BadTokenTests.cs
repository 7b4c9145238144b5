using System.Net;
using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Domain;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Authorization;

/// <summary>
/// A token the service cannot trust is no token: 401 ProblemDetails, and nothing is stored, changed or audited.
/// Identity travels in the signed token only; headers claiming a role or a location change nothing.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BadTokenTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    [Theory]
    [MemberData(nameof(BadTokens.Kinds), MemberType = typeof(BadTokens))]
    public async Task A_bad_token_is_a_401_problem_and_changes_nothing(string kind)
    {
        var world = await clinics.StartAsync(infrastructure);
        var referral = await world.NewReferralAsync(world.A);
        var before = await StateAsync(world);
        using var http = world.Service.CreateClientWithToken(BadTokens.For(kind, TestCaller.ClinicAdmin(world.A.Location)));

        var responses = new[]
        {
            await http.PostAsJsonAsync("/api/referrals", TestReferrals.Valid(TestReferrals.Today(), world.A.Location)),
            await http.PostAsync($"/api/referrals/{referral}/accept", null),
            await http.PostAsJsonAsync($"/api/referrals/{referral}/cancel", new ReasonRequest("forged")),
            await http.GetAsync($"/api/referrals/{referral}"),
            await http.GetAsync("/api/referrals"),
            await http.GetAsync("/api/referrals/audit"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }
        Assert.Equal(before, await StateAsync(world));
        Assert.Equal(ReferralStatus.Received, await world.Service.QueryAsync(db => db.Referrals.Where(r => r.Id == referral).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Forged_identity_headers_with_a_therapists_token_change_nothing()
    {
        var world = await clinics.StartAsync(infrastructure);
        var own = await world.NewReferralAsync(world.A);
        var other = await world.NewReferralAsync(world.B);
        var before = await StateAsync(world);
        using var http = world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location));
        Forge(http, world.B);

        var accept = await http.PostAsync($"/api/referrals/{own}/accept", null);
        var readOther = await http.GetAsync($"/api/referrals/{other}");
        var inbox = (await http.GetFromJsonAsync<PagedList<ReferralSummary>>("/api/referrals?pageSize=100"))!;
        var audit = await http.GetAsync("/api/referrals/audit");

        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readOther.StatusCode);
        Assert.NotEmpty(inbox.Items);
        Assert.All(inbox.Items, r => Assert.Equal(world.A.Location, r.LocationId));
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        var after = await StateAsync(world);
        Assert.Equal((before.Referrals, before.History), (after.Referrals, after.History));
    }

    [Fact]
    public async Task Forged_location_headers_with_a_front_desk_token_reach_no_other_clinic()
    {
        var world = await clinics.StartAsync(infrastructure);
        var other = await world.NewReferralAsync(world.B);
        var before = await StateAsync(world);
        using var http = world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location));
        Forge(http, world.B);

        var accept = await http.PostAsync($"/api/referrals/{other}/accept", null);
        var submit = await http.PostAsJsonAsync("/api/referrals", TestReferrals.Valid(TestReferrals.Today(), world.B.Location));
        var inbox = (await http.GetFromJsonAsync<PagedList<ReferralSummary>>($"/api/referrals?locationId={world.B.Location}"))!;

        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(0, inbox.Total);
        var after = await StateAsync(world);
        Assert.Equal((before.Referrals, before.History), (after.Referrals, after.History));
    }

    [Fact]
    public async Task A_scope_claimed_in_a_header_does_not_let_a_submit_only_system_read()
    {
        var world = await clinics.StartAsync(infrastructure);
        var submitted = await world.NewReferralAsync(world.A);
        using var http = world.Service.CreateClientAs(TestCaller.Integration(world.A.ClientId, "system/ServiceRequest.write"));
        http.DefaultRequestHeaders.Add("X-Scope", "system/ServiceRequest.read");
        http.DefaultRequestHeaders.Add("X-Client-Id", world.A.ClientId);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/referrals/{submitted}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/referrals")).StatusCode);
    }

    private static void Forge(HttpClient http, Clinic other)
    {
        foreach (var (name, value) in new[]
        {
            ("X-User-Role", "clinic-admin"), ("X-Role", "clinic-admin"), ("X-User-Id", "admin"), ("X-Location-Id", other.Location.ToString()),
            ("X-Locations", other.Location.ToString()), ("X-Forwarded-User", "admin"), ("Remote-User", "admin"),
            ("X-MS-Client-Principal", Convert.ToBase64String("""{"userRoles":["clinic-admin"]}"""u8.ToArray())),
        })
        {
            http.DefaultRequestHeaders.Add(name, value);
        }
    }

    private static Task<(int Referrals, int History, int Audit)> StateAsync(TwoClinics world) =>
        world.Service.QueryAsync(async db => (await db.Referrals.CountAsync(), await db.History.CountAsync(), await db.Audit.CountAsync()));
}

using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Authorization;

/// <summary>
/// Who may call what: every referral route against every role, with the caller's own referral and another
/// clinic's. A role the policy leaves out gets 403; a referral outside the caller's view answers 404 as an unknown
/// one would, and a refused change changes nothing; no token, 401.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AuthorizationMatrixTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var route in Route.All)
        {
            foreach (var caller in Callers.All)
            {
                data.Add(route.Name, caller, "own", route.Expected[caller].Own);
                data.Add(route.Name, caller, "other", route.Expected[caller].Other);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_expected_answer_for_its_own_and_for_another_clinics_referral(string route, string caller, string where, int expected)
    {
        var world = await clinics.StartAsync(infrastructure);
        var definition = Route.Named(route);
        var clinic = world.Of(where);
        var referral = await world.NewReferralAsync(clinic, definition.Prepare);
        var historyBefore = await HistoryCountAsync(world, referral);
        using var http = world.Client(caller);

        using var response = await http.SendAsync(definition.Request(new Target(clinic, referral)));

        Assert.True((int)response.StatusCode == expected,
            $"{route} as {caller} ({where}): expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(historyBefore, await HistoryCountAsync(world, referral));
        }
    }

    [Fact]
    public async Task Every_endpoint_declares_its_policy()
    {
        var world = await clinics.StartAsync(infrastructure);
        var endpoints = EndpointPolicies.All(world.Service.Services);

        Assert.Empty(EndpointPolicies.Undeclared(world.Service.Services));
        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} endpoints found");
        var api = EndpointPolicies.PoliciesUnder(world.Service.Services, Route.Prefix).Where(p => !p.Key.Contains("/links/", StringComparison.Ordinal))
            .ToDictionary();
        Assert.Equal(new Dictionary<string, string>
        {
            ["POST /api/referrals/"] = "referral-submitter",
            ["GET /api/referrals/"] = "referral-reader",
            ["GET /api/referrals/patients"] = "front-desk",
            ["GET /api/referrals/{id:guid}"] = "referral-reader",
            ["POST /api/referrals/{id:guid}/accept"] = "front-desk",
            ["POST /api/referrals/{id:guid}/reject"] = "front-desk",
            ["POST /api/referrals/{id:guid}/hold"] = "front-desk",
            ["POST /api/referrals/{id:guid}/resume"] = "front-desk",
            ["POST /api/referrals/{id:guid}/cancel"] = "front-desk",
            ["POST /api/referrals/{id:guid}/clearances"] = "front-desk",
            ["GET /api/referrals/audit"] = "clinic-admin",
        }, api);
        // Only the physician's e-mail link goes without a token: its signed, expiring address is the credential (PhysicianLinkTests).
        Assert.Equal(["GET /api/referrals/links/clearances/{token}", "POST /api/referrals/links/clearances/{token}"],
            EndpointPolicies.AnonymousUnder(world.Service.Services, Route.Prefix).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_matrix_covers_every_route()
    {
        var world = await clinics.StartAsync(infrastructure);

        var mapped = EndpointPolicies.All(world.Service.Services).Count(e => e.RoutePattern.RawText!.StartsWith(Route.Prefix, StringComparison.Ordinal)
            && !e.RoutePattern.RawText.StartsWith(Route.Prefix + "/links/", StringComparison.Ordinal));

        Assert.Equal(mapped, Route.All.Count);
    }

    private static Task<int> HistoryCountAsync(TwoClinics world, Guid referral) =>
        world.Service.QueryAsync(db => db.History.CountAsync(h => h.ReferralId == referral));
}

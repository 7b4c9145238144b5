using System.Text.RegularExpressions;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Authorization;

/// <summary>
/// Who may call what: every route against every role, at the caller's own clinic and at another one. Clinical
/// content is for therapists and clinic admins; a role the policy leaves out gets 403; another clinic's record (or
/// another physician's patient's report) answers 404 as an unknown one would; no token, 401. The therapist is the
/// treating therapist of the clinic's visits; the admin documents none of them without a reason (403).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed partial class AuthorizationMatrixTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    private static readonly string[] Staff = ["front-desk", "therapist", "clinic-admin"];

    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var route in Route.All)
        {
            foreach (var role in Staff.Append("referring-physician"))
            {
                var authorOnly = role == "clinic-admin" && Route.Authored.Contains(route.Name);
                data.Add(route.Name, role, "own", route.Allowed.Contains(role) && !authorOnly ? route.Own : 403);
                data.Add(route.Name, role, "other", route.Allowed.Contains(role) ? route.Other : 403);
            }
            data.Add(route.Name, "ops", "own", 403);
            data.Add(route.Name, "integration-client", "own", 403);
            data.Add(route.Name, "no token", "own", 401);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_expected_answer_at_its_own_and_at_another_clinic(string route, string role, string where, int expected)
    {
        var world = await clinics.StartAsync(infrastructure);
        using var http = Caller(role, world.A) is { } caller ? world.Service.CreateClientAs(caller) : world.Service.CreateAnonymousClient();
        var fresh = where == "own" && expected is >= 200 and < 300;

        var response = await Route.Named(route).Send(world, world.Of(where), fresh, http);

        Assert.True((int)response.StatusCode == expected,
            $"{route} as {role} ({where}): expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Every_endpoint_declares_its_policy()
    {
        var world = await clinics.StartAsync(infrastructure);

        var endpoints = EndpointPolicies.All(world.Service.Services);
        var anonymousApi = EndpointPolicies.AnonymousUnder(world.Service.Services, "/api/");

        Assert.Empty(EndpointPolicies.Undeclared(world.Service.Services));
        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} endpoints found");
        // Clinical records are never open: only the physician's e-mail links go without a token, their signed,
        // expiring, single-purpose address being the credential (PhysicianLinkTests).
        Assert.Equal(["GET /api/clinical-notes/links/documents/{token}", "GET /api/clinical-notes/links/evaluations/{token}", "GET /api/clinical-notes/links/plans/{token}",
            "POST /api/clinical-notes/links/plans/{token}/certify"], anonymousApi.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_matrix_covers_every_api_endpoint()
    {
        var world = await clinics.StartAsync(infrastructure);

        var mapped = EndpointPolicies.All(world.Service.Services)
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/clinical-notes", StringComparison.Ordinal))
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/api/clinical-notes/links/", StringComparison.Ordinal)) // the link is the credential
            .Select(e => Normalized(EndpointPolicies.Describe(e).Replace("/api/clinical-notes", "", StringComparison.Ordinal)))
            .ToHashSet();
        var covered = Route.All.Select(r => r.Name).ToHashSet();

        Assert.Equal(28, mapped.Count);
        Assert.Subset(covered, mapped);
    }

    /// <summary>"GET /evaluations/{id:guid}" as "GET /evaluations/{id}".</summary>
    private static string Normalized(string route) => Constraint().Replace(route, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{(\w+):\w+\}")]
    private static partial Regex Constraint();

    /// <summary>Staff work at clinic A; the physician referred A's patient, not B's.</summary>
    public static TestCaller? Caller(string role, ClinicRecords own) => role switch
    {
        "front-desk" => TestCaller.FrontDesk(own.Location),
        "therapist" => TestCaller.Therapist(own.Location) with { Subject = own.Therapist.ToString() },
        "clinic-admin" => TestCaller.ClinicAdmin(own.Location),
        "ops" => TestCaller.Ops(),
        "referring-physician" => TestCaller.Physician(own.PhysicianNpi),
        "integration-client" => TestCaller.Integration("st-marys-ehr", "system/ServiceRequest.write", "system/ServiceRequest.read"),
        _ => null,
    };
}

using MedMassage.Testing;

namespace MedMassage.Scheduling.Api.Tests.Authorization;

/// <summary>
/// Who may call what: every route group against every role, at the caller's own clinic and at another one.
/// A role the policy leaves out gets 403; another clinic's record answers 404 as an unknown one would; no token, 401.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AuthorizationMatrixTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    private static readonly string[] OtherRoles = ["ops", "referring-physician", "integration-client"];

    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var route in Route.All)
        {
            foreach (var role in Route.Staff)
            {
                data.Add(route.Name, role, "own", route.Allowed.Contains(role) ? route.Own : 403);
                data.Add(route.Name, role, "other", route.Allowed.Contains(role) ? route.Other : 403);
            }
            foreach (var role in OtherRoles)
            {
                data.Add(route.Name, role, "own", 403);
            }
            data.Add(route.Name, "no token", "own", 401);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_expected_answer_at_its_own_and_at_another_clinic(string route, string role, string where, int expected)
    {
        var world = await clinics.StartAsync(infrastructure);
        using var http = Caller(role, world.A.Location) is { } caller ? world.Service.CreateClientAs(caller) : world.Service.CreateAnonymousClient();

        var response = await Route.Named(route).Send(world, world.Of(where), http);

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
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found");
        // The one open API route: calendar apps send no tokens, the secret in the address is the credential.
        Assert.Equal(["GET /api/scheduling/calendar-feeds/{id:guid}/{key}.ics"], anonymousApi);
    }

    [Fact]
    public async Task The_matrix_covers_every_route_group()
    {
        var world = await clinics.StartAsync(infrastructure);
        static string Group(string pattern) => pattern.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2)?.Split('?')[0] ?? "";

        var groups = EndpointPolicies.All(world.Service.Services)
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => p.StartsWith("/api/scheduling/", StringComparison.Ordinal) && !p.Contains("calendar-feeds", StringComparison.Ordinal))
            .Select(Group).ToHashSet();
        var covered = Route.All.Select(r => Group(r.Name.Split(' ')[1].Insert(0, "/api/scheduling"))).ToHashSet();

        Assert.Subset(covered, groups);
    }

    public static TestCaller? Caller(string role, Guid location) => role switch
    {
        "front-desk" => TestCaller.FrontDesk(location),
        "therapist" => TestCaller.Therapist(location),
        "clinic-admin" => TestCaller.ClinicAdmin(location),
        "ops" => TestCaller.Ops(),
        "referring-physician" => TestCaller.Physician("1234567893"),
        "integration-client" => TestCaller.Integration("st-marys-ehr", "system/ServiceRequest.write", "system/ServiceRequest.read"),
        _ => null,
    };
}

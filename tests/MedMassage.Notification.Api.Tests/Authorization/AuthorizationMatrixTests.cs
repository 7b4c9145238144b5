using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Authorization;

/// <summary>
/// Who may call what: every route group against every role, at the caller's own clinic and at another one.
/// A role the policy leaves out gets 403; another clinic's record answers 404 as an unknown one would; no token, 401.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AuthorizationMatrixTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var route in Route.All)
        {
            foreach (var caller in Route.Callers)
            {
                data.Add(route.Name, caller, "own", route.Expected[caller].Own);
                data.Add(route.Name, caller, "other", route.Expected[caller].Other);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_expected_answer_at_its_own_and_at_another_clinic(string route, string caller, string where, int expected)
    {
        var world = await clinics.StartAsync(infrastructure);
        using var http = Client(world.Service, caller, world.A.Location);

        using var response = await http.SendAsync(Route.Named(route).Request(world.Of(where)));

        Assert.True((int)response.StatusCode == expected,
            $"{route} as {caller} ({where}): expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Every_endpoint_declares_its_policy()
    {
        var world = await clinics.StartAsync(infrastructure);
        var endpoints = EndpointPolicies.All(world.Service.Services);

        Assert.Empty(EndpointPolicies.Undeclared(world.Service.Services));
        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} endpoints found");
        var api = EndpointPolicies.PoliciesUnder(world.Service.Services, Route.Prefix);
        Assert.Equal(new Dictionary<string, string>
        {
            ["GET /api/notifications/messages/"] = "operations",
            ["GET /api/notifications/messages/backlog"] = "operations",
            ["GET /api/notifications/messages/{id:guid}"] = "operations",
            ["GET /api/notifications/inbox/{recipientKey}/"] = "clinic-staff",
            ["POST /api/notifications/inbox/{recipientKey}/{id:guid}/read"] = "clinic-staff",
            ["GET /api/notifications/preferences/{patientId:guid}/"] = "front-desk",
            ["PUT /api/notifications/preferences/{patientId:guid}/"] = "front-desk",
            ["GET /api/notifications/dev/sms/"] = "operations",
            ["POST /api/notifications/dev/sms/"] = "sms-sink-sender",
        }, api);
        Assert.Empty(EndpointPolicies.AnonymousUnder(world.Service.Services, Route.Prefix));
    }

    [Fact]
    public async Task The_matrix_covers_every_route()
    {
        var world = await clinics.StartAsync(infrastructure);

        var mapped = EndpointPolicies.All(world.Service.Services).Select(EndpointPolicies.Describe)
            .Where(d => d.Contains(Route.Prefix, StringComparison.Ordinal)).Count();

        Assert.Equal(mapped, Route.All.Count);
    }

    /// <summary>A client acting as <paramref name="caller"/>; staff work at <paramref name="location"/>.</summary>
    public static HttpClient Client(NotificationService service, string caller, Guid location)
    {
        if (caller == "no token")
        {
            var anonymous = service.CreateDefaultClient();
            anonymous.DefaultRequestHeaders.Authorization = null;
            return anonymous;
        }
        return service.CreateClientAs(caller switch
        {
            "front-desk" => TestCaller.FrontDesk(location),
            "therapist" => TestCaller.Therapist(location),
            "clinic-admin" => TestCaller.ClinicAdmin(location),
            "ops" => TestCaller.Ops(),
            "referring-physician" => TestCaller.Physician("1234567893"),
            "integration-client" => TestCaller.Integration("st-mary-ehr", "system/ServiceRequest.write", "system/ServiceRequest.read"),
            _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
        });
    }
}

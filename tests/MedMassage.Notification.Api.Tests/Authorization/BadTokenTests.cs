using System.Net;
using System.Net.Http.Json;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Authorization;

/// <summary>
/// The service trusts only a valid token: anything else is 401 ProblemDetails with nothing changed, and identity
/// headers anyone could send change nothing about who the caller is.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BadTokenTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    [Theory]
    [MemberData(nameof(BadTokens.Kinds), MemberType = typeof(BadTokens))]
    public async Task A_bad_token_is_answered_401_with_problem_details_and_changes_nothing(string kind)
    {
        var world = await clinics.StartAsync(infrastructure);
        var admin = TestCaller.ClinicAdmin(world.A.Location);
        using var http = kind == "no token"
            ? AuthorizationMatrixTests.Client(world.Service, "no token", world.A.Location)
            : world.Service.CreateClientWithToken(BadTokens.For(kind, admin)!);

        using var put = await http.PutAsJsonAsync($"{Route.Prefix}/preferences/{world.A.Patient}",
            new PreferencesRequest("sms", "es", RemindersOptedOut: true, ClinicalOptedOut: true, null, null));
        using var read = await http.GetAsync($"{Route.Prefix}/messages/{world.A.EmailMessage}");

        foreach (var response in new[] { put, read })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var owner = world.Service.CreateClientAs(admin);
        var stored = await owner.GetFromJsonAsync<PreferencesResponse>($"{Route.Prefix}/preferences/{world.A.Patient}");
        Assert.Equal(("email", "en", false, false), (stored!.Channel, stored.Language, stored.RemindersOptedOut, stored.ClinicalOptedOut));
    }

    [Fact]
    public async Task Forged_identity_headers_with_a_low_privilege_token_change_nothing()
    {
        var world = await clinics.StartAsync(infrastructure);
        using var therapist = Forging(world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location)), world.B.Location);
        using var frontDesk = Forging(world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location)), world.B.Location);

        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"{Route.Prefix}/messages/{world.A.EmailMessage}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync($"{Route.Prefix}/dev/sms")).StatusCode);
        Assert.Empty(await therapist.InboxAsync(world.B.StaffInbox));
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.PostAsync($"{Route.Prefix}/inbox/{world.B.StaffInbox}/{world.B.Alert}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await frontDesk.GetAsync($"{Route.Prefix}/preferences/{world.B.Patient}")).StatusCode);
        using var put = await frontDesk.PutAsJsonAsync($"{Route.Prefix}/preferences/{world.B.Patient}",
            new PreferencesRequest("sms", "es", RemindersOptedOut: true, ClinicalOptedOut: true, null, null));
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);

        using var ownerOfB = world.Service.CreateClientAs(TestCaller.ClinicAdmin(world.B.Location));
        var stored = await ownerOfB.GetFromJsonAsync<PreferencesResponse>($"{Route.Prefix}/preferences/{world.B.Patient}");
        Assert.Equal(("email", "en", false), (stored!.Channel, stored.Language, stored.RemindersOptedOut));
        Assert.Null((await ownerOfB.InboxAsync(world.B.StaffInbox)).Single(i => i.Id == world.B.Alert).ReadAt);
    }

    /// <summary>Headers a gateway might forward, sent by the caller themselves to claim more than their token says.</summary>
    private static HttpClient Forging(HttpClient client, Guid otherLocation)
    {
        client.DefaultRequestHeaders.Add("X-User-Role", "clinic-admin");
        client.DefaultRequestHeaders.Add("X-User-Roles", "clinic-admin,ops");
        client.DefaultRequestHeaders.Add("X-Location-Id", otherLocation.ToString());
        client.DefaultRequestHeaders.Add("X-User-Locations", otherLocation.ToString());
        client.DefaultRequestHeaders.Add("X-User-Id", "admin");
        return client;
    }
}

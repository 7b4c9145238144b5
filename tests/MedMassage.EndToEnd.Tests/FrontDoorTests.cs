using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Testing;

namespace MedMassage.EndToEnd.Tests;

/// <summary>The secure front door as its users meet it: real tokens from the identity service, through the gateway.</summary>
[Collection(SuiteCollection.Name)]
public sealed class FrontDoorTests(SuiteFixture suite)
{
    // Locations of the development seed (services/identity/seed.development.json): the therapist works at both,
    // the front desk at the first only.
    private static readonly Guid Downtown = Guid.Parse("13b754c6-46b4-4eec-814e-8f09a6ccb385");
    private static readonly Guid Uptown = Guid.Parse("b5bc387d-4108-4330-9e39-4a50749e13e4");

    [Fact]
    public async Task A_hospital_system_submits_with_a_signed_assertion_and_staff_see_only_their_locations_referrals()
    {
        var hospitalToken = await SuiteTokens.WithSignedAssertionAsync(suite.GatewayUrl, SuiteFixture.HospitalClientId,
            suite.HospitalKey, "system/ServiceRequest.write system/ServiceRequest.read");
        using var hospital = suite.GatewayAs(hospitalToken);

        var atDowntown = await SubmitAsync(hospital, Downtown);
        var atUptown = await SubmitAsync(hospital, Uptown);
        var elsewhere = await SubmitAsync(hospital, Guid.NewGuid()); // a clinic of the chain neither works at

        using var frontDesk = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "frontdesk", "dev-front-desk"));
        Assert.Equal(HttpStatusCode.OK, (await frontDesk.GetAsync($"/api/referrals/{atDowntown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await frontDesk.GetAsync($"/api/referrals/{atUptown}")).StatusCode);
        var inbox = await frontDesk.GetStringAsync("/api/referrals?pageSize=100");
        Assert.Contains(atDowntown, inbox, StringComparison.Ordinal);
        Assert.DoesNotContain(atUptown, inbox, StringComparison.Ordinal);

        using var therapist = suite.GatewayAs(await SuiteTokens.StaffAsync(suite.GatewayUrl, "therapist", "dev-therapist"));
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"/api/referrals/{atUptown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.GetAsync($"/api/referrals/{elsewhere}")).StatusCode);
        var therapistInbox = await therapist.GetStringAsync("/api/referrals?pageSize=100");
        Assert.Contains(atDowntown, therapistInbox, StringComparison.Ordinal);
        Assert.Contains(atUptown, therapistInbox, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, therapistInbox, StringComparison.Ordinal);

        // The hospital reads back what it submitted.
        Assert.Equal(HttpStatusCode.OK, (await hospital.GetAsync($"/api/referrals/{atUptown}")).StatusCode);
    }

    [Fact]
    public async Task A_token_with_the_wrong_scope_cannot_submit_a_referral()
    {
        var readOnly = await SuiteTokens.WithSignedAssertionAsync(suite.GatewayUrl, SuiteFixture.HospitalClientId,
            suite.HospitalKey, "system/ServiceRequest.read");
        using var hospital = suite.GatewayAs(readOnly);

        using var response = await hospital.PostAsJsonAsync("/api/referrals", SampleReferral.Submission("dr@clinic.example", Downtown));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task No_operation_of_any_service_answers_without_a_token()
    {
        var checkedOperations = 0;
        var open = new List<string>();
        foreach (var service in new[] { "referral-api", "scheduling-api", "clinical-notes-api", "notification-api" })
        {
            using var document = JsonDocument.Parse(await suite.Gateway.GetStringAsync($"/openapi/{service}.json"));
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                var concrete = System.Text.RegularExpressions.Regex.Replace(path.Name, "{[^}]+}", Guid.NewGuid().ToString());
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), concrete);
                    if (operation.Name is "post" or "put" or "patch")
                    {
                        request.Content = JsonContent.Create(new { });
                    }
                    using var response = await suite.Gateway.SendAsync(request);
                    checkedOperations++;
                    // Calendar feeds and physician links are opened by the secret in their address (calendar apps and
                    // physicians reading e-mail send no token): a made-up secret opens nothing.
                    var bySecret = path.Name.StartsWith("/api/scheduling/calendar-feeds/", StringComparison.Ordinal)
                        || path.Name.Contains("/links/", StringComparison.Ordinal);
                    if (bySecret ? (int)response.StatusCode is < 400 or >= 500 : response.StatusCode != HttpStatusCode.Unauthorized)
                    {
                        open.Add($"{service}: {operation.Name.ToUpperInvariant()} {path.Name} → {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(checkedOperations > 50, $"only {checkedOperations} operations described");
        Assert.Empty(open);
    }

    private static async Task<string> SubmitAsync(HttpClient client, Guid location)
    {
        using var response = await client.PostAsJsonAsync("/api/referrals", SampleReferral.Submission($"dr-{Guid.NewGuid():N}@clinic.example", location));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}

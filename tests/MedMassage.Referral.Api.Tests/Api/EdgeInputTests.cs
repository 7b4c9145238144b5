using System.Text;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class EdgeInputTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] OddSubmissions =
    [
        "null",
        "{}",
        """{"patient":{"identifiers":[null]},"diagnoses":[null],"techniques":[null],"precautions":[null],"bodyRegions":[null]}""",
        """{"validFrom":"not-a-date"}""",
        """{"authorizedVisits":"twelve"}""",
        "[]",
    ];

    [Fact]
    public async Task Odd_requests_get_a_4xx_never_a_500_and_store_nothing()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        var id = (await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()))).Id;
        var requests = new List<(HttpMethod Method, string Path, string? Body)>
        {
            (HttpMethod.Get, "/api/referrals?page=2147483647&pageSize=100", null),
            (HttpMethod.Get, "/api/referrals?locationId=not-a-guid", null),
            (HttpMethod.Get, "/api/referrals?receivedFrom=2026-13-45", null),
            (HttpMethod.Get, "/api/referrals?receivedFrom=2026-02-01&receivedTo=2026-01-01", null),
            (HttpMethod.Get, "/api/referrals/not-a-guid", null),
            (HttpMethod.Get, "/api/referrals/patients?q=ma%00ria", null), // PostgreSQL refuses NUL in text: once a 500
            (HttpMethod.Post, $"/api/referrals/{id}/reject", null),
            (HttpMethod.Post, $"/api/referrals/{id}/reject", "{\"reason\":null}"),
            (HttpMethod.Post, $"/api/referrals/{id}/clearances", "{}"),
            (HttpMethod.Post, $"/api/referrals/{id}/clearances", "{\"clearedAt\":\"yesterday\"}"),
            (HttpMethod.Post, $"/api/referrals/{id}/hold", "[1,2]"),
        };
        requests.AddRange(OddSubmissions.Select(body => (HttpMethod.Post, "/api/referrals", (string?)body)));

        foreach (var (method, path, body) in requests)
        {
            var message = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                message.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            var response = await app.Client.SendAsync(message);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{method} {path} {body} answered {status}: {await response.Content.ReadAsStringAsync()}");
        }

        var details = await app.GetAsync(id);
        Assert.Equal("received", details.Status);
        Assert.Equal(1, await app.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task The_api_description_is_published()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);

        var description = await app.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/referrals/{id}/accept", description, StringComparison.Ordinal);
        Assert.Contains("SubmitReferral", description, StringComparison.Ordinal);
    }
}

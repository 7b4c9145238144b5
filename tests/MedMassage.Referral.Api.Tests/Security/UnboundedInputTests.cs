using System.Net;
using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Referral.Api.Tests.Security;

/// <summary>
/// A submission's lists are bounded: a referral with 10,000 diagnoses was once stored. Now any list longer than a real
/// referral's is refused whole with one error, before its items are read, and nothing is stored.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class UnboundedInputTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Codes = [.. Enumerable.Range(0, 10_000).Select(i => $"M{i % 100:00}.{i % 10}")];

    [Fact]
    public async Task A_referral_with_ten_thousand_diagnoses_is_refused_with_one_error_and_nothing_is_stored()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);

        var response = await app.SubmitAsync(TestReferrals.Valid(TestReferrals.Today()) with { Diagnoses = Codes });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(["diagnoses"], problem.Errors.Keys);
        Assert.Contains($"At most {ReferralValidator.MaxItems}", problem.Errors["diagnoses"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Referrals.CountAsync()));
    }

    [Theory]
    [InlineData("techniques")]
    [InlineData("bodyRegions")]
    [InlineData("precautions")]
    [InlineData("patient.identifiers")]
    public void Every_list_of_a_submission_is_bounded(string field)
    {
        var many = Enumerable.Range(0, ReferralValidator.MaxItems + 1).ToList();
        var valid = TestReferrals.Valid(TestReferrals.Today());
        var request = field switch
        {
            "techniques" => valid with { Techniques = [.. many.Select(_ => "trigger-point")] },
            "bodyRegions" => valid with { BodyRegions = [.. many.Select(i => $"region-{i}")] },
            "precautions" => valid with { Precautions = [.. many.Select(i => new PrecautionInput($"p{i}", "needs-physician-clearance", null))] },
            _ => valid with { Patient = valid.Patient! with { Identifiers = [.. many.Select(i => new IdentifierInput("urn:x", $"v{i}"))] } },
        };

        var errors = ReferralValidator.Validate(request, TestReferrals.Today(), out var content);

        Assert.Null(content);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("/api/referrals/audit?page=10000&pageSize=100")]
    [InlineData("/api/referrals?page=102&pageSize=100")]
    public async Task A_page_deeper_than_ten_thousand_rows_is_refused_instead_of_scanned(string url)
    {
        await using var app = await ReferralService.StartAsync(infrastructure);

        var response = await app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("narrow the search", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(url.Replace("page=", "page=1&x=", StringComparison.Ordinal))).StatusCode);
    }
}

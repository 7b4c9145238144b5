using System.Net;
using System.Net.Http.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class InboxTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_inbox_filters_by_location_status_physician_diagnosis_and_date_and_pages_newest_first()
    {
        var downtown = Guid.NewGuid();
        var uptown = Guid.NewGuid();
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.ClinicAdmin(downtown, uptown));
        var today = TestReferrals.Today();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await app.SubmitValidAsync(TestReferrals.Valid(today, downtown) with { Notes = $"#{i}" })).Id);
        }
        var carpal = await app.SubmitValidAsync(TestReferrals.Valid(today, downtown) with
        {
            Diagnoses = ["G56.01"],
            Physician = TestReferrals.Valid(today).Physician! with { Npi = TestReferrals.OtherNpi },
        });
        await app.SubmitValidAsync(TestReferrals.Valid(today, uptown));
        await app.AcceptAsync(ids[1]);

        var firstPage = await ListAsync(app, $"locationId={downtown}&pageSize=4");
        var secondPage = await ListAsync(app, $"locationId={downtown}&pageSize=4&page=2");
        Assert.Equal(6, firstPage.Total);
        Assert.Equal([carpal.Id, ids[4], ids[3], ids[2]], firstPage.Items.Select(r => r.Id));
        Assert.Equal([ids[1], ids[0]], secondPage.Items.Select(r => r.Id));

        Assert.Equal([ids[1]], (await ListAsync(app, $"locationId={downtown}&status=accepted")).Items.Select(r => r.Id));
        Assert.Equal([carpal.Id], (await ListAsync(app, $"physicianNpi={TestReferrals.OtherNpi}")).Items.Select(r => r.Id));
        Assert.Equal([carpal.Id], (await ListAsync(app, "diagnosis=g56.01")).Items.Select(r => r.Id));
        Assert.Equal(7, (await ListAsync(app, $"receivedFrom={today:yyyy-MM-dd}&receivedTo={today:yyyy-MM-dd}")).Total);
        Assert.Equal(0, (await ListAsync(app, $"receivedTo={today.AddDays(-1):yyyy-MM-dd}")).Total);
    }

    [Fact]
    public async Task Bad_inbox_filters_are_a_400_naming_each()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);

        var response = await app.Client.GetAsync("/api/referrals?status=lost&pageSize=1000&page=0&diagnosis=xyz");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["diagnosis", "page", "pageSize", "status"], problem!.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private static async Task<PagedList<ReferralSummary>> ListAsync(ReferralService app, string query) =>
        (await app.Client.GetFromJsonAsync<PagedList<ReferralSummary>>($"/api/referrals?{query}"))!;
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedMassage.Referral.Api.Apis.Contracts;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.Referral.Api.Tests.Api;

/// <summary>What the front desk looks for: referrals that need attention, and a patient by name, birth date, phone or reference.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class FrontDeskFindingTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_inbox_shows_apart_what_awaits_clearance_and_whose_authorization_runs_out()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero));
        await using var app = await ReferralService.StartAsync(infrastructure, clock);
        var today = TestReferrals.Today(clock);
        var scar = await app.SubmitValidAsync(TestReferrals.Valid(today) with { Techniques = ["scar-tissue-release"] });
        var ending = await app.SubmitValidAsync(TestReferrals.Valid(today) with { ValidUntil = today.AddDays(3) });
        var lasting = await app.SubmitValidAsync(TestReferrals.Valid(today));
        foreach (var id in new[] { scar.Id, ending.Id, lasting.Id })
        {
            await app.AcceptAsync(id);
        }

        Assert.Equal([scar.Id], (await ListAsync(app, "attention=awaiting-clearance")).Items.Select(r => r.Id));
        clock.Advance(TimeSpan.FromHours(1)); // the sweep raises the alert for the referral ending in three days
        var runningOut = await Eventually.WaitAsync(() => ListAsync(app, "attention=authorization-running-out"),
            page => page.Total > 0, what: "the authorization alert");
        Assert.Equal([ending.Id], runningOut.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task An_unknown_attention_is_a_400_listing_the_known_ones()
    {
        await using var app = await ReferralService.StartAsync(infrastructure);
        using var response = await app.Client.GetAsync("/api/referrals?attention=overdue");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("authorization-running-out", problem!.Errors["attention"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_is_found_by_name_birth_date_phone_or_reference_among_the_callers_referrals_only()
    {
        var other = Guid.NewGuid();
        await using var app = await ReferralService.StartAsync(infrastructure, caller: TestCaller.FrontDesk(TestReferrals.Clinic));
        var name = $"Zed{Guid.NewGuid():N}"[..12];
        var request = TestReferrals.Valid(TestReferrals.Today());
        var first = await app.SubmitValidAsync(request with { Patient = request.Patient! with { LastName = name, Phone = "+1 (555) 321-7788" } });
        var second = await app.SubmitValidAsync(request with { Patient = request.Patient! with { LastName = name, Phone = "+1 (555) 321-7788" } });

        foreach (var q in new[] { name.ToLowerInvariant(), $"Maria {name}", "555 321 7788", first.Reference })
        {
            var found = await FindAsync(app.Client, q);
            Assert.True(found.Count > 0, $"nothing found for {q}");
            var patient = found.Single(p => p.GetProperty("lastName").GetString() == name);
            var referrals = patient.GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
            Assert.Contains(first.Id, referrals);
            if (q != first.Reference)
            {
                Assert.Contains(second.Id, referrals);
            }
        }
        Assert.Contains(await FindAsync(app.Client, "1980-04-12"), p => p.GetProperty("lastName").GetString() == name);

        using var elsewhere = app.CreateClientAs(TestCaller.FrontDesk(other));
        Assert.Empty(await FindAsync(elsewhere, name));
        Assert.Empty(await FindAsync(elsewhere, first.Reference));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.GetAsync("/api/referrals/patients?q=a")).StatusCode);
        // LIKE's wildcards are text here: "%" matches no one.
        Assert.Empty(await FindAsync(app.Client, "%%"));
    }

    private static async Task<PagedList<ReferralSummary>> ListAsync(ReferralService app, string query) =>
        (await app.Client.GetFromJsonAsync<PagedList<ReferralSummary>>($"/api/referrals?{query}"))!;

    private static async Task<List<JsonElement>> FindAsync(HttpClient client, string q)
    {
        using var response = await client.GetAsync($"/api/referrals/patients?q={Uri.EscapeDataString(q)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}

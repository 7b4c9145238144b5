using System.Net;
using MedMassage.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Contracts.Referrals;
using MedMassage.Referral.Api.Tests.Support;
using MedMassage.ServiceDefaults.PhysicianLinks;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedMassage.Referral.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class PhysicianLinkTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_physician_clears_an_evaluation_finding_from_the_e_mail_link_without_signing_in_and_it_is_audited()
    {
        await using var probe = await EventProbe.StartAsync(infrastructure.EventBusConnectionString, typeof(ReferralChanged));
        await using var app = await ReferralService.StartAsync(infrastructure);
        var referral = await app.SubmitValidAsync(TestReferrals.Valid(TestReferrals.Today()));
        await app.AcceptAsync(referral.Id);
        await probe.PublishAsync(new EvaluationCompleted(Guid.NewGuid(), referral.Id, Guid.NewGuid(), Guid.NewGuid(), 6,
            [new ContraindicationFinding("Unhealed scar", ContraindicationEffect.NeedsPhysicianClearance, "neck")]));
        await Eventually.WaitAsync(() => app.GetAsync(referral.Id), r => r.AwaitingClearance.Count == 1, what: "finding awaiting clearance");
        var links = app.Services.GetRequiredService<PhysicianLinks>();
        var npi = referral.Physician.Npi;
        var link = new Uri(links.Issue(PhysicianLinkPurposes.GrantClearance, referral.Id, referral.Id, 0, npi, referral.Physician.Name)).PathAndQuery;
        var browser = app.CreateAnonymousClient();

        var page = await browser.GetStringAsync(link);
        Assert.Contains("Unhealed scar (neck)", page, StringComparison.Ordinal);
        var cleared = await browser.PostAsync(link, new FormUrlEncodedContent([new("subject", "Unhealed scar")]));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Contains("Nothing awaits your clearance", await cleared.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var details = await app.GetAsync(referral.Id);
        Assert.Empty(details.AwaitingClearance);
        Assert.StartsWith($"{referral.Physician.Name} (NPI {npi})", details.Clearances.Single().ClearedBy, StringComparison.Ordinal);
        await probe.WaitForAsync<ReferralChanged>(e => e.Referral.ReferralId == referral.Id && e.Referral.Cleared.Contains("Unhealed scar"));
        var audit = await app.QueryAsync(db => db.Audit.Where(a => a.ReferralId == referral.Id && a.UserId == "physician:" + npi).Select(a => a.Action).ToListAsync());
        Assert.Equal(["physician-link-opened", "physician-clearance"], audit);

        Assert.Equal(HttpStatusCode.Conflict, (await browser.PostAsync(link, new FormUrlEncodedContent([new("subject", "Unhealed scar")]))).StatusCode);
        var forAnotherReferral = new Uri(links.Issue(PhysicianLinkPurposes.GrantClearance, Guid.NewGuid(), Guid.NewGuid(), 0, npi, "Dr. X")).PathAndQuery;
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(forAnotherReferral)).StatusCode);
        var readOnly = new Uri(links.Issue(PhysicianLinkPurposes.ReadDocument, referral.Id, referral.Id, 0, npi, "Dr. X")).PathAndQuery;
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link[..link.LastIndexOf('/')] + readOnly[readOnly.LastIndexOf('/')..])).StatusCode);
    }
}

using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.ServiceDefaults.PhysicianLinks;
using MedMassage.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class PhysicianLinkTests(InfrastructureFixture infrastructure)
{
    private const string Npi = "1234567893";

    [Fact]
    public async Task The_physician_opens_the_evaluation_and_certifies_the_plan_from_e_mail_links_without_signing_in_and_each_step_is_audited()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var (referralId, evaluationId, planId) = await PlannedAsync(clinic);
        var links = clinic.Service.Services.GetRequiredService<PhysicianLinks>();
        var browser = clinic.Service.CreateAnonymousClient();

        var evaluation = await browser.GetAsync(PathOf(links.Issue(PhysicianLinkPurposes.ReadEvaluation, referralId, evaluationId, 0, Npi, "Dr. Ruth Lee")));
        Assert.Equal(HttpStatusCode.OK, evaluation.StatusCode);
        Assert.Contains("Evaluation summary", await evaluation.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var planLink = PathOf(links.Issue(PhysicianLinkPurposes.CertifyPlan, referralId, planId, 1, Npi, "Dr. Ruth Lee"));
        Assert.Contains("Certify this plan of care", await browser.GetStringAsync(planLink), StringComparison.Ordinal);
        var certify = await browser.PostAsync($"{planLink}/certify", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, certify.StatusCode);
        Assert.Contains("the plan of care is certified", await certify.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var certified = await clinic.Probe.WaitForAsync<TreatmentPlanCertified>(e => e.PlanId == planId);
        Assert.Equal("Dr. Ruth Lee (NPI 1234567893)", certified.CertifiedBy);
        var audit = await clinic.Service.QueryAsync(db => db.AuditEntries.Where(a => a.ReferralId == referralId && a.UserId == "physician:" + Npi)
            .OrderBy(a => a.At).Select(a => a.Action).ToListAsync());
        Assert.Equal(["read", "read", "certify"], audit);
    }

    [Fact]
    public async Task A_link_that_was_altered_expired_meant_for_another_purpose_or_another_physician_opens_nothing()
    {
        await using var clinic = await Clinic.OpenAsync(infrastructure);
        var (referralId, evaluationId, planId) = await PlannedAsync(clinic);
        var links = clinic.Service.Services.GetRequiredService<PhysicianLinks>();
        var browser = clinic.Service.CreateAnonymousClient();
        var good = PathOf(links.Issue(PhysicianLinkPurposes.ReadEvaluation, referralId, evaluationId, 0, Npi, "Dr. Ruth Lee"));

        var altered = good[..^3] + (good[^3] == 'A' ? 'B' : 'A') + good[^2..];
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(altered)).StatusCode);
        var otherPurpose = good.Replace("/evaluations/", "/plans/", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(otherPurpose)).StatusCode);
        var otherPhysician = PathOf(links.Issue(PhysicianLinkPurposes.ReadEvaluation, referralId, evaluationId, 0, "1679576722", "Dr. Other"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(otherPhysician)).StatusCode);
        var lastMonth = new PhysicianLinks(clinic.Service.Services.GetRequiredService<IDataProtectionProvider>(),
            new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-31)), Options.Create(new PhysicianLinkOptions()));
        var expired = PathOf(lastMonth.Issue(PhysicianLinkPurposes.CertifyPlan, referralId, planId, 1, Npi, "Dr. Ruth Lee"));
        Assert.Equal(HttpStatusCode.Gone, (await browser.PostAsync($"{expired}/certify", new FormUrlEncodedContent([]))).StatusCode);

        Assert.Equal(0, await clinic.Service.QueryAsync(db => db.AuditEntries.CountAsync(a => a.ReferralId == referralId && a.UserId.StartsWith("physician:"))));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(good)).StatusCode);
    }

    private static async Task<(Guid Referral, Guid Evaluation, Guid Plan)> PlannedAsync(Clinic clinic)
    {
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationId = await CourseOfCareTests.EvaluatedAsync(clinic.Therapist, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await clinic.Therapist.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        await Clinic.ReadAsync<TreatmentPlanResponse>(await clinic.Therapist.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null), HttpStatusCode.OK);
        return (referralId, evaluationId, plan.Id);
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;
}

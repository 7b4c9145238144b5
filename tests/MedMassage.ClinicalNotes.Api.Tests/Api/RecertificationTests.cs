using System.Net;
using MedMassage.ClinicalNotes.Api.Apis.Contracts;
using MedMassage.ClinicalNotes.Api.Application;
using MedMassage.Contracts.ClinicalNotes;
using MedMassage.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Api;

[Collection(InfrastructureCollection.Name)]
public sealed class RecertificationTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_certification_falling_due_is_announced_a_week_before_once_per_plan_and_due_date_however_often_and_wherever_the_sweep_runs()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var clinic = await Clinic.OpenAsync(infrastructure, service =>
        {
            service.Clock = clock;
            service.Settings["ClinicalNotes:DeadlineScanInterval"] = "00:00:00.200";
        });
        var api = clinic.Therapist;
        var referralId = await clinic.AcceptReferralAsync();
        var evaluationId = await CourseOfCareTests.EvaluatedAsync(api, referralId, (await clinic.BookAsync(referralId, "evaluation"))[0]);
        var plan = await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostJsonAsync("/api/clinical-notes/treatment-plans", Forms.Plan(evaluationId)), HttpStatusCode.Created);
        await Clinic.ReadAsync<TreatmentPlanResponse>(await api.PostAsync(new Uri($"/api/clinical-notes/treatment-plans/{plan.Id}/activate", UriKind.Relative), null), HttpStatusCode.OK);
        var activatedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // Certification is due 30 days after activation: 22 days in, a week and a day remain, so nobody is asked yet.
        clock.Advance(TimeSpan.FromDays(22));
        Assert.Equal(0, await SweepAsync(clinic));

        // A day later the physician is asked, once: by the monitor's daily sweep, by two replicas at the same moment and by a later run.
        clock.Advance(TimeSpan.FromDays(1));
        var announced = (await Task.WhenAll(SweepAsync(clinic), SweepAsync(clinic))).Sum() + await SweepAsync(clinic);
        var due = await clinic.Probe.WaitForAsync<PlanRecertificationDue>(e => e.PlanId == plan.Id);
        Assert.Equal((1, referralId, clinic.LocationId, activatedOn.AddDays(30), (DateTimeOffset?)null),
            (due.Version, due.ReferralId, due.LocationId, due.DueBy, due.LastCertifiedAt));
        Assert.InRange(announced, 0, 1);

        // Certified now, the plan is due again in 90 days, and that date is announced a week before it, once.
        await Clinic.ReadAsync<TreatmentPlanResponse>(
            await api.PostJsonAsync($"/api/clinical-notes/treatment-plans/{plan.Id}/certifications", new { certifiedBy = "Dr. Ruth Lee" }), HttpStatusCode.OK);
        var certifiedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromDays(89 - 7));
        await SweepAsync(clinic);
        var again = await clinic.Probe.WaitForAsync<PlanRecertificationDue>(e => e.PlanId == plan.Id && e.DueBy != due.DueBy);
        Assert.Equal(DateOnly.FromDateTime(certifiedAt.UtcDateTime).AddDays(89), again.DueBy);
        Assert.NotNull(again.LastCertifiedAt);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, clinic.Probe.Count<PlanRecertificationDue>(e => e.PlanId == plan.Id && e.DueBy == due.DueBy));
        Assert.Equal(1, clinic.Probe.Count<PlanRecertificationDue>(e => e.PlanId == plan.Id && e.DueBy == again.DueBy));
        Assert.Equal(2, await clinic.Service.QueryAsync(db => db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM plan_certification_alerts WHERE plan_id = {plan.Id}").SingleAsync()));
    }

    /// <summary>One run of the sweep in its own scope (its own connection), as one replica would run it.</summary>
    private static async Task<int> SweepAsync(Clinic clinic)
    {
        await using var scope = clinic.Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecertificationSweep>().SweepAsync(CancellationToken.None);
    }
}

using MedMassage.ClinicalNotes.Api.Application.Access;
using MedMassage.ClinicalNotes.Api.Domain.Documents;
using MedMassage.ClinicalNotes.Api.Domain.Evaluations;
using MedMassage.ClinicalNotes.Api.Domain.Notes;
using MedMassage.ClinicalNotes.Api.Domain.Plans;
using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.Application;

/// <summary>Loads what the rules need about a referral's care in one place.</summary>
public sealed class CareRecords(ClinicalNotesDbContext db, ClinicalScope scope)
{
    public Task<List<Evaluation>> SignedEvaluationsAsync(Guid referralId, CancellationToken ct) =>
        db.Evaluations.Where(e => e.ReferralId == referralId && e.SignedAt != null).OrderBy(e => e.SignedAt).ToListAsync(ct);

    public Task<TreatmentPlan?> ActivePlanAsync(Guid referralId, CancellationToken ct) =>
        db.TreatmentPlans.FirstOrDefaultAsync(p => p.ReferralId == referralId && p.Status == PlanStatus.Active, ct);

    /// <summary>The active plan, else the newest version of any plan of the referral.</summary>
    public async Task<TreatmentPlan?> CurrentPlanAsync(Guid referralId, CancellationToken ct) =>
        await ActivePlanAsync(referralId, ct)
        ?? await db.TreatmentPlans.Where(p => p.ReferralId == referralId).OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>The newest version of a plan the caller may see.</summary>
    public Task<TreatmentPlan?> LatestVersionAsync(Guid planId, CancellationToken ct) =>
        scope.TreatmentPlans.Where(p => p.Id == planId).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);

    public async Task<CourseOfCare> SignedCourseAsync(CareReferral referral, CancellationToken ct)
    {
        var evaluations = await SignedEvaluationsAsync(referral.Id, ct);
        var notes = await db.VisitNotes.Where(n => n.ReferralId == referral.Id && n.SignedAt != null).ToListAsync(ct);
        return CourseOfCare.Signed(referral, evaluations, await CurrentPlanAsync(referral.Id, ct), notes);
    }

    public async Task EnsureTreatmentAllowedAsync(CareReferral referral, IReadOnlyList<AppliedTechnique> techniques, DateOnly day, CancellationToken ct) =>
        TreatmentGate.EnsureAllowed(referral, await SignedEvaluationsAsync(referral.Id, ct), await ActivePlanAsync(referral.Id, ct), techniques, day);
}

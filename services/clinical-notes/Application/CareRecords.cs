using System.Runtime.CompilerServices;
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
public sealed class CareRecords(ClinicalNotesDbContext db, ClinicalNotesAccess scope)
{
    public Task<List<Evaluation>> SignedEvaluationsAsync(Guid referralId, CancellationToken ct) =>
        db.Evaluations.Where(e => e.ReferralId == referralId && e.SignedAt != null).OrderBy(e => e.SignedAt).ToListAsync(ct);

    public Task<TreatmentPlan?> ActivePlanAsync(Guid referralId, CancellationToken ct) =>
        db.TreatmentPlans.FirstOrDefaultAsync(p => p.ReferralId == referralId && p.Status == PlanStatus.Active, ct);

    /// <summary>The plan that stands for the referral's care (<see cref="TreatmentPlan.CurrentOf"/>).</summary>
    public async Task<TreatmentPlan?> CurrentPlanAsync(Guid referralId, CancellationToken ct) =>
        TreatmentPlan.CurrentOf(await db.TreatmentPlans.Where(p => p.ReferralId == referralId).ToListAsync(ct));

    /// <summary>The newest version of a plan the caller may see.</summary>
    public Task<TreatmentPlan?> LatestVersionAsync(Guid planId, CancellationToken ct) =>
        scope.TreatmentPlans.Where(p => p.Id == planId).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);

    public async Task<CourseOfCare> SignedCourseAsync(CareReferral referral, CancellationToken ct)
    {
        var evaluations = await SignedEvaluationsAsync(referral.Id, ct);
        var notes = await db.VisitNotes.Where(n => n.ReferralId == referral.Id && n.SignedAt != null).ToListAsync(ct);
        return CourseOfCare.Signed(referral, evaluations, await CurrentPlanAsync(referral.Id, ct), notes);
    }

    /// <summary>
    /// The signed courses of many referrals (outcome reports of a location or a therapist): three queries per chunk of
    /// <see cref="Chunk"/> referrals rather than three per referral, and no more than a chunk's records in memory.
    /// </summary>
    public async IAsyncEnumerable<CourseOfCare> SignedCoursesAsync(IReadOnlyList<CareReferral> referrals, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in referrals.Chunk(Chunk))
        {
            var ids = chunk.Select(r => r.Id).ToList();
            var evaluations = (await db.Evaluations.AsNoTracking().Where(e => ids.Contains(e.ReferralId) && e.SignedAt != null).ToListAsync(ct)).ToLookup(e => e.ReferralId);
            var notes = (await db.VisitNotes.AsNoTracking().Where(n => ids.Contains(n.ReferralId) && n.SignedAt != null).ToListAsync(ct)).ToLookup(n => n.ReferralId);
            var plans = (await db.TreatmentPlans.AsNoTracking().Where(p => ids.Contains(p.ReferralId)).ToListAsync(ct)).ToLookup(p => p.ReferralId);
            foreach (var referral in chunk)
            {
                yield return CourseOfCare.Signed(referral, evaluations[referral.Id], TreatmentPlan.CurrentOf(plans[referral.Id]), notes[referral.Id]);
            }
        }
    }

    public const int Chunk = 200;

    public async Task EnsureTreatmentAllowedAsync(CareReferral referral, IReadOnlyList<AppliedTechnique> techniques, DateOnly day, CancellationToken ct) =>
        TreatmentGate.EnsureAllowed(referral, await SignedEvaluationsAsync(referral.Id, ct), await ActivePlanAsync(referral.Id, ct), techniques, day);
}

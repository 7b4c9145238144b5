using MedMassage.ClinicalNotes.Api.Domain.Audit;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.ServiceDefaults.Audit;
using MedMassage.ServiceDefaults.Identity;
using MedMassage.ServiceDefaults.PhysicianLinks;

namespace MedMassage.ClinicalNotes.Api.Application;

/// <summary>
/// Records who touched which clinical record, as the validated token names them. Entries join the caller's unit of work, so a write and its audit entry
/// commit together; reads save their entry at once.
/// </summary>
public sealed class ClinicalAudit(ClinicalNotesDbContext db, ICurrentUser user, TimeProvider time)
{
    /// <param name="reason">Why a clinic admin acted for the treating therapist (<see cref="Domain.Appointments.Authorship"/>).</param>
    public void Record(string recordType, Guid recordId, Guid? referralId, string action, string? reason = null) =>
        db.AuditEntries.Add(ClinicalAuditEntry.Of(time.GetUtcNow(), AuditActor.Of(user), recordType, recordId, referralId, action, reason));

    /// <summary>A physician acting through an e-mail link.</summary>
    public void RecordByLink(PhysicianLink link, string recordType, Guid recordId, string action) =>
        db.AuditEntries.Add(ClinicalAuditEntry.Of(time.GetUtcNow(), AuditActor.ByLink(link, user.ClientAddress), recordType, recordId, link.ReferralId, action));

    public async Task RecordByLinkAsync(PhysicianLink link, string recordType, Guid recordId, string action, CancellationToken ct)
    {
        RecordByLink(link, recordType, recordId, action);
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordReadAsync(string recordType, Guid recordId, Guid? referralId, CancellationToken ct)
    {
        Record(recordType, recordId, referralId, AuditActions.Read);
        await db.SaveChangesAsync(ct);
    }
}

public static class RecordTypes
{
    public const string Referral = "referral";
    public const string Evaluation = "evaluation";
    public const string TreatmentPlan = "treatment-plan";
    public const string VisitNote = "visit-note";
    public const string Document = "document";
    public const string Outcomes = "outcomes";
}

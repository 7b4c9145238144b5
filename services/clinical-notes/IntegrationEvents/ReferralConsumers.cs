using MedMassage.ClinicalNotes.Api.Domain.Referrals;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Contracts.Referrals;
using MedMassage.Messaging.Inbox;

namespace MedMassage.ClinicalNotes.Api.IntegrationEvents;

/// <summary>Keeps the local copy of an accepted referral's prescription; a redelivered acceptance changes nothing.</summary>
public sealed class ReferralAcceptedConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralAccepted>(db)
{
    protected override async Task HandleAsync(ReferralAccepted m, CancellationToken ct)
    {
        if (await db.Referrals.FindAsync([m.ReferralId], ct) is not null)
        {
            return;
        }
        db.Referrals.Add(CareReferral.Accept(m.ReferralId, m.LocationId, m.Patient.PatientId, m.Patient.FullName,
            m.Physician.FullName, m.Physician.Npi, m.Physician.Email, m.DiagnosisCodes, m.Techniques, m.BodyRegions,
            m.TechniquesAwaitingClearance, m.ValidUntil, m.Visits.Authorized));
    }
}

public sealed class ReferralClearanceRecordedConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralClearanceRecorded>(db)
{
    protected override async Task HandleAsync(ReferralClearanceRecorded m, CancellationToken ct) =>
        (await db.Referrals.FindAsync([m.ReferralId], ct))?.RecordClearance(m.Technique, m.TechniquesAwaitingClearance);
}

public sealed class ReferralPutOnHoldConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralPutOnHold>(db)
{
    protected override async Task HandleAsync(ReferralPutOnHold m, CancellationToken ct) =>
        (await db.Referrals.FindAsync([m.ReferralId], ct))?.PutOnHold(m.Reason);
}

public sealed class ReferralResumedConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralResumed>(db)
{
    protected override async Task HandleAsync(ReferralResumed m, CancellationToken ct) =>
        (await db.Referrals.FindAsync([m.ReferralId], ct))?.Resume();
}

public sealed class ReferralCancelledConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralCancelled>(db)
{
    protected override async Task HandleAsync(ReferralCancelled m, CancellationToken ct) =>
        (await db.Referrals.FindAsync([m.ReferralId], ct))?.Close(ReferralStatus.Cancelled, m.Reason);
}

public sealed class ReferralExpiredConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralExpired>(db)
{
    protected override async Task HandleAsync(ReferralExpired m, CancellationToken ct) =>
        (await db.Referrals.FindAsync([m.ReferralId], ct))?.Close(ReferralStatus.Expired, $"Expired on {m.ValidUntil:yyyy-MM-dd}");
}

public sealed class ReferralVisitsExhaustedConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralVisitsExhausted>(db)
{
    protected override async Task HandleAsync(ReferralVisitsExhausted m, CancellationToken ct) =>
        (await db.Referrals.FindAsync([m.ReferralId], ct))?.Close(ReferralStatus.Exhausted, $"All {m.Visits.Authorized} authorized visits used");
}

public sealed class ReferralCompletedConsumer(ClinicalNotesDbContext db) : IdempotentConsumer<ClinicalNotesDbContext, ReferralCompleted>(db)
{
    protected override async Task HandleAsync(ReferralCompleted m, CancellationToken ct) =>
        (await db.Referrals.FindAsync([m.ReferralId], ct))?.Close(ReferralStatus.Completed, null);
}

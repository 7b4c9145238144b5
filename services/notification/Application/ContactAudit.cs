using MedMassage.Notification.Api.Domain.Audit;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;
using MedMassage.ServiceDefaults.Audit;
using MedMassage.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Notification.Api.Application;

/// <summary>
/// Records every showing of a patient's email address or phone number: a patient message's recipient, or a
/// delivery-failure alert that names it. Called with what a response is about to show, saved before it is sent.
/// </summary>
public sealed class ContactAudit(NotificationDbContext db, ICurrentUser user, TimeProvider time)
{
    public const string MessageRecord = "message";
    public const string AlertRecord = "staff-alert";
    public const string SmsRecord = "sms";

    /// <summary>Messages shown with their recipient address.</summary>
    public Task RecipientsShownAsync(IEnumerable<Message> shown, string recordType, CancellationToken ct) =>
        SaveAsync(shown.Where(RevealsPatientContact).Select(m => (m.Id, m.PatientId!.Value)), recordType, ct);

    /// <summary>Messages shown with their text: a delivery-failure alert's text names the address of the message that failed.</summary>
    public async Task TextsShownAsync(IEnumerable<Message> shown, CancellationToken ct)
    {
        var alerts = shown.Where(m => m.MessageType == MessageType.DeliveryFailed).ToDictionary(m => m.SourceEventId, m => m.Id);
        if (alerts.Count == 0)
        {
            return;
        }
        var failed = await db.Messages.AsNoTracking().Where(m => alerts.Keys.Contains(m.Id)).ToListAsync(ct);
        await SaveAsync(failed.Where(RevealsPatientContact).Select(m => (alerts[m.Id], m.PatientId!.Value)), AlertRecord, ct);
    }

    // In-app messages are addressed to an inbox key, not to an email address or phone number.
    private static bool RevealsPatientContact(Message m) => m.PatientId is not null && m.Channel != Channel.InApp;

    private async Task SaveAsync(IEnumerable<(Guid RecordId, Guid PatientId)> reads, string recordType, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var actor = AuditActor.Of(user);
        var entries = reads.Select(r => ContactAuditEntry.ContactShown(now, actor, recordType, r.RecordId, r.PatientId)).ToList();
        if (entries.Count == 0)
        {
            return;
        }
        db.ContactAudit.AddRange(entries);
        await db.SaveChangesAsync(ct);
    }
}

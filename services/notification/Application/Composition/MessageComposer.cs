using MedMassage.Contracts;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Preferences;
using MedMassage.Notification.Api.Domain.Templates;
using MedMassage.Notification.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedMassage.Notification.Api.Application.Composition;

/// <summary>
/// Turns "tell this person about this" into queued messages: picks the channel and language (the patient's
/// preferences first, the referral's contact details otherwise), fills the template and adds the message to the
/// unit of work. The dispatcher sends it when due.
/// </summary>
public sealed class MessageComposer(NotificationDbContext db, TimeProvider time, IOptions<NotificationOptions> options)
{
    // Preferences read ahead for a batch of events, including "has none", which FindAsync would ask again each time.
    private readonly Dictionary<Guid, PatientPreferences?> loaded = [];

    /// <summary>Reads the preferences of many patients in one query, for a batch that writes to all of them.</summary>
    public async Task LoadPreferencesAsync(IEnumerable<Guid> patientIds, CancellationToken ct)
    {
        var ids = patientIds.Distinct().ToList();
        var found = await db.Preferences.AsNoTracking().Where(p => ids.Contains(p.PatientId)).ToDictionaryAsync(p => p.PatientId, ct);
        foreach (var id in ids)
        {
            loaded[id] = found.GetValueOrDefault(id);
        }
    }

    public async Task<Message> ToPatientAsync(MessageDraft draft, PatientContact patient, Action<TemplateValues> fill, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var preferences = loaded.TryGetValue(patient.PatientId, out var read) ? read : await db.Preferences.FindAsync([patient.PatientId], ct);
        var language = preferences?.Language ?? patient.Language;
        var wanted = preferences?.Channel ?? ParseChannel(patient.PreferredChannel);
        var values = new TemplateValues(language).Patient(patient.FullName);
        fill(values);
        return Add(draft, PatientAddress(patient, wanted), values, dueAt);
    }

    /// <summary>Physicians are written to by email; without an address on file, staff are told to reach them another way.</summary>
    public Message ToPhysician(MessageDraft draft, PhysicianContact physician, Action<TemplateValues> fill)
    {
        var values = new TemplateValues("en").Set("physician", physician.FullName);
        fill(values);
        if (string.IsNullOrWhiteSpace(physician.Email))
        {
            return ToStaff(draft with { Type = MessageType.DeliveryFailed, Category = MessageCategory.StaffAlert, PurposeSuffix = draft.Type.ToString() }, v => v
                .Set("type", draft.Type.ToString()).Set("channel", "email").Set("recipient", $"{physician.FullName} (NPI {physician.Npi})")
                .Set("attempts", "0").Set("error", "no email address on file"));
        }
        return Add(draft, new Recipient(Recipient.PhysicianKey(physician.Npi), Channel.Email, physician.Email), values, null);
    }

    /// <summary>Staff alerts go to the location's staff inbox (or the chain's when the location is unknown).</summary>
    public Message ToStaff(MessageDraft draft, Action<TemplateValues> fill)
    {
        var values = new TemplateValues(options.Value.StaffLanguage);
        fill(values);
        return Add(draft with { Category = MessageCategory.StaffAlert }, Recipient.Inbox(Recipient.StaffKey(draft.LocationId)), values, null);
    }

    private Message Add(MessageDraft draft, Recipient recipient, TemplateValues values, DateTimeOffset? dueAt)
    {
        var now = time.GetUtcNow();
        var content = TemplateCatalog.Render(draft.Type, values.Language, values.Values);
        var message = Message.Queue(draft, recipient, content, dueAt ?? now, now);
        db.Messages.Add(message);
        return message;
    }

    /// <summary>The preferred channel if the patient can be reached on it, else email, SMS, and the inbox last.</summary>
    private static Recipient PatientAddress(PatientContact patient, Channel wanted)
    {
        var key = Recipient.PatientKey(patient.PatientId);
        Recipient? Email() => string.IsNullOrWhiteSpace(patient.Email) ? null : new(key, Channel.Email, patient.Email, patient.PatientId);
        Recipient? Sms() => string.IsNullOrWhiteSpace(patient.Phone) ? null : new(key, Channel.Sms, patient.Phone, patient.PatientId);
        var preferred = wanted switch
        {
            Channel.Email => Email(),
            Channel.Sms => Sms(),
            _ => Recipient.Inbox(key, patient.PatientId),
        };
        return preferred ?? Email() ?? Sms() ?? Recipient.Inbox(key, patient.PatientId);
    }

    internal static Channel ParseChannel(string? channel) => channel?.Trim().ToLowerInvariant() switch
    {
        "sms" or "text" or "phone" => Channel.Sms,
        "inapp" or "in-app" or "app" or "portal" => Channel.InApp,
        _ => Channel.Email,
    };
}

using MedMassage.Contracts.Scheduling;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Domain.Templates;
using MedMassage.Notification.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedMassage.Notification.Api.Application.Composition;

/// <summary>The patient's messages about one appointment: confirmation, change, cancellation and reminders.</summary>
public sealed class AppointmentMessages(NotificationDbContext db, MessageComposer composer, TimeProvider time, IOptions<NotificationOptions> options)
{
    public Task NotifyAsync(Guid eventId, MessageType type, AppointmentInfo appointment, DateTimeOffset? previousStart, CancellationToken ct) =>
        composer.ToPatientAsync(Draft(eventId, type, MessageCategory.Clinical, appointment), appointment.Patient, v =>
        {
            Fill(v, appointment);
            if (previousStart is { } previous)
            {
                v.Time("previous", previous, appointment.Location.TimeZone);
            }
        }, null, ct);

    /// <summary>Reminders at the location's offsets before the start; those already past are not scheduled.</summary>
    public async Task ScheduleRemindersAsync(Guid eventId, AppointmentInfo appointment, CancellationToken ct)
    {
        var offsets = options.Value.RemindersFor(appointment.Location.LocationId);
        foreach (var reminder in ReminderSchedule.For(appointment.StartsAt, offsets, time.GetUtcNow()))
        {
            var draft = Draft(eventId, MessageType.AppointmentReminder, MessageCategory.Reminder, appointment) with { PurposeSuffix = reminder.Key };
            await composer.ToPatientAsync(draft, appointment.Patient, v => Fill(v, appointment), reminder.DueAt, ct);
        }
    }

    /// <summary>Withdraws the reminders not sent yet; the appointment they were for has moved or gone.</summary>
    public async Task CancelRemindersAsync(Guid appointmentId, string reason, CancellationToken ct)
    {
        var pending = await db.Messages
            .Where(m => m.AppointmentId == appointmentId && m.MessageType == MessageType.AppointmentReminder && m.Status == MessageStatus.Queued)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var reminder in pending)
        {
            reminder.Cancel(reason, now);
        }
    }

    /// <summary>
    /// A booking that arrives after a change or cancellation of the same appointment (events may overtake each
    /// other) must not bring back reminders the later event already replaced or withdrew.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> WithLaterNewsAsync(IEnumerable<Guid> appointmentIds, CancellationToken ct)
    {
        var ids = appointmentIds.Distinct().ToList();
        var later = await db.Messages
            .Where(m => m.AppointmentId != null && ids.Contains(m.AppointmentId.Value)
                && (m.MessageType == MessageType.AppointmentChanged || m.MessageType == MessageType.AppointmentCancelled))
            .Select(m => m.AppointmentId!.Value)
            .Distinct()
            .ToListAsync(ct);
        return later.ToHashSet();
    }

    private static MessageDraft Draft(Guid eventId, MessageType type, MessageCategory category, AppointmentInfo appointment) =>
        new(eventId, type, category, appointment.Location.TimeZone, appointment.Location.LocationId, appointment.AppointmentId);

    private static void Fill(TemplateValues values, AppointmentInfo appointment) => values
        .Location(appointment.Location)
        .Time("time", appointment.StartsAt, appointment.Location.TimeZone)
        .Set("therapist", appointment.TherapistName);
}

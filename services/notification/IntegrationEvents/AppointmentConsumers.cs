using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Inbox;
using MedMassage.Notification.Api.Application.Composition;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;

namespace MedMassage.Notification.Api.IntegrationEvents;

/// <summary>
/// Bookings come in batches (a busy clinic books hundreds an hour): what the batch needs to know (locations,
/// preferences, later news) is read in a few queries, and its messages and reminders are saved in one commit.
/// </summary>
public sealed class AppointmentBookedConsumer(NotificationDbContext db, LocationDirectory directory, MessageComposer composer, AppointmentMessages messages)
    : IdempotentBatchConsumer<NotificationDbContext, AppointmentBooked>(db)
{
    protected override async Task HandleAsync(IReadOnlyList<AppointmentBooked> batch, CancellationToken ct)
    {
        await composer.LoadPreferencesAsync(batch.Select(m => m.Appointment.Patient.PatientId), ct);
        var overtaken = await messages.WithLaterNewsAsync(batch.Select(m => m.Appointment.AppointmentId), ct);
        foreach (var message in batch)
        {
            var appointment = message.Appointment;
            await directory.RememberAsync(appointment.Location, ct);
            await messages.NotifyAsync(message.EventId, MessageType.AppointmentConfirmed, appointment, null, ct);
            if (!overtaken.Contains(appointment.AppointmentId))
            {
                await messages.ScheduleRemindersAsync(message.EventId, appointment, ct);
            }
        }
    }
}

public sealed class AppointmentRescheduledConsumer(NotificationDbContext db, LocationDirectory directory, AppointmentMessages messages)
    : IdempotentConsumer<NotificationDbContext, AppointmentRescheduled>(db)
{
    protected override async Task HandleAsync(AppointmentRescheduled message, CancellationToken ct)
    {
        var appointment = message.Appointment;
        await directory.RememberAsync(appointment.Location, ct);
        await messages.CancelRemindersAsync(appointment.AppointmentId, $"appointment rescheduled (event {message.EventId})", ct);
        await messages.NotifyAsync(message.EventId, MessageType.AppointmentChanged, appointment, message.PreviousStartsAt, ct);
        await messages.ScheduleRemindersAsync(message.EventId, appointment, ct);
    }
}

public sealed class AppointmentCancelledConsumer(NotificationDbContext db, AppointmentMessages messages)
    : IdempotentConsumer<NotificationDbContext, AppointmentCancelled>(db)
{
    protected override async Task HandleAsync(AppointmentCancelled message, CancellationToken ct)
    {
        var appointment = message.Appointment;
        await messages.CancelRemindersAsync(appointment.AppointmentId, $"appointment cancelled (event {message.EventId})", ct);
        await messages.NotifyAsync(message.EventId, MessageType.AppointmentCancelled, appointment, null, ct);
    }
}

public sealed class WaitlistSlotOfferedConsumer(NotificationDbContext db, LocationDirectory directory, MessageComposer composer)
    : IdempotentConsumer<NotificationDbContext, WaitlistSlotOffered>(db)
{
    protected override async Task HandleAsync(WaitlistSlotOffered message, CancellationToken ct)
    {
        await directory.RememberAsync(message.Location, ct);
        var zone = message.Location.TimeZone;
        var draft = new MessageDraft(message.EventId, MessageType.WaitlistOffer, MessageCategory.Clinical, zone, message.Location.LocationId);
        await composer.ToPatientAsync(draft, message.Patient, v => v
            .Location(message.Location)
            .Set("therapist", message.TherapistName)
            .Time("time", message.SlotStartsAt, zone)
            .Time("expires", message.OfferExpiresAt, zone), null, ct);
    }
}

/// <summary>Locations as scheduling announces them: name, address, phone and the zone messages are written in.</summary>
public sealed class LocationChangedConsumer(NotificationDbContext db, LocationDirectory directory)
    : IdempotentConsumer<NotificationDbContext, LocationChanged>(db)
{
    protected override Task HandleAsync(LocationChanged message, CancellationToken ct) => directory.RememberAsync(message.Location, ct);
}

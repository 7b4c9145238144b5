using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Inbox;
using MedMassage.Notification.Api.Composition;
using MedMassage.Notification.Api.Domain.Messages;
using MedMassage.Notification.Api.Infrastructure;

namespace MedMassage.Notification.Api.Consumers;

public sealed class AppointmentBookedConsumer(NotificationDbContext db, LocationDirectory directory, AppointmentMessages messages)
    : IdempotentConsumer<NotificationDbContext, AppointmentBooked>(db)
{
    protected override async Task HandleAsync(AppointmentBooked message, CancellationToken ct)
    {
        var appointment = message.Appointment;
        await directory.RememberAsync(appointment.Location, ct);
        await messages.NotifyAsync(message.EventId, MessageType.AppointmentConfirmed, appointment, null, ct);
        if (!await messages.HasLaterNewsAsync(appointment.AppointmentId, ct))
        {
            await messages.ScheduleRemindersAsync(message.EventId, appointment, ct);
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

using MedMassage.ClinicalNotes.Api.Domain.Appointments;
using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Contracts;
using MedMassage.Contracts.Scheduling;
using MedMassage.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.ClinicalNotes.Api.IntegrationEvents;

/// <summary>
/// Every appointment event carries the whole appointment; the latest one seen describes it. Events come in batches
/// (a busy clinic books hundreds an hour): one query loads the batch's known appointments, one commit saves them.
/// </summary>
public abstract class AppointmentConsumer<TEvent>(ClinicalNotesDbContext db) : IdempotentBatchConsumer<ClinicalNotesDbContext, TEvent>(db)
    where TEvent : IntegrationEvent
{
    protected abstract AppointmentInfo Info(TEvent message);

    protected abstract AppointmentStatus Status { get; }

    protected override async Task HandleAsync(IReadOnlyList<TEvent> messages, CancellationToken ct)
    {
        var ids = messages.Select(m => Info(m).AppointmentId).Distinct().ToList();
        var known = await db.Appointments.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var message in messages)
        {
            var a = Info(message);
            if (!known.TryGetValue(a.AppointmentId, out var appointment))
            {
                appointment = ClinicAppointment.Create(a.AppointmentId, a.ReferralId);
                db.Appointments.Add(appointment);
                known.Add(a.AppointmentId, appointment);
            }
            appointment.Update(a.AppointmentType, a.TherapistId, a.TherapistName, a.Location.LocationId, a.Location.Name, a.StartsAt, a.EndsAt, Status, message.OccurredAt);
        }
    }
}

public sealed class AppointmentBookedConsumer(ClinicalNotesDbContext db) : AppointmentConsumer<AppointmentBooked>(db)
{
    protected override AppointmentInfo Info(AppointmentBooked m) => m.Appointment;
    protected override AppointmentStatus Status => AppointmentStatus.Booked;
}

public sealed class AppointmentRescheduledConsumer(ClinicalNotesDbContext db) : AppointmentConsumer<AppointmentRescheduled>(db)
{
    protected override AppointmentInfo Info(AppointmentRescheduled m) => m.Appointment;
    protected override AppointmentStatus Status => AppointmentStatus.Booked;
}

public sealed class AppointmentCheckedInConsumer(ClinicalNotesDbContext db) : AppointmentConsumer<AppointmentCheckedIn>(db)
{
    protected override AppointmentInfo Info(AppointmentCheckedIn m) => m.Appointment;
    protected override AppointmentStatus Status => AppointmentStatus.CheckedIn;
}

public sealed class AppointmentCompletedConsumer(ClinicalNotesDbContext db) : AppointmentConsumer<AppointmentCompleted>(db)
{
    protected override AppointmentInfo Info(AppointmentCompleted m) => m.Appointment;
    protected override AppointmentStatus Status => AppointmentStatus.Completed;
}

public sealed class AppointmentCancelledConsumer(ClinicalNotesDbContext db) : AppointmentConsumer<AppointmentCancelled>(db)
{
    protected override AppointmentInfo Info(AppointmentCancelled m) => m.Appointment;
    protected override AppointmentStatus Status => AppointmentStatus.Cancelled;
}

public sealed class AppointmentNoShowConsumer(ClinicalNotesDbContext db) : AppointmentConsumer<AppointmentNoShow>(db)
{
    protected override AppointmentInfo Info(AppointmentNoShow m) => m.Appointment;
    protected override AppointmentStatus Status => AppointmentStatus.NoShow;
}

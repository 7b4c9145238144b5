using MedMassage.Scheduling.Api.Application.Booking;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Series;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Series;

/// <summary>What happened to one occurrence of a series: booked (or changed), or refused and why.</summary>
public sealed record OccurrenceResult(DateTimeOffset StartsAt, DateTimeOffset LocalStartsAt, Guid? AppointmentId, Refusal? Refusal);

public sealed record BookSeries(Guid ReferralId, Guid LocationId, Guid TherapistId, string AppointmentType, SeriesPattern Pattern);

/// <summary>Which occurrences a change applies to.</summary>
public enum SeriesScope { ThisOne, ThisAndFollowing }

public sealed record ChangeSeries(Guid FromAppointmentId, SeriesScope Scope, TimeOnly? NewLocalTime, int DayOffset, bool Cancel, string? Reason);

/// <summary>
/// A recurring series is only a shared id on independent appointments: each occurrence is booked, moved or
/// cancelled on its own, through the same rules as any single appointment, and its outcome reported on its own.
/// </summary>
public sealed class SeriesBooking(SchedulingDbContext db, AppointmentBooking booking, AppointmentLifecycle lifecycle)
{
    public async Task<Outcome<(Guid SeriesId, List<OccurrenceResult> Occurrences)>> BookAsync(BookSeries command, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == command.LocationId, ct);
        if (location is null)
        {
            return Refusal.NotFound("The location");
        }
        var seriesId = Guid.NewGuid();
        var results = new List<OccurrenceResult>();
        foreach (var startsAt in command.Pattern.Occurrences(location.Clock))
        {
            var outcome = await booking.BookAsync(
                new BookAppointment(command.ReferralId, command.LocationId, command.TherapistId, command.AppointmentType, startsAt, SeriesId: seriesId), ct);
            if (outcome.Refusal is { IsNotFound: true } missing)
            {
                return missing;
            }
            results.Add(new OccurrenceResult(startsAt, location.Clock.ToLocal(startsAt), outcome.Value?.Id, outcome.Refusal));
        }
        return (seriesId, results);
    }

    public async Task<Outcome<List<OccurrenceResult>>> ChangeAsync(Guid seriesId, ChangeSeries command, CancellationToken ct)
    {
        var series = await db.Appointments.AsNoTracking().Where(a => a.SeriesId == seriesId).OrderBy(a => a.StartsAt).ToListAsync(ct);
        var from = series.FirstOrDefault(a => a.Id == command.FromAppointmentId);
        if (from is null)
        {
            return Refusal.NotFound(series.Count == 0 ? "The series" : "The appointment in this series");
        }
        var location = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == from.LocationId, ct);
        var clock = location.Clock;
        var affected = command.Scope == SeriesScope.ThisOne
            ? [from]
            : series.Where(a => a.StartsAt >= from.StartsAt && a.Status == AppointmentStatus.Booked).ToList();

        // Moving later occurrences forward could collide with ones not yet moved; the last goes first then.
        var ordered = command.DayOffset > 0 ? affected.AsEnumerable().Reverse() : affected;
        var results = new List<OccurrenceResult>();
        foreach (var appointment in ordered)
        {
            Outcome<Appointment> outcome;
            DateTimeOffset target;
            if (command.Cancel)
            {
                target = appointment.StartsAt;
                outcome = await lifecycle.ChangeAsync(appointment.Id, StatusChange.Cancel, command.Reason, ct);
            }
            else
            {
                var local = clock.ToLocal(appointment.StartsAt);
                var date = DateOnly.FromDateTime(local.DateTime).AddDays(command.DayOffset);
                target = clock.ToInstant(date, command.NewLocalTime ?? TimeOnly.FromDateTime(local.DateTime), LocalClock.Ambiguity.Earlier);
                outcome = await booking.RescheduleAsync(appointment.Id, new RescheduleAppointment(target), ct);
            }
            results.Add(new OccurrenceResult(target, clock.ToLocal(target), appointment.Id, outcome.Refusal));
        }
        return results.OrderBy(r => r.StartsAt).ToList();
    }
}

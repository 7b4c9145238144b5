using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Therapists;

namespace MedMassage.Scheduling.Api.Domain.Figures;

/// <summary>A therapist's (or a location's) attendance over some days, as managers read it.</summary>
public sealed record Attendance(
    int Booked, int Completed, int NoShows, int LateCancellations, int Cancellations, int BookedMinutes, int AvailableMinutes)
{
    /// <summary>No-shows out of the visits that were due (not cancelled in time).</summary>
    public decimal NoShowRate => Rate(NoShows, Booked);

    /// <summary>Late cancellations out of every visit booked for these days.</summary>
    public decimal LateCancelRate => Rate(LateCancellations, Booked + Cancellations);

    /// <summary>Minutes of visits kept (booked, attended or missed) out of the minutes the therapist was available.</summary>
    public decimal Utilization => Rate(BookedMinutes, AvailableMinutes);

    public static Attendance operator +(Attendance a, Attendance b) => new(a.Booked + b.Booked, a.Completed + b.Completed, a.NoShows + b.NoShows,
        a.LateCancellations + b.LateCancellations, a.Cancellations + b.Cancellations, a.BookedMinutes + b.BookedMinutes, a.AvailableMinutes + b.AvailableMinutes);

    public static readonly Attendance None = new(0, 0, 0, 0, 0, 0, 0);

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 3);
}

/// <summary>
/// How the figures are counted, in one place. "Booked" are the visits that stayed on the calendar (booked, checked in,
/// completed, no-show); cancellations are counted apart, late ones also as late cancellations. Available minutes are
/// the therapist's weekly windows at the location on each local day, less the time off that overlaps them.
/// </summary>
public static class AttendanceFigures
{
    public static Attendance Of(Therapist therapist, Location location, IEnumerable<Appointment> visits, DateOnly from, DateOnly to)
    {
        var theirs = visits.Where(v => v.TherapistId == therapist.Id && v.LocationId == location.Id).ToList();
        var kept = theirs.Where(v => v.Status is not AppointmentStatus.Cancelled).ToList();
        var cancelled = theirs.Where(v => v.Status is AppointmentStatus.Cancelled).ToList();
        return new Attendance(
            kept.Count,
            kept.Count(v => v.Status is AppointmentStatus.Completed),
            kept.Count(v => v.Status is AppointmentStatus.NoShow),
            cancelled.Count(v => v.IsLateCancellation),
            cancelled.Count,
            (int)kept.Sum(v => (v.EndsAt - v.StartsAt).TotalMinutes),
            AvailableMinutes(therapist, location, from, to));
    }

    public static int AvailableMinutes(Therapist therapist, Location location, DateOnly from, DateOnly to)
    {
        var minutes = 0.0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var window in therapist.Availability.Where(w => w.LocationId == location.Id && w.Day == day.DayOfWeek))
            {
                var start = location.Clock.ToInstant(day, window.Starts, Time.LocalClock.Ambiguity.Earlier);
                var end = location.Clock.ToInstant(day, window.Ends, Time.LocalClock.Ambiguity.Later);
                var off = therapist.TimeOff.Sum(t => Math.Max(0, (Min(end, t.EndsAt) - Max(start, t.StartsAt)).TotalMinutes));
                minutes += Math.Max(0, (end - start).TotalMinutes - off);
            }
        }
        return (int)minutes;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.Scheduling.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>Which room a visit would take: shared by booking, rescheduling and holds, so a hold needs a room exactly when a booking does.</summary>
internal static class FreeRooms
{
    /// <summary>A room of the location with no live appointment overlapping the visit; the moving visit's own room first.</summary>
    public static async Task<Guid?> FindAsync(SchedulingDbContext db, Location location, Interval visit, IReadOnlySet<Guid> tried, Appointment? moving, CancellationToken ct)
    {
        var movingId = moving?.Id ?? Guid.Empty;
        var earliest = visit.Start - AppointmentType.LongestVisit;
        var busy = await db.Appointments
            .Where(a => a.LocationId == location.Id && a.Status != AppointmentStatus.Cancelled && a.StartsAt < visit.End && a.StartsAt > earliest && a.EndsAt > visit.Start)
            .Where(a => a.Id != movingId)
            .Select(a => a.RoomId)
            .ToListAsync(ct);
        // Any free room will do; choosing one at random spreads concurrent bookings over the rooms' locks.
        return location.Rooms.Select(r => r.Id)
            .Where(id => !busy.Contains(id) && !tried.Contains(id))
            .OrderBy(id => id == moving?.RoomId ? 0 : 1).ThenBy(_ => Random.Shared.Next())
            .Cast<Guid?>()
            .FirstOrDefault();
    }
}

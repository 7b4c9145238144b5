using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Application.Booking;

/// <summary>
/// Who is busy when, as far as one batch knows: the live appointments it read, plus the ones it has decided so
/// far. It keeps a batch from asking the database for an insert the exclusion constraints would refuse (which
/// would undo the whole batch); it does not replace them, they still decide.
/// </summary>
internal sealed class Occupancy(IEnumerable<Appointment> appointments)
{
    private readonly List<(Guid Therapist, Guid Room, Interval Visit)> _busy =
        [.. appointments.Where(a => a.OccupiesTime).Select(a => (a.TherapistId, a.RoomId, a.Visit))];

    public bool TherapistBusy(Guid therapistId, Interval visit) => _busy.Exists(b => b.Therapist == therapistId && b.Visit.Overlaps(visit));

    public bool RoomBusy(Guid roomId, Interval visit) => _busy.Exists(b => b.Room == roomId && b.Visit.Overlaps(visit));

    /// <summary>A free room of the location, chosen at random so concurrent writers spread over the rooms' locks.</summary>
    public Guid? FreeRoom(Location location, Interval visit)
    {
        var free = location.Rooms.Where(r => !RoomBusy(r.Id, visit)).ToList();
        return free.Count == 0 ? null : free[Random.Shared.Next(free.Count)].Id;
    }

    public void Add(Appointment appointment) => _busy.Add((appointment.TherapistId, appointment.RoomId, appointment.Visit));
}

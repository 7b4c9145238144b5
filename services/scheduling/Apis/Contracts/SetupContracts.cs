using System.ComponentModel.DataAnnotations;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Contracts;
using MedMassage.ServiceDefaults;
using MedMassage.ServiceDefaults.OpenApi;

namespace MedMassage.Scheduling.Api.Apis.Contracts;

public sealed record OpeningHoursDto([Required][OneOf(typeof(DayOfWeek))] string? Day, [Required] string? Opens, [Required] string? Closes);

public sealed record RoomDto(Guid? Id, [Required] string? Name);

/// <summary>On creation <c>id</c> names the location (as the identity directory knows it); an update ignores it.</summary>
public sealed record LocationRequest(
    Guid? Id, [Required] string? Name, [Required] string? Address, [Required] string? Phone, [Required] string? TimeZone, int? LateCancellationWindowHours,
    IReadOnlyList<OpeningHoursDto>? OpeningHours, [Required] IReadOnlyList<RoomDto>? Rooms);

public sealed record LocationView(
    Guid Id, string Name, string Address, string Phone, string TimeZone, double LateCancellationWindowHours,
    IReadOnlyList<OpeningHoursDto> OpeningHours, IReadOnlyList<Room> Rooms)
{
    public static LocationView From(Location l) => new(l.Id, l.Name, l.Address, l.Phone, l.TimeZone, l.LateCancellationWindow.TotalHours,
        [.. l.OpeningHours.Select(h => new OpeningHoursDto(h.Day.WireName(), h.Opens.ToString("HH:mm"), h.Closes.ToString("HH:mm")))], l.Rooms);
}

/// <summary>
/// A therapist's profile. <c>Id</c>, when given on creation, is the therapist's staff account id (the <c>sub</c> of their
/// sign-in): it is what lets them document their own visits in clinical notes. Without it a new id is made.
/// </summary>
public sealed record TherapistRequest(
    [Required] string? Name, [Required] string? LicenceNumber, [Required] string? LicenceState, [Required] DateOnly? LicenceExpiresOn,
    [OneOf(typeof(MassageTechniques), nameof(MassageTechniques.Known))] IReadOnlyList<string>? Certifications, IReadOnlyList<string>? Specialties, IReadOnlyList<Guid>? LocationIds, Guid? Id = null);

public sealed record AvailabilityWindowDto([Required] Guid? LocationId, [Required][OneOf(typeof(DayOfWeek))] string? Day, [Required] string? Starts, [Required] string? Ends);

public sealed record AvailabilityRequest([Required] IReadOnlyList<AvailabilityWindowDto>? Windows);

public sealed record TimeOffRequest([Required] DateTimeOffset? StartsAt, [Required] DateTimeOffset? EndsAt, string? Reason);

/// <summary>A therapist as staff of some of their locations see them: where and when they work there, not elsewhere.</summary>
public sealed record TherapistView(
    Guid Id, string Name, string LicenceNumber, string LicenceState, DateOnly LicenceExpiresOn,
    IReadOnlyList<string> Certifications, IReadOnlyList<string> Specialties, IReadOnlyList<Guid> LocationIds,
    IReadOnlyList<AvailabilityWindowDto> Availability, IReadOnlyList<TimeOff> TimeOff)
{
    public static TherapistView From(Therapist t, Func<Guid, bool> shown) => new(t.Id, t.Name, t.LicenceNumber, t.LicenceState, t.LicenceExpiresOn,
        t.Certifications, t.Specialties, [.. t.LocationIds.Where(shown)],
        [.. t.Availability.Where(w => shown(w.LocationId))
            .Select(w => new AvailabilityWindowDto(w.LocationId, w.Day.WireName(), w.Starts.ToString("HH:mm"), w.Ends.ToString("HH:mm")))],
        t.TimeOff);
}

public sealed record AppointmentTypeRequest([Required] string? Name, [Required][OneOf(typeof(VisitKind))] string? Kind, [Required] int? DurationMinutes);

public sealed record AppointmentTypeView(string Code, string Name, VisitKind Kind, int DurationMinutes)
{
    public static AppointmentTypeView From(AppointmentType t) => new(t.Code, t.Name, t.Kind, t.DurationMinutes);
}

using MedMassage.Contracts;
using MedMassage.Scheduling.Api.Domain.Appointments;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Therapists;
using MedMassage.Scheduling.Api.Domain.Time;
using MedMassage.ServiceDefaults;

namespace MedMassage.Scheduling.Api.Apis.Contracts;

/// <summary>Turns setup requests into domain values, naming every bad field.</summary>
public static class SetupMapping
{
    public static LocationDetails ToDetails(this LocationRequest r, FieldErrors problems)
    {
        var name = problems.Text("name", r.Name);
        var address = problems.Text("address", r.Address, 500);
        var phone = problems.Text("phone", r.Phone, 50);
        if (!LocalClock.IsKnownZone(r.TimeZone))
        {
            problems.Add("timeZone", "timeZone must be an IANA time zone such as America/New_York.");
        }
        var window = r.LateCancellationWindowHours ?? 24;
        if (window is < 0 or > 24 * 14)
        {
            problems.Add("lateCancellationWindowHours", "lateCancellationWindowHours must be between 0 and 336.");
        }
        var hours = (r.OpeningHours ?? []).Select((h, i) =>
        {
            var hour = new OpeningHours(problems.Day($"openingHours[{i}].day", h.Day),
                problems.Time($"openingHours[{i}].opens", h.Opens), problems.Time($"openingHours[{i}].closes", h.Closes));
            if (hour.Opens >= hour.Closes && hour.Closes != default)
            {
                problems.Add($"openingHours[{i}]", "opens must be before closes.");
            }
            return hour;
        }).ToList();
        var rooms = (r.Rooms ?? []).Select((room, i) => new Room(room.Id ?? Guid.Empty, problems.Text($"rooms[{i}].name", room.Name))).ToList();
        if (rooms.Count == 0)
        {
            problems.Add("rooms", "A location needs at least one room.");
        }
        return new LocationDetails(name, address, phone, r.TimeZone ?? "", TimeSpan.FromHours(window), hours, rooms);
    }

    public static TherapistProfile ToProfile(this TherapistRequest r, FieldErrors problems)
    {
        var name = problems.Text("name", r.Name);
        var number = problems.Text("licenceNumber", r.LicenceNumber, 50);
        var given = problems.Text("licenceState", r.LicenceState, 50);
        var state = given.Length == 0 ? given : LicenceStates.Normalize(given) ?? "";
        if (given.Length > 0 && state.Length == 0)
        {
            problems.Add("licenceState", $"Must be a US state or territory code, one of: {string.Join(", ", LicenceStates.All)}.");
        }
        var expires = problems.Required("licenceExpiresOn", r.LicenceExpiresOn);
        if (r.Certifications?.Any(string.IsNullOrWhiteSpace) == true)
        {
            problems.Add("certifications", "Certifications must not be blank.");
        }
        foreach (var unknown in (r.Certifications ?? []).Where(c => !string.IsNullOrWhiteSpace(c) && !MassageTechniques.IsCertification(c)))
        {
            problems.Add("certifications", $"'{unknown.Trim()}' is not a technique; certifications name one of: {string.Join(", ", MassageTechniques.Known)}.");
        }
        return new TherapistProfile(name, number, state, expires ?? default,
            [.. (r.Certifications ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())],
            [.. (r.Specialties ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())],
            r.LocationIds ?? []);
    }

    /// <summary>
    /// The therapist's new week: the requested windows, which must be at locations the caller may set up
    /// (<paramref name="editable"/>), plus the windows they keep at the therapist's other locations.
    /// </summary>
    public static List<AvailabilityWindow> ToWindows(this AvailabilityRequest r, Therapist therapist, Func<Guid, bool> editable, FieldErrors problems)
    {
        if (r.Windows is null)
        {
            problems.Add("windows", "windows is required (an empty list clears the availability at your locations).");
            return [];
        }
        var windows = r.Windows.Select((w, i) =>
        {
            var window = new AvailabilityWindow(problems.Required($"windows[{i}].locationId", w.LocationId) ?? Guid.Empty,
                problems.Day($"windows[{i}].day", w.Day), problems.Time($"windows[{i}].starts", w.Starts), problems.Time($"windows[{i}].ends", w.Ends));
            if (window.LocationId != Guid.Empty && !(therapist.LocationIds.Contains(window.LocationId) && editable(window.LocationId)))
            {
                problems.Add($"windows[{i}].locationId", "Availability is set only at your locations where the therapist works.");
            }
            if (window.Starts >= window.Ends && window.Ends != default)
            {
                problems.Add($"windows[{i}]", "starts must be before ends.");
            }
            return window;
        }).ToList();
        var kept = therapist.Availability.Where(w => !editable(w.LocationId)).ToList();
        for (var i = 0; i < windows.Count; i++)
        {
            // One person cannot be in two places: windows of a day may not overlap, at any location.
            if (windows.Take(i).Concat(kept).Any(o => o.Day == windows[i].Day && o.Starts < windows[i].Ends && windows[i].Starts < o.Ends))
            {
                problems.Add($"windows[{i}]", "The window overlaps another window on the same day.");
            }
        }
        return [.. kept, .. windows];
    }

    public static AppointmentType? ToType(this AppointmentTypeRequest r, string code, FieldErrors problems)
    {
        var name = problems.Text("name", r.Name);
        if (!ApiJson.TryParse<VisitKind>(r.Kind, out var kind))
        {
            problems.Add("kind", $"kind must be one of: {string.Join(", ", ApiJson.WireNames<VisitKind>())}.");
        }
        if (r.DurationMinutes is not (>= AppointmentType.ShortestMinutes and <= AppointmentType.LongestMinutes))
        {
            problems.Add("durationMinutes", $"durationMinutes must be between {AppointmentType.ShortestMinutes} and {AppointmentType.LongestMinutes}.");
        }
        if (string.IsNullOrWhiteSpace(code) || code.Length > 50)
        {
            problems.Add("code", "code must be 1 to 50 characters.");
        }
        return problems.Any ? null : new AppointmentType(code, name, kind, r.DurationMinutes!.Value);
    }
}

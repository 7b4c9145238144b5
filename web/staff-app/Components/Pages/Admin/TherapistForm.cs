using MedMassage.StaffApp.Gateway;

namespace MedMassage.StaffApp.Components.Pages.Admin;

/// <summary>A therapist being set up: profile, weekly availability at one location (closed days empty), time off to add.</summary>
public sealed class TherapistForm
{
    public Guid? Id { get; set; }
    public Guid? AccountId { get; set; }
    public string Name { get; set; } = "";
    public string LicenceNumber { get; set; } = "";
    public string LicenceState { get; set; } = "";
    public DateOnly LicenceExpiresOn { get; set; } = DateOnly.FromDateTime(DateTime.Today).AddYears(1);
    public string Certifications { get; set; } = "";
    public string Specialties { get; set; } = "";
    public HashSet<Guid> LocationIds { get; } = [];
    public Dictionary<string, (string Starts, string Ends)> Week { get; } = LocationForm.Days.ToDictionary(d => d, d => d is "Saturday" or "Sunday" ? ("", "") : ("09:00", "17:00"));

    public static TherapistForm From(TherapistView t)
    {
        var form = new TherapistForm
        {
            Id = t.Id, Name = t.Name, LicenceNumber = t.LicenceNumber, LicenceState = t.LicenceState, LicenceExpiresOn = t.LicenceExpiresOn,
            Certifications = string.Join(", ", t.Certifications), Specialties = string.Join(", ", t.Specialties),
        };
        form.LocationIds.UnionWith(t.LocationIds);
        foreach (var day in LocationForm.Days)
        {
            form.Week[day] = t.Availability.FirstOrDefault(a => LocationForm.DayName(a.Day) == day) is { } a ? (a.Starts, a.Ends) : ("", "");
        }
        return form;
    }

    public object ToRequest() => new
    {
        id = Id ?? AccountId, name = Name, licenceNumber = LicenceNumber, licenceState = LicenceState, licenceExpiresOn = LicenceExpiresOn,
        certifications = List(Certifications), specialties = List(Specialties), locationIds = LocationIds.ToArray(),
    };

    /// <summary>The same weekly hours at each of the therapist's locations chosen here.</summary>
    public object AvailabilityRequest() => new
    {
        windows = LocationIds.SelectMany(l => Week.Where(w => w.Value.Starts.Length > 0 && w.Value.Ends.Length > 0)
            .Select(w => new { locationId = l, day = w.Key, starts = w.Value.Starts, ends = w.Value.Ends })),
    };

    private static string[] List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

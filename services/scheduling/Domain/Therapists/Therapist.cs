using MedMassage.Contracts;
using MedMassage.Scheduling.Api.Domain.Locations;
using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Domain.Therapists;

/// <summary>A licensed therapist: what they may do (licence, certifications), where, and when they work.</summary>
public sealed class Therapist
{
    private Therapist() { }

    public Therapist(Guid id, TherapistProfile profile)
    {
        Id = id;
        Update(profile);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string LicenceNumber { get; private set; } = "";
    public string LicenceState { get; private set; } = "";
    public DateOnly LicenceExpiresOn { get; private set; }
    public List<string> Certifications { get; private set; } = [];
    public List<string> Specialties { get; private set; } = [];
    public List<Guid> LocationIds { get; private set; } = [];
    public List<AvailabilityWindow> Availability { get; private set; } = [];
    public List<TimeOff> TimeOff { get; private set; } = [];
    public byte[]? CalendarFeedKeyHash { get; private set; }

    /// <summary>Whose appointments the feed shows: those at the locations its issuer and the therapist share.</summary>
    public List<Guid> CalendarFeedLocationIds { get; private set; } = [];
    public DateTimeOffset? CalendarFeedExpiresAt { get; private set; }

    public void Update(TherapistProfile profile)
    {
        Name = profile.Name;
        LicenceNumber = profile.LicenceNumber;
        LicenceState = profile.LicenceState;
        LicenceExpiresOn = profile.LicenceExpiresOn;
        Certifications = [.. profile.Certifications];
        Specialties = [.. profile.Specialties];
        LocationIds = [.. profile.LocationIds.Distinct()];
    }

    /// <summary>
    /// A new secret for the therapist's calendar-feed address; the previous address stops working. The feed shows
    /// the appointments at the issuer's locations only, so it never opens another clinic's book to them.
    /// </summary>
    public string IssueCalendarFeedKey(IEnumerable<Guid> issuerLocations, DateTimeOffset expiresAt)
    {
        var (key, hash) = CalendarFeedKey.New();
        CalendarFeedKeyHash = hash;
        CalendarFeedLocationIds = [.. LocationIds.Intersect(issuerLocations)];
        CalendarFeedExpiresAt = expiresAt;
        return key;
    }

    /// <summary>The key opens the feed until the address expires; after that a new one must be issued.</summary>
    public bool OpensCalendarFeed(string key, DateTimeOffset now) =>
        CalendarFeedExpiresAt > now && CalendarFeedKey.Matches(CalendarFeedKeyHash, key);

    public void SetAvailability(IEnumerable<AvailabilityWindow> windows) => Availability = [.. windows];

    public TimeOff AddTimeOff(DateTimeOffset startsAt, DateTimeOffset endsAt, string? reason)
    {
        var timeOff = new TimeOff(Guid.NewGuid(), startsAt.ToUniversalTime(), endsAt.ToUniversalTime(), reason);
        TimeOff = [.. TimeOff, timeOff];
        return timeOff;
    }

    public bool RemoveTimeOff(Guid id)
    {
        var before = TimeOff.Count;
        TimeOff = [.. TimeOff.Where(t => t.Id != id)];
        return TimeOff.Count != before;
    }

    /// <summary>
    /// Whether this therapist may give <paramref name="techniques"/> at <paramref name="location"/> on a local
    /// date: works there, licence current that day, a certification for every technique that needs one.
    /// </summary>
    public Refusal? MayTreat(IEnumerable<string> techniques, Guid location, DateOnly date)
    {
        if (!LocationIds.Contains(location))
        {
            // No name: the caller may be staff of a location the therapist has nothing to do with.
            return new Refusal("therapist-location", "The therapist does not work at this location.");
        }
        if (LicenceExpiresOn < date)
        {
            return new Refusal("therapist-licence", $"{Name}'s licence {LicenceNumber} ({LicenceState}) expires on {LicenceExpiresOn:yyyy-MM-dd}.");
        }
        var uncovered = techniques
            .Where(MassageTechniques.RequiresCertification)
            .Where(t => !Certifications.Any(c => MassageTechniques.Covers(c, t)))
            .ToList();
        return uncovered.Count == 0
            ? null
            : new Refusal("therapist-certification", $"{Name} is not certified for {string.Join(", ", uncovered)}.");
    }

    /// <summary>
    /// The last local date on which <see cref="MayTreat"/> allows <paramref name="techniques"/> here (only the
    /// licence depends on the date), or null when it allows no date: lets a search decide once per therapist.
    /// </summary>
    public DateOnly? MayTreatUntil(IReadOnlyCollection<string> techniques, Guid location) =>
        MayTreat(techniques, location, DateOnly.MinValue) is null ? LicenceExpiresOn : null;

    /// <summary>
    /// The instants on a local date when this therapist can see patients at a location: their weekly
    /// windows there, inside the opening hours, minus time off. Windows are wall-clock, so 09:00–17:00 stays
    /// 09:00–17:00 local on either side of a daylight-saving change.
    /// </summary>
    public IReadOnlyList<Interval> WorkingIntervals(Location location, DateOnly date)
    {
        var clock = location.Clock;
        var open = location.OpenOn(date).ToList();
        var timeOff = TimeOff.Select(t => new Interval(t.StartsAt, t.EndsAt)).ToList();
        return
        [
            .. Availability
                .Where(w => w.LocationId == location.Id && w.Day == date.DayOfWeek)
                .Select(w => new Interval(
                    clock.ToInstant(date, w.Starts, LocalClock.Ambiguity.Earlier),
                    clock.ToInstant(date, w.Ends, LocalClock.Ambiguity.Later)))
                .SelectMany(w => open.Select(w.Intersect).OfType<Interval>())
                .SelectMany(w => w.Subtract(timeOff))
                .OrderBy(w => w.Start),
        ];
    }

    public bool IsWorking(Location location, Interval visit) =>
        WorkingIntervals(location, location.Clock.DateOf(visit.Start)).Any(w => w.Contains(visit));
}

/// <summary>A weekly wall-clock window at one location.</summary>
public sealed record AvailabilityWindow(Guid LocationId, DayOfWeek Day, TimeOnly Starts, TimeOnly Ends);

/// <summary>An exception to the weekly pattern: holiday, sick day, training.</summary>
public sealed record TimeOff(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Reason);

public sealed record TherapistProfile(
    string Name,
    string LicenceNumber,
    string LicenceState,
    DateOnly LicenceExpiresOn,
    IReadOnlyList<string> Certifications,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<Guid> LocationIds);

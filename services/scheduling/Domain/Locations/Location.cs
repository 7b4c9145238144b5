using MedMassage.Scheduling.Api.Domain.Time;

namespace MedMassage.Scheduling.Api.Domain.Locations;

/// <summary>A clinic site. Its IANA time zone is the one every local time there is computed and shown in.</summary>
public sealed class Location
{
    private Location() { }

    public Location(Guid id, LocationDetails details)
    {
        Id = id;
        Update(details);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    public int LateCancellationMinutes { get; private set; }
    public List<OpeningHours> OpeningHours { get; private set; } = [];
    public List<Room> Rooms { get; private set; } = [];

    public LocalClock Clock => LocalClock.For(TimeZone);

    public TimeSpan LateCancellationWindow => TimeSpan.FromMinutes(LateCancellationMinutes);

    public void Update(LocationDetails details)
    {
        Name = details.Name;
        Address = details.Address;
        Phone = details.Phone;
        TimeZone = details.TimeZone;
        LateCancellationMinutes = (int)details.LateCancellationWindow.TotalMinutes;
        OpeningHours = [.. details.OpeningHours];
        // Rooms keep their ids when renamed so appointments stay attached to them.
        Rooms = [.. details.Rooms.Select(r => r with { Id = r.Id == Guid.Empty ? Guid.NewGuid() : r.Id })];
    }

    /// <summary>When the doors are open on a local date, as instants.</summary>
    public IEnumerable<Interval> OpenOn(DateOnly date) =>
        OpeningHours.Where(h => h.Day == date.DayOfWeek).Select(h => new Interval(
            Clock.ToInstant(date, h.Opens, LocalClock.Ambiguity.Earlier),
            Clock.ToInstant(date, h.Closes, LocalClock.Ambiguity.Later)));

    /// <summary>A cancellation inside the window before the start is late (and may be charged).</summary>
    public bool IsLateCancellation(DateTimeOffset startsAt, DateTimeOffset now) => startsAt - now < LateCancellationWindow;
}

public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public sealed record Room(Guid Id, string Name);

public sealed record LocationDetails(
    string Name,
    string Address,
    string Phone,
    string TimeZone,
    TimeSpan LateCancellationWindow,
    IReadOnlyList<OpeningHours> OpeningHours,
    IReadOnlyList<Room> Rooms);

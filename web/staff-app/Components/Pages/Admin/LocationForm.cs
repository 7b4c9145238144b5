using MedMassage.StaffApp.Gateway;

namespace MedMassage.StaffApp.Components.Pages.Admin;

/// <summary>A location being set up: details, opening hours per weekday (closed when empty) and rooms, one per line.</summary>
public sealed class LocationForm
{
    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>The day as shown and translated ("Monday") from the API's "monday".</summary>
    public static string DayName(string day) => Days.FirstOrDefault(d => d.Equals(day, StringComparison.OrdinalIgnoreCase)) ?? day;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string TimeZone { get; set; } = "America/New_York";
    public int LateCancellationWindowHours { get; set; } = 24;
    public Dictionary<string, (string Opens, string Closes)> Hours { get; } = Days.ToDictionary(d => d, _ => ("08:00", "18:00"));
    public string Rooms { get; set; } = "Room 1";
    public List<RoomView> ExistingRooms { get; } = [];

    public static LocationForm From(LocationView l)
    {
        var form = new LocationForm { Id = l.Id, Name = l.Name, Address = l.Address, Phone = l.Phone, TimeZone = l.TimeZone,
            LateCancellationWindowHours = (int)l.LateCancellationWindowHours, Rooms = string.Join(Environment.NewLine, l.Rooms.Select(r => r.Name)) };
        foreach (var day in Days)
        {
            form.Hours[day] = l.OpeningHours.FirstOrDefault(h => DayName(h.Day) == day) is { } h ? (h.Opens, h.Closes) : ("", "");
        }
        form.ExistingRooms.AddRange(l.Rooms);
        return form;
    }

    /// <summary>The service's request; rooms keep their ids by name, so visits booked in them stay where they are.</summary>
    public object ToRequest() => new
    {
        id = Id, name = Name, address = Address, phone = Phone, timeZone = TimeZone,
        lateCancellationWindowHours = LateCancellationWindowHours,
        openingHours = Hours.Where(h => h.Value.Opens.Length > 0 && h.Value.Closes.Length > 0)
            .Select(h => new { day = h.Key, opens = h.Value.Opens, closes = h.Value.Closes }),
        rooms = Rooms.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => new { id = ExistingRooms.FirstOrDefault(r => r.Name == name)?.Id, name }),
    };
}

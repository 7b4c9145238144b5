using MedMassage.Contracts;

namespace MedMassage.Notification.Api.Domain.Directory;

/// <summary>A clinic location as the scheduling events last described it.</summary>
public sealed class KnownLocation
{
    private KnownLocation()
    {
    }

    public Guid LocationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string TimeZone { get; private set; } = "UTC";
    public DateTimeOffset UpdatedAt { get; private set; }

    public LocationInfo Info => new(LocationId, Name, Address, Phone, TimeZone);

    public static KnownLocation For(Guid locationId) => new() { LocationId = locationId };

    public void Update(LocationInfo info, DateTimeOffset now)
    {
        Name = info.Name;
        Address = info.Address;
        Phone = info.Phone;
        TimeZone = info.TimeZone;
        UpdatedAt = now;
    }
}

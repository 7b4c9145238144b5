namespace MedMassage.Scheduling.Api.Domain.Time;

/// <summary>
/// Local calendar days asked of the database: the UTC span that covers them in every time zone (UTC-12 to UTC+14);
/// each visit is then kept by its own location's local date.
/// </summary>
public static class LocalDays
{
    public static (DateTimeOffset Start, DateTimeOffset End) Covering(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14),
         new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(14));

    public static bool Within(DateTimeOffset local, DateOnly from, DateOnly to) =>
        DateOnly.FromDateTime(local.DateTime) is var day && day >= from && day <= to;
}

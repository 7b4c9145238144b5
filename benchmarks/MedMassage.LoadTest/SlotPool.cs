namespace MedMassage.LoadTest;

/// <summary>
/// Distinct evaluation slots (therapist × working hour) over the weeks after the searched one, in a fixed random
/// order, so bookings that run at the same time rarely want the same hour (and never the same therapist-hour).
/// </summary>
public sealed class SlotPool
{
    private readonly (Guid Therapist, DateTimeOffset StartsAt)[] _slots;
    private int _next;

    public SlotPool(Clinic clinic, DateOnly firstMonday, int needed)
    {
        var perWeek = clinic.Therapists.Count * Clinic.WorkDays.Length * (Clinic.Closes.Hour - Clinic.Opens.Hour);
        Weeks = (needed + perWeek - 1) / perWeek;
        LastDay = firstMonday.AddDays(7 * Weeks - 1);
        var slots =
            from week in Enumerable.Range(0, Weeks)
            from day in Enumerable.Range(0, Clinic.WorkDays.Length)
            from hour in Enumerable.Range(Clinic.Opens.Hour, Clinic.Closes.Hour - Clinic.Opens.Hour)
            from therapist in clinic.Therapists
            select (therapist, clinic.At(firstMonday.AddDays(7 * week + day), hour));
        _slots = [.. slots];
        new Random(42).Shuffle(_slots);
    }

    public int Weeks { get; }

    public DateOnly LastDay { get; }

    public (Guid Therapist, DateTimeOffset StartsAt)[] Take(int count)
    {
        if (_next + count > _slots.Length)
        {
            throw new InvalidOperationException($"Only {_slots.Length - _next} slots left, {count} wanted.");
        }
        var taken = _slots[_next..(_next + count)];
        _next += count;
        return taken;
    }
}
